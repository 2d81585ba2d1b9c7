import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/common/error-boundary';
import { WelcomeApp } from '@/components/welcome/welcome-app';
import '@/components/theme.css';
import '@/components/welcome/welcome.css';
import { followStore } from '@/lib/browser/store-follow';

createRoot(document.getElementById('root')!).render(
  <ErrorBoundary>
    <WelcomeApp />
  </ErrorBoundary>,
);
// This page's own writes recount the badge even while the background sleeps.
followStore();
