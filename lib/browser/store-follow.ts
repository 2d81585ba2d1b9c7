// Every extension context hears of committed writes to the store, wherever they were made, through
// Dexie's cross-context change event (no context announces its writes). The background and the
// extension pages (popup, dashboard, quiz) each follow it: the page that wrote hears its own write
// even while the background sleeps (a write in a page does not wake it), and the background hears
// the pages' writes while awake and its own (hover card, context menu) always.
// On a change of progress: the popup's peek is dropped at once (peek-store.ts), the toolbar badge
// is recounted (which keeps a new peek), and the progress stamp content scripts recolour by (they
// never open IndexedDB) is bumped when some term's colour changed.
import { db } from '@/data/db/schema';
import { watchStore } from '@/data/db/store-changes';
import { studiedNoteStates } from '@/data/db/term-index';
import { refreshBadge } from './badge';
import { bumpProgress } from './progress-stamp';
import { dropPeek } from './peek-store';

/** Tables whose rows decide the due count and the terms' colours. */
const PROGRESS_TABLES = ['cards', 'reviewLogs', 'histories', 'settings'];
/** Writes come in bursts (an import, a review and its log): one refresh after the burst. */
const SETTLE_MS = 150;
/** The colours last announced, shared by every context (and kept while the background sleeps). */
const STATES_KEY = 'termStatesSeen';

/**
 * Bumps the stamp only when some term's colour changed: a page's sightings are written to the
 * cards too, and must not send every open tab asking for states again.
 */
async function bumpIfStatesChanged(): Promise<void> {
  const states = JSON.stringify(await studiedNoteStates(db));
  const seen = (await browser.storage.session.get(STATES_KEY))[STATES_KEY];
  if (states === seen) return;
  await browser.storage.session.set({ [STATES_KEY]: states });
  await bumpProgress();
}

let refreshing: Promise<void> = Promise.resolve();

/** Recounts the badge and announces changed colours; one run at a time. */
export function refreshProgress(): Promise<void> {
  refreshing = refreshing.then(() =>
    Promise.all([
      refreshBadge(),
      bumpIfStatesChanged().catch((err: unknown) => console.warn('提法：无法更新学习进度标记', err)),
    ]).then(() => {}),
  );
  return refreshing;
}

/** Follows the store; `onChange` hears every change's tables too. Returns the function that stops. */
export function followStore(onChange?: (tables: Set<string>) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = watchStore(db, (tables) => {
    onChange?.(tables);
    if (!PROGRESS_TABLES.some((t) => tables.has(t))) return;
    void dropPeek();
    clearTimeout(timer);
    timer = setTimeout(() => void refreshProgress(), SETTLE_MS);
  });
  return () => {
    stop();
    clearTimeout(timer);
  };
}
