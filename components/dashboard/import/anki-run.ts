// One Anki import's worker, seen from the page: open the file (→ the preview's summary), then write the
// user's choice. Aborting terminates the worker: nothing was written unless the write had finished.
import type { AnkiSummary } from '@/lib/anki/read-plan';
import type { AnkiChoice } from '@/lib/anki/read-rows';
import type { AnkiImportResult } from '@/lib/anki/read-session';
import type { AnkiReply, AnkiRequest } from './anki-protocol';

export interface AnkiProgress {
  label: string;
  done?: number;
  total?: number;
}

const CANCELLED = '已取消导入，没有写入任何内容。';
const CRASHED = '读取 Anki 文件时出错：文件可能已损坏或太大，没有导入任何内容。';

export class AnkiImportJob {
  private worker = new Worker(new URL('./anki-worker.ts', import.meta.url), { type: 'module' });

  private ask<T extends AnkiReply['type']>(
    req: AnkiRequest,
    want: T,
    onProgress: (p: AnkiProgress) => void,
    signal?: AbortSignal,
    transfer: Transferable[] = [],
  ) {
    return new Promise<Extract<AnkiReply, { type: T }>>((resolve, reject) => {
      const stop = () => {
        this.close();
        reject(new Error(CANCELLED));
      };
      if (signal?.aborted) return stop();
      signal?.addEventListener('abort', stop, { once: true });
      this.worker.onmessage = (e: MessageEvent<AnkiReply>) => {
        const msg = e.data;
        if (msg.type === 'progress') return onProgress(msg);
        signal?.removeEventListener('abort', stop);
        if (msg.type === want) resolve(msg as Extract<AnkiReply, { type: T }>);
        else reject(new Error(msg.type === 'error' ? msg.message : CRASHED));
      };
      this.worker.onerror = (e) => {
        e.preventDefault();
        signal?.removeEventListener('abort', stop);
        reject(new Error(CRASHED));
      };
      this.worker.postMessage(req, transfer);
    });
  }

  async open(file: File, onProgress: (p: AnkiProgress) => void, signal?: AbortSignal): Promise<AnkiSummary> {
    const bytes = await file.arrayBuffer();
    return (await this.ask({ type: 'open', name: file.name, bytes }, 'summary', onProgress, signal, [bytes])).summary;
  }

  async write(choice: AnkiChoice, onProgress: (p: AnkiProgress) => void): Promise<AnkiImportResult> {
    return (await this.ask({ type: 'write', choice, now: Date.now() }, 'written', onProgress)).result;
  }

  close(): void {
    this.worker.terminate();
  }
}

export const isAnkiFile = (name: string) => /\.(apkg|colpkg)$/i.test(name);
