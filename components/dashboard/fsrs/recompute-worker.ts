// Recomputes every card's memory state with the FSRS parameters now in use (data/db/fsrs-recompute.ts),
// off the settings page's main thread. The page cancels by terminating this worker; the chunks already
// written stay, and the store's mark brings the work back the next time 优化参数 is opened.
import { openDb } from '@/data/db/schema';
import { pendingRecompute, recomputeMemoryStates } from '@/data/db/fsrs-recompute';
import type { RecomputeReply } from './protocol';

const post = (msg: RecomputeReply) => (self as unknown as Worker).postMessage(msg);

async function recompute(): Promise<void> {
  const db = openDb();
  try {
    const since = await pendingRecompute(db);
    const counts = await recomputeMemoryStates(db, (done, total) => post({ type: 'progress', done, total }), since);
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
