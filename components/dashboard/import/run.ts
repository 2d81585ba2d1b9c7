// Runs one import request in the import worker; aborting the signal terminates it at once. The import
// page starts a worker when it opens (prepareImportWorker), so its modules, pdf.js and the engine's
// dictionaries load while the user picks a file; a worker that answered is kept for the next file.
import type { ExtractedDocument } from '@/lib/extract/types';
import type { Deck } from '@/data/knowledge/types';
import type { ImportProgress, WorkerMessage, WorkerReply, WorkerRequest } from './protocol';
import { runWorkerTask } from '../worker-task';

export interface Extracted {
  doc: ExtractedDocument;
  deck: Deck;
  sentences: number;
}

export class ImportFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let spare: Worker | undefined;

const startWorker = () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });

/** Starts the import worker ahead of the first file and has it load what an import needs. */
export function prepareImportWorker(): void {
  if (spare) return;
  spare = startWorker();
  spare.postMessage({ type: 'warm' } satisfies WorkerMessage);
}

/** Ends the worker kept ready (the import page closed). */
export function releaseImportWorker(): void {
  spare?.terminate();
  spare = undefined;
}

function takeWorker(): Worker {
  const worker = spare ?? startWorker();
  spare = undefined;
  return worker;
}

export function runImportWorker(
  req: WorkerRequest,
  onProgress: (p: ImportProgress) => void,
  signal: AbortSignal,
): Promise<Extracted> {
  return runWorkerTask<WorkerReply, Extracted>(
    {
      worker: takeWorker(),
      signal,
      cancelled: () => new ImportFailure('cancelled', '已取消导入，没有写入任何内容。'),
      crashed: () => new ImportFailure('damaged', '读取时出错：文件可能已损坏或格式不完整，没有导入任何内容。'),
      onReply: (msg, end) => {
        if (msg.type === 'progress') return onProgress(msg);
        if (msg.type === 'done') end.resolve({ doc: msg.doc, deck: msg.deck, sentences: msg.sentences });
        else end.reject(new ImportFailure(msg.code, msg.message));
      },
      // A worker that answered is kept, warm, for the next file unless one is already waiting.
      release: (worker, answered) => {
        if (answered && !spare) spare = worker;
        else worker.terminate();
      },
    },
    req,
    req.type === 'file' ? [req.bytes] : [],
  );
}
