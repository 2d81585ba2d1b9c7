// One request to a Web Worker as a promise, for the dashboard's long jobs (FSRS training, import): the
// worker's replies are handed to the job until it settles the task; aborting the signal or a crash of the
// worker rejects with the job's own message. Whatever ends the task, the worker is then let go once.

export interface TaskEnd<T> {
  resolve(value: T): void;
  reject(err: Error): void;
}

export interface WorkerTaskOptions<Reply, T> {
  worker: Worker;
  signal: AbortSignal;
  /** The rejection when the signal aborts (before the request is sent, it is not sent). */
  cancelled: () => Error;
  /** The rejection when the worker cannot load or throws. */
  crashed: () => Error;
  /** Each reply of the worker; the final one resolves or rejects the task. */
  onReply: (reply: Reply, end: TaskEnd<T>) => void;
  /** What becomes of the worker once the task has ended; terminated unless said otherwise. */
  release?: (worker: Worker, answered: boolean) => void;
  /** Runs once when the task ends, however it ends (before `release`). */
  onEnd?: () => void;
}

export function runWorkerTask<Reply, T>(
  options: WorkerTaskOptions<Reply, T>,
  request: unknown,
  transfer: Transferable[] = [],
): Promise<T> {
  const { worker, signal } = options;
  return new Promise<T>((resolve, reject) => {
    let ended = false;
    const finish = (answered: boolean, settle: () => void) => {
      if (ended) return;
      ended = true;
      signal.removeEventListener('abort', cancel);
      worker.onmessage = null;
      worker.onerror = null;
      options.onEnd?.();
      (options.release ?? ((w: Worker) => w.terminate()))(worker, answered);
      settle();
    };
    const cancel = () => finish(false, () => reject(options.cancelled()));
    if (signal.aborted) return cancel();
    signal.addEventListener('abort', cancel, { once: true });
    const end: TaskEnd<T> = {
      resolve: (value) => finish(true, () => resolve(value)),
      reject: (err) => finish(true, () => reject(err)),
    };
    worker.onmessage = (e: MessageEvent<Reply>) => options.onReply(e.data, end);
    worker.onerror = (e) => {
      e.preventDefault();
      finish(false, () => reject(options.crashed()));
    };
    worker.postMessage(request, transfer);
  });
}
