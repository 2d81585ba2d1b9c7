// After a switch of FSRS parameters, every card's memory state is recomputed in a worker with
// progress. The run follows the store's mark (data/db/fsrs-recompute.ts): a switch sets a new mark and
// starts a run (ending one that was computing with the set before), and a mark left by a run that never
// finished (the page was closed) is taken up when the section opens.
import { useEffect, useRef, useState } from 'react';
import type { RecomputeReply } from './protocol';

export type RecomputeState =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; cards: number; changed: number }
  | { kind: 'error'; message: string };

const FAILED = '重新计算记忆状态时出错，下次打开“优化参数”时会继续。';

export function useRecompute(pending: string | undefined): RecomputeState {
  const [state, setState] = useState<RecomputeState>({ kind: 'idle' });
  const startedFor = useRef<string | undefined>(undefined);
  const worker = useRef<Worker | null>(null);

  useEffect(() => {
    if (!pending || pending === startedFor.current) return;
    startedFor.current = pending;
    worker.current?.terminate();
    const w = new Worker(new URL('./recompute-worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    setState({ kind: 'running', done: 0, total: 0 });
    const end = () => {
      w.terminate();
      if (worker.current === w) worker.current = null;
    };
    w.onmessage = (e: MessageEvent<RecomputeReply>) => {
      const msg = e.data;
      if (msg.type === 'progress') return setState({ kind: 'running', done: msg.done, total: msg.total });
      end();
      setState(
        msg.type === 'done'
          ? { kind: 'done', cards: msg.cards, changed: msg.changed }
          : { kind: 'error', message: msg.message },
      );
    };
    w.onerror = (e) => {
      e.preventDefault();
      end();
      setState({ kind: 'error', message: FAILED });
    };
    w.postMessage(null);
  }, [pending]);
  useEffect(() => () => worker.current?.terminate(), []);

  return state;
}
