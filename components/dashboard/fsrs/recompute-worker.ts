// Recomputes every card's memory state with the FSRS parameters now in use (data/db/fsrs-recompute.ts),
// off the settings page's main thread, one run at a time with the background's sync
// (lib/browser/recompute-lock.ts). The page cancels by terminating this worker; the chunks already
// written stay, and the store's mark brings the work back the next time 优化参数 is opened.
import { openDb } from '@/data/db/schema';
import { pendingRecompute, recomputeMemoryStates } from '@/data/db/fsrs-recompute';
import { recomputeExclusively } from '@/lib/browser/recompute-lock';
import type { RecomputeReply } from './protocol';

const post = (msg: RecomputeReply) => (self as unknown as Worker).postMessage(msg);

async function recompute(): Promise<void> {
  const db = openDb();
  try {
    // A sync in the background may be recomputing the same mark: wait for it, and when it finished the
    // work (no mark left), the cards are already up to date.
    const counts = await recomputeExclusively(async () => {
      const since = await pendingRecompute(db);
      if (since === undefined) return { cards: await db.cards.count(), changed: 0 };
      return recomputeMemoryStates(db, (done, total) => post({ type: 'progress', done, total }), since);
    }, false);
    post({ type: 'done', ...counts });
  } finally {
    db.close();
  }
}

self.onmessage = () => {
  recompute().catch((err: unknown) => {
    console.error(err);
    post({ type: 'error', message: '重新计算记忆状态时出错，下次打开“优化参数”时会继续。' });
  });
};
