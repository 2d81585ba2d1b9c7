// Where the popup's peek (data/srs/peek.ts) is kept: storage.session, which every extension
// context can write (the background has no localStorage) and content scripts cannot read. It is
// dropped the moment a context hears of a write to the store (store-follow.ts), and written again
// by whoever next reads today's queue: the badge's refresh after the write settles, the day-start
// alarm, the popup itself. A read that began before a write this context heard of is not written:
// it would put back what the write just made untrue. Without storage.session (an older browser)
// there is simply no peek: the popup shows its card as its own read finds it.
import type { Today } from '@/data/db/today';
import { PEEK_KEY, toPeek } from '@/data/srs/peek';

let writesHeard = 0;

/** The count of writes heard so far: pass it to keepPeek with a queue read after this call. */
export function peekMark(): number {
  return writesHeard;
}

/** A write to the store was heard: the peek no longer holds. */
export async function dropPeek(): Promise<void> {
  writesHeard++;
  try {
    await browser.storage.session.remove(PEEK_KEY);
  } catch {
    // no session storage: no peek to drop
  }
}

/** Keeps the peek of `today`, read at `now`, unless a write was heard since `mark` (peekMark). */
export async function keepPeek(today: Today, now: Date, mark: number): Promise<void> {
  if (mark !== writesHeard) return;
  try {
    await browser.storage.session.set({ [PEEK_KEY]: toPeek(today, now) });
  } catch {
    // no session storage, or it is full (10 MB, shared with 导入本页): the popup reads the store as before
  }
}
