import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/common/error-boundary';
import { PopupApp } from '@/components/popup/popup-app';
import { db } from '@/data/db/schema';
import { followStore } from '@/lib/browser/store-follow';
import { startToday } from '@/components/popup/use-today';
import '@/components/theme.css';
import './popup.css';

performance.mark('tifa:popup-script');
// Open the database and read today's queue while React renders: the first card needs both.
void db.open().then(
  () => performance.mark('tifa:db-open'), // read by `npm run bench`
  () => {}, // a failure shows through the first query and the error boundary
);
startToday(new Date());
createRoot(document.getElementById('root')!).render(
  <ErrorBoundary>
    <PopupApp />
  </ErrorBoundary>,
);
// This page's own writes recount the badge and recolour pages even while the background sleeps.
followStore();
