// The Anki import off the dashboard's main thread: unzip, unpack, read the SQLite collection (sql.js,
// its WASM packaged under /sqljs/), keep it for the preview's choices, then build, check and write
// the rows (IndexedDB is the extension's own here too). The page cancels by terminating the worker.
import initSqlJs from 'sql.js';
import { AnkiSession } from '@/lib/anki/read-session';
import { db } from '@/data/db/schema';
import { toChineseMessage } from '@/data/db/errors';
import type { AnkiReply, AnkiRequest } from './anki-protocol';

const post = (msg: AnkiReply) => (self as unknown as Worker).postMessage(msg);
const session = new AnkiSession();
const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

async function handle(req: AnkiRequest): Promise<void> {
  if (req.type === 'open') {
    post({ type: 'progress', label: '正在解压并读取 Anki 卡片库' });
    const loadSql = () =>
      initSqlJs({ locateFile: () => new URL('/sqljs/sql-wasm.wasm', globalThis.location.href).href });
    post({ type: 'summary', summary: await session.open(new Uint8Array(req.bytes), req.name, loadSql) });
    return;
  }
  const result = await session.write(
    db,
    req.choice,
    new Date(req.now),
    (done, total) => post({ type: 'progress', label: '正在转换卡片和复习记录', done, total }),
    () => post({ type: 'progress', label: '正在写入' }),
  );
  post({ type: 'written', result });
}

self.onmessage = (e: MessageEvent<AnkiRequest>) => {
  handle(e.data).catch((err: unknown) => {
    // The reader's and the store's errors are Chinese; a library's own (English) never reaches the user.
    const message = err instanceof Error && hasChinese(err.message) ? err.message : toChineseMessage(err);
    post({ type: 'error', message: hasChinese(message) ? message : '读取 Anki 文件时出错，没有导入任何内容。' });
  });
};
