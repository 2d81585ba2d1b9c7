// Runs one training in the FSRS worker. The worker is blocked inside the optimizer, so its progress is
// read here from the wasm memory it shares (two u32: items done, items total), a few times a second.
import type { TrainReport } from '@/data/db/fsrs-params';
import type { TrainReply, TrainRequest } from './protocol';
import { runWorkerTask } from '../worker-task';

export type TrainOutcome = { kind: 'done'; report: TrainReport } | { kind: 'too-few'; reviews: number };

export interface TrainProgress {
  label: string;
  /** 0..1 when known. */
  share?: number;
}

export class TrainFailure extends Error {}

// Each progress update re-renders the section: a few a second is enough for a bar, and keeps the page free.
const POLL_MS = 500;

export function runTraining(
  now: Date,
  onProgress: (p: TrainProgress) => void,
  signal: AbortSignal,
): Promise<TrainOutcome> {
  let timer: ReturnType<typeof setInterval> | undefined;
  return runWorkerTask<TrainReply, TrainOutcome>(
    {
      worker: new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }),
      signal,
      cancelled: () => new TrainFailure('已取消优化，当前参数没有改变。'),
      crashed: () => new TrainFailure('优化参数时出错，当前参数没有改变。'),
      onEnd: () => clearInterval(timer),
      onReply: (msg, end) => {
        if (msg.type === 'start') {
          const cells = new Uint32Array(msg.buffer, msg.pointer, 2);
          onProgress({ label: `正在根据 ${msg.reviews} 次复习训练参数`, share: 0 });
          let shown = 0;
          timer = setInterval(() => {
            const [done, total] = cells;
            // The page is told only when the whole percent changes: a hundred small renders at most.
            const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
            if (percent === shown) return;
            shown = percent;
            onProgress({ label: `正在根据 ${msg.reviews} 次复习训练参数`, share: percent / 100 });
          }, POLL_MS);
          return;
        }
        // Once training has ended the progress cells may be reused by wasm: stop reading them.
        clearInterval(timer);
        if (msg.type === 'phase') return onProgress({ label: msg.label, share: 1 });
        if (msg.type === 'done') end.resolve({ kind: 'done', report: msg.report });
        else if (msg.type === 'too-few') end.resolve({ kind: 'too-few', reviews: msg.reviews });
        else end.reject(new TrainFailure(msg.message));
      },
    },
    { utcOffsetMinutes: -now.getTimezoneOffset(), now: now.toISOString() } satisfies TrainRequest,
  );
}
