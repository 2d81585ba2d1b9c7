// The popup's undo list outlives the popup: Z still takes back the last ratings for a few minutes
// after it was closed and opened again. Kept in storage.session (memory only, gone when the
// browser closes); the DB checks on undo that each rating is still the card's latest.
import type { ReviewUndo } from '@/data/db/repo';

/** How long a rating can still be undone after it was given. */
export const UNDO_MINUTES = 10;
const KEEP = 20;
const KEY = 'tifa-undo';

export interface KeptUndo extends ReviewUndo {
  /** When the rating was given (ms). */
  at: number;
}

/** The ratings given in the last UNDO_MINUTES before `now`, oldest first. */
export function recentUndo(list: readonly KeptUndo[], now: number): KeptUndo[] {
  return list.filter((u) => now - u.at >= 0 && now - u.at < UNDO_MINUTES * 60_000).slice(-KEEP);
}

export async function loadUndo(now: number): Promise<KeptUndo[]> {
  try {
    const kept: unknown = (await browser.storage.session.get(KEY))[KEY];
    return Array.isArray(kept) ? recentUndo(kept as KeptUndo[], now) : [];
  } catch {
    // No session storage: undo then lasts as long as the popup.
    return [];
  }
}

/**
 * One storage call, sent at once, so a popup closed right after a rating still keeps it. Through
 * JSON: storage drops Dates, undoLastReview revives the ISO strings.
 */
export function keepUndo(list: readonly KeptUndo[]): Promise<void> {
  const plain: unknown = JSON.parse(JSON.stringify(recentUndo(list, Date.now())));
  return browser.storage.session.set({ [KEY]: plain }).catch(() => {});
}
