// The background hears of every committed write to the store, wherever it was made (popup,
// dashboard, quiz page, an import, or here), through Dexie's cross-context change event; no page
// sends a message after writing. It then refreshes the badge, drops a stale term index and bumps
// the progress stamp content scripts recolour by (they never open IndexedDB themselves).
import { db } from '@/data/db/schema';
import { watchStore } from '@/data/db/store-changes';
import { TERM_INDEX_TABLES } from '@/data/db/term-index';
import { bumpProgress } from '@/components/progress-stamp';
import { refreshBadge } from './badge';
import { invalidateTermIndex, recheckDeck } from './deck';
import { termStates } from './term-card';

/** Tables whose rows decide the due count and the terms' colours. */
const PROGRESS_TABLES = new Set(['cards', 'reviewLogs', 'settings']);
/** Writes come in bursts (an import, a review and its log): one refresh after the burst. */
const SETTLE_MS = 150;

let lastStates: string | undefined;
/** One refresh at a time, so two never compare against the same old states. */
let refreshing: Promise<void> = Promise.resolve();

/**
 * Bumps the stamp only when some term's colour changed: a page's sightings are written to the
 * cards too, and must not send every open tab asking for states again.
 */
async function bumpIfStatesChanged(): Promise<void> {
  const states = JSON.stringify(await termStates());
  if (states === lastStates) return;
  lastStates = states;
  await bumpProgress();
}

/** Starts following the store; returns the function that stops. */
export function followStore(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = watchStore(db, (tables) => {
    if (TERM_INDEX_TABLES.some((t) => tables.has(t))) invalidateTermIndex();
    if (tables.has('sources')) recheckDeck();
    if (![...tables].some((t) => PROGRESS_TABLES.has(t))) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      refreshing = refreshing.then(() =>
        Promise.all([refreshBadge(), bumpIfStatesChanged().catch((err: unknown) => console.warn('提法：无法更新学习进度标记', err))]).then(() => {}),
      );
    }, SETTLE_MS);
  });
  return () => {
    stop();
    clearTimeout(timer);
  };
}
