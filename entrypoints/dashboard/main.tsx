import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/common/error-boundary';
import { DashboardApp } from '@/components/dashboard/dashboard-app';
import '@/components/theme.css';

createRoot(document.getElementById('root')!).render(
  <ErrorBoundary>
    <DashboardApp />
  </ErrorBoundary>,
);
