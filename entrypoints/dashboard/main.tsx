import { createRoot } from 'react-dom/client';
import { DashboardApp } from '@/components/dashboard/dashboard-app';
import '@/components/theme.css';

createRoot(document.getElementById('root')!).render(<DashboardApp />);
