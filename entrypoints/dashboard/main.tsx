import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/common/error-boundary';
import { DashboardApp } from '@/components/dashboard/dashboard-app';
import '@/components/theme.css';
import { followStore } from '@/lib/browser/store-follow';

createRoot(document.getElementById('root')!).render(
  <ErrorBoundary>
    <DashboardApp />
  </ErrorBoundary>,
);
// This page's own writes recount the badge and recolour pages even while the background sleeps.
followStore();
