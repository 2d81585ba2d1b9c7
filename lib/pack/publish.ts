// The organiser publishes a 学习资料包 (docs/pack.md): version N+1 is written as a new immutable file
// (temp + MOVE, its hash in its name), then the pointer pack.json is moved over to name it. A member
// reading at any moment sees the old version or the new one, whole. Runs in the dashboard page, and
// in Node for the tests (the store and the client are passed in).
import type { TifaDB } from '@/data/db/schema';
import { buildPack, type PackChoice } from '@/data/db/pack-build';
import {
  MAX_PACK_BYTES,
  MEMBERS,
  PACK_FORMAT,
  PACK_VERSION,
  packFileName,
  parsePack,
  parsePackFileName,
  POINTER,
  type PackPointer,
} from '@/data/pack/format';
import { sha256Hex } from '@/lib/sync/run';
import { SyncError, type DavClient } from '@/lib/sync/webdav';
import { readPointer, replaceFile } from './folder';

export interface Published {
  pack: number;
  file: string;
  bytes: number;
  documents: number;
  cards: number;
}

export async function publishPack(db: TifaDB, dav: DavClient, choice: PackChoice, now: Date): Promise<Published> {
  await dav.list('');
  const current = await readPointer(dav);
  const n = (current?.pack ?? 0) + 1;
  const pack = await buildPack(db, choice, n, now);
  const body = JSON.stringify(pack);
  const bytes = new TextEncoder().encode(body).length;
  if (bytes > MAX_PACK_BYTES)
    throw new SyncError('学习资料包太大（超过 20 MB），请少选几份文件或几张卡片。', 'invalid');
  // What the members will check, checked here first: a pack they would refuse is never published.
  const check = parsePack(body, { pack: n });
  if (!('ok' in check)) throw new SyncError(`学习资料包没有生成成功：${check.problem}。`, 'invalid');

  const file = packFileName(n, await sha256Hex(body));
  const temp = `.part-${crypto.randomUUID()}`;
  await dav.put(temp, body);
  await dav.move(temp, file);
  const pointer: PackPointer = { format: PACK_FORMAT, version: PACK_VERSION, pack: n, file };
  await replaceFile(dav, '', POINTER, JSON.stringify(pointer));
  await dav.ensureFolder(MEMBERS);
  // Versions before the previous one are no longer read (a member reading the previous one right now
  // still finds it). Best effort: a file left behind harms nothing.
  for (const e of await dav.list('').catch(() => [])) {
    const old = parsePackFileName(e.name);
    if ((old && old.pack < n - 1) || e.name.startsWith('.part-')) await dav.remove(e.name).catch(() => undefined);
  }
  const cards = pack.documents.reduce((sum, d) => sum + (d.kind === 'bundled' ? d.cards : d.doc.cards).length, 0);
  return { pack: n, file, bytes, documents: pack.documents.length, cards };
}
