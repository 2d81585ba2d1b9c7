// One recomputation of the cards' memory states at a time across the extension's contexts: the
// settings page's worker (after 换用新参数) and the background's sync (weights from another device, or
// a run cut short) both find the same pending mark (data/db/fsrs-recompute.ts) and would otherwise both
// recompute every card. Both take this Web Lock (shared by the pages, workers and the service worker of
// one origin; released when a context ends): the sync only when it is free — the holder clears the mark —
// and the worker waits for it.
const LOCK = 'tifa-fsrs-recompute';

/** Runs `work` holding the lock, once the lock is free. */
export function recomputeExclusively<T>(work: () => Promise<T>, ifFree: false): Promise<T>;
/** Runs `work` holding the lock, or returns undefined at once (never running it) when another context holds it. */
export function recomputeExclusively<T>(work: () => Promise<T>, ifFree: true): Promise<T | undefined>;
export async function recomputeExclusively<T>(work: () => Promise<T>, ifFree: boolean): Promise<T | undefined> {
  // Missing where there is no browser (the unit tests on Node): there is no other context either.
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return work();
  return locks.request(LOCK, { ifAvailable: ifFree }, (lock) => (lock ? work() : undefined));
}
