// The Anki export, off the dashboard's main thread: read the chosen cards from the store (IndexedDB is
// open to a worker of the extension's origin), write the SQLite collection with sql.js and zip it.
// sql.js's WebAssembly is packaged with the extension (/sqljs/, see wxt.config.ts): nothing is fetched.
import initSqlJs from 'sql.js';
import { getDb } from '@/data/db/schema';
import { readAnkiExport } from '@/data/db/anki-export';
import { buildApkg } from '@/lib/anki/export';
import type { AnkiExportReply, AnkiExportRequest } from './protocol';

const post = (msg: AnkiExportReply) => (self as unknown as Worker).postMessage(msg);

async function run(req: AnkiExportRequest): Promise<void> {
  post({ type: 'progress', label: '正在读取卡片和复习记录' });
  // sql.js's WebAssembly compiles while the store is read (both take a while on a busy machine).
  const sqlReady = initSqlJs({ locateFile: () => new URL('/sqljs/sql-wasm.wasm', self.location.href).href });
  sqlReady.catch(() => undefined);
  const data = await readAnkiExport(getDb(), req.scope);
  if (!data.cards.length) {
    post({ type: 'error', message: '没有可以导出的卡片（待核实和已失效的卡片不导出）。' });
    return;
  }
  const SQL = await sqlReady;
  post({ type: 'progress', label: '正在写入 Anki 卡组', done: 0, total: data.cards.length * 2 + data.logs.length });
  const out = buildApkg(SQL, data, new Date(req.now), req.utcOffsetMinutesWest, (p) =>
    post({ type: 'progress', label: '正在写入 Anki 卡组', ...p }),
  );
  // A Blob travels by reference: handing the page an ArrayBuffer of several MB cost it a long task
  // (the copy into a Blob, then a full garbage collection for the external memory).
  const file = new Blob([out.bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' });
  post({ type: 'done', file, notes: out.notes, revlog: out.revlog });
}

self.onmessage = (e: MessageEvent<AnkiExportRequest>) => {
  run(e.data).catch(() => {
    // A library's own error (in English) never reaches the user.
    post({ type: 'error', message: '导出失败：无法生成 Anki 卡组，请关闭其他提法页面后重试。' });
  });
};
