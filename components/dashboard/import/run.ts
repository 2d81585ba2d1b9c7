// Runs one import request in a fresh worker; aborting the signal terminates it at once.
import type { ExtractedDocument } from '@/lib/extract/types';
import type { Deck } from '@/data/knowledge/types';
import type { ImportProgress, WorkerReply, WorkerRequest } from './protocol';

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

export function runImportWorker(req: WorkerRequest, onProgress: (p: ImportProgress) => void, signal: AbortSignal): Promise<Extracted> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    const stop = () => {
      worker.terminate();
      reject(new ImportFailure('cancelled', '已取消导入，没有写入任何内容。'));
    };
    if (signal.aborted) return stop();
    signal.addEventListener('abort', stop, { once: true });
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const msg = e.data;
      if (msg.type === 'progress') return onProgress(msg);
      signal.removeEventListener('abort', stop);
      worker.terminate();
      if (msg.type === 'done') resolve({ doc: msg.doc, deck: msg.deck, sentences: msg.sentences });
      else reject(new ImportFailure(msg.code, msg.message));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      signal.removeEventListener('abort', stop);
      worker.terminate();
      reject(new ImportFailure('damaged', '读取时出错：文件可能已损坏或格式不完整，没有导入任何内容。'));
    };
    worker.postMessage(req, req.type === 'file' ? [req.bytes] : []);
  });
}
