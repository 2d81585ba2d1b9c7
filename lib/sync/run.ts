// One sync (docs/sync.md): push this device's changes as new immutable files in its own folder, then
// read every other device's new files in order and apply each in one transaction. Runs in the
// service worker, and in Node for the tests and the bench (the store and the client are passed in).
import type { TifaDB } from '@/data/db/schema';
import { collectOutgoing, commitOutgoing } from '@/data/db/sync-push';
import { applySyncFile, noCounts, type ApplyCounts } from '@/data/db/sync-apply';
import { getSyncSelf, peerSeq } from '@/data/db/sync-state';
import {
  chunkOps,
  fileName,
  isDeviceId,
  MAX_FILE_BYTES,
  parseFileName,
  parseSyncFile,
  serializeFile,
  SYNC_FORMAT,
  SYNC_VERSION,
  type SyncOp,
} from '@/data/sync/format';
import { SyncError, type DavClient } from './webdav';

export const ROOT = 'tifa-sync/v1';
const DEVICES = `${ROOT}/devices`;

export interface SyncSummary {
  at: string;
  sent: {
    reviews: number;
    undos: number;
    edits: number;
    settings: number;
    documents: number;
    files: number;
    bytes: number;
  };
  received: ApplyCounts & { files: number; bytes: number };
  /** Files refused or devices waiting, in Chinese. */
  problems: string[];
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Folders, and what is in one device's folder: its complete files by seq, and leftover uploads. */
async function listDevice(dav: DavClient, device: string): Promise<{ files: Map<number, string>; parts: string[] }> {
  const files = new Map<number, string>();
  const parts: string[] = [];
  for (const entry of await dav.list(`${DEVICES}/${device}`)) {
    if (entry.dir) continue;
    const parsed = parseFileName(entry.name);
    if (parsed) files.set(parsed.seq, entry.name);
    else if (entry.name.startsWith('.part-')) parts.push(entry.name);
  }
  return { files, parts };
}

async function push(db: TifaDB, dav: DavClient, device: string, now: Date, sent: SyncSummary['sent']): Promise<void> {
  const own = await listDevice(dav, device);
  // Uploads cut before their MOVE: never read by anyone, removed here.
  for (const part of own.parts) await dav.remove(`${DEVICES}/${device}/${part}`).catch(() => undefined);
  const out = await collectOutgoing(db, now);
  if (!out.ops.length) return;
  let seq = Math.max(out.next.seq, ...own.files.keys());
  for (const ops of chunkOps(out.ops)) {
    seq++;
    const body = serializeFile({ format: SYNC_FORMAT, version: SYNC_VERSION, device, seq, createdAt: now, ops });
    const name = fileName(seq, await sha256Hex(body));
    const temp = `${DEVICES}/${device}/.part-${crypto.randomUUID()}`;
    await dav.put(temp, body);
    await dav.move(temp, `${DEVICES}/${device}/${name}`);
    sent.files++;
    sent.bytes += new TextEncoder().encode(body).length;
    count(ops, sent);
  }
  // Only now is the bookkeeping advanced: a cut before this sends the same ops again, which the
  // other devices recognise (ratings by uid; fields and settings are idempotent).
  await commitOutgoing(db, out, seq);
}

function count(ops: SyncOp[], into: SyncSummary['sent']): void {
  for (const op of ops) {
    if (op.t === 'review') into.reviews++;
    else if (op.t === 'undo') into.undos++;
    else if (op.t === 'setting') into.settings++;
    else if (op.t === 'document' || op.t === 'document-deleted') into.documents++;
    else into.edits++;
  }
}

async function pullDevice(
  db: TifaDB,
  dav: DavClient,
  device: string,
  received: SyncSummary['received'],
  problems: string[],
): Promise<void> {
  const { files } = await listDevice(dav, device);
  let seq = await peerSeq(db, device);
  for (;;) {
    const name = files.get(seq + 1);
    if (!name) {
      if ([...files.keys()].some((s) => s > seq + 1))
        problems.push(`另一台设备（${device.slice(2, 8)}）的同步文件缺了一部分，等它下次同步补齐。`);
      return;
    }
    const text = await dav.getText(`${DEVICES}/${device}/${name}`, MAX_FILE_BYTES);
    if ((await sha256Hex(text)).slice(0, 16) !== parseFileName(name)!.hash) {
      problems.push(`来自另一台设备（${device.slice(2, 8)}）的同步文件不完整或已损坏，已拒绝；其他内容照常同步。`);
      return;
    }
    const parsed = parseSyncFile(text, { device, seq: seq + 1 });
    if ('problem' in parsed) {
      problems.push(`来自另一台设备（${device.slice(2, 8)}）的文件已拒绝：${parsed.problem}。`);
      return;
    }
    const counts = await applySyncFile(db, parsed.file);
    for (const k of Object.keys(counts) as Array<keyof ApplyCounts>) received[k] += counts[k];
    received.files++;
    received.bytes += new TextEncoder().encode(text).length;
    seq++;
  }
}

/** One whole sync. Throws a SyncError when the server cannot be used at all. */
export async function syncOnce(db: TifaDB, dav: DavClient, now: Date): Promise<SyncSummary> {
  const summary: SyncSummary = {
    at: now.toISOString(),
    sent: { reviews: 0, undos: 0, edits: 0, settings: 0, documents: 0, files: 0, bytes: 0 },
    received: { ...noCounts(), files: 0, bytes: 0 },
    problems: [],
  };
  const { device } = await getSyncSelf(db);
  for (const folder of ['tifa-sync', ROOT, DEVICES, `${DEVICES}/${device}`]) await dav.ensureFolder(folder);
  await push(db, dav, device, now, summary.sent);
  const others = (await dav.list(DEVICES)).filter((e) => e.dir && e.name !== device && isDeviceId(e.name));
  for (const other of others) {
    try {
      await pullDevice(db, dav, other.name, summary.received, summary.problems);
    } catch (err) {
      // A device's file that cannot be read waits for the next sync; the others still sync.
      if (!(err instanceof SyncError) || err.code !== 'invalid') throw err;
      summary.problems.push(`来自另一台设备（${other.name.slice(2, 8)}）的文件已拒绝：${err.message}`);
    }
  }
  return summary;
}

/** 测试连接: the folder answers, and a small file can be written and removed. */
export async function testConnection(dav: DavClient): Promise<void> {
  await dav.list('');
  const probe = `.tifa-test-${crypto.randomUUID()}`;
  await dav.put(probe, 'tifa');
  await dav.remove(probe);
}
