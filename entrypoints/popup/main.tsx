import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/common/error-boundary';
import { PopupApp } from '@/components/popup/popup-app';
import { db } from '@/data/db/schema';
import { followStore } from '@/lib/browser/store-follow';
import '@/components/theme.css';
import './popup.css';

performance.mark('tifa:popup-script');
// Open the database while React renders, so the first query finds it ready.
void db.open().catch(() => {}); // a failure shows through the first query and the error boundary
createRoot(document.getElementById('root')!).render(
  <ErrorBoundary>
    <PopupApp />
  </ErrorBoundary>,
);
// This page's own writes recount the badge and recolour pages even while the background sleeps.
followStore();
