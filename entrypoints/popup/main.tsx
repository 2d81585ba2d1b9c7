import { render as renderInto } from 'preact';
import { ErrorBoundary } from '@/components/common/error-boundary';
import { PopupApp } from '@/components/popup/popup-app';
import { db } from '@/data/db/schema';
import { followStore } from '@/lib/browser/store-follow';
import { startToday } from '@/components/popup/use-today';
import '@/components/theme.css';
import './popup.css';

/**
 * At the latest, the app renders (正在载入…) this long after its script ran, the queue read or not; longer
 * over a peek's card, which would otherwise give way to 正在载入… and come back.
 */
const RENDER_WAIT_MS = 400;
const RENDER_WAIT_PEEK_MS = 3000;

performance.mark('tifa:popup-script');
// Open the database and read today's queue at once: the first card needs both.
void db.open().then(
  () => performance.mark('tifa:db-open'), // read by `npm run bench`
  () => {}, // a failure shows through the first query and the error boundary
);
const first = startToday(new Date());

// The app renders once the queue is read, so its first render is the card: over the peek's card when
// entrypoints/peek.ts painted one, and never 正在载入… in between. Preact's own render, not
// react-dom's createRoot: compat's empties the root first, Preact's takes the peek's elements over
// (it reuses a root's children of the same tags and corrects their attributes and text).
let rendered = false;
function render() {
  if (rendered) return;
  rendered = true;
  renderInto(
    <ErrorBoundary>
      <PopupApp />
    </ErrorBoundary>,
    document.getElementById('root')!,
  );
}
setTimeout(() => {
  if (performance.getEntriesByName('tifa:peek').length) setTimeout(render, RENDER_WAIT_PEEK_MS - RENDER_WAIT_MS);
  else render();
}, RENDER_WAIT_MS);
void first.then((today) => {
  render();
  if (!today) return;
  // What was painted before this read, if anything: a card other than the queue's first is a stale peek
  // (the read keeps its own peek for the next opening: use-today.ts).
  const painted = performance.getEntriesByName('tifa:peek')[0] as PerformanceMark | undefined;
  // (A mark's detail is null when none was given: the day-done screen.)
  if (painted && (painted.detail ?? undefined) !== today.queue[0]) performance.mark('tifa:peek-stale');
});
// This page's own writes recount the badge and recolour pages even while the background sleeps.
followStore();
