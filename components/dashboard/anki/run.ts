// Runs one Anki export in a fresh worker and hands back the .apkg's bytes.
import type { AnkiExportProgress, AnkiExportReply, AnkiExportRequest } from './protocol';

export interface AnkiExportResult {
  file: Blob;
  notes: number;
  revlog: number;
}

export function runAnkiExport(
  req: AnkiExportRequest,
  onProgress: (p: AnkiExportProgress) => void,
): Promise<AnkiExportResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<AnkiExportReply>) => {
      const msg = e.data;
      if (msg.type === 'progress') return onProgress(msg);
      worker.terminate();
      if (msg.type === 'done') resolve({ file: msg.file, notes: msg.notes, revlog: msg.revlog });
      else reject(new Error(msg.message));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      reject(new Error('导出失败：无法启动导出程序，请刷新页面后重试。'));
    };
    worker.postMessage(req);
  });
}
