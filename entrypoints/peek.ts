// Run by popup.html before the popup's module: reads the peek (data/srs/peek.ts) from
// storage.session and, when it is still true, paints the first card (components/popup/peek-paint.ts)
// while the popup's scripts load and the database opens. The popup's app renders over it once it has
// read the queue itself (entrypoints/popup/main.tsx). Kept apart from the popup's chunks, so it costs
// a few kilobytes and no framework: `npm run bench -- popup` measures it against the bare page.
import { PEEK_KEY, readPeek, type Peek } from '@/data/srs/peek';
import { paintPeek } from '@/components/popup/peek-paint';

function paint(peek: Peek): void {
  const root = document.getElementById('root');
  // The app came first (a slow storage read, a fast database): it is the truth, leave it.
  if (!root || root.hasChildNodes()) return;
  paintPeek(root, peek);
  // Read by `npm run bench` and the e2e suite: which card was painted (none: the day is done), and when.
  performance.mark('tifa:peek', { detail: peek.card?.id });
  if (peek.card) performance.mark('tifa:first-card');
}

export default defineUnlistedScript(() => {
  // An older browser without storage.session has no peek: the popup shows its card as before.
  void Promise.resolve(browser.storage.session?.get(PEEK_KEY) ?? {}).then(
    (got) => {
      const peek = readPeek((got as Record<string, unknown>)[PEEK_KEY], Date.now());
      if (!peek) return;
      // Before the module scripts run (they run once parsing is done, before DOMContentLoaded).
      if (document.readyState !== 'loading') paint(peek);
      else document.addEventListener('readystatechange', () => paint(peek), { once: true });
    },
    () => {}, // no peek: the popup shows its card as it always did
  );
});
