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
  parseFileName,
  serializeFile,
  SYNC_FORMAT,
  versionOf,
  type SyncOp,
} from '@/data/sync/format';
import { DEVICES, lastSeq, listDevice, readSyncFile, ROOT, sha256Hex, uploadWhole, type DeviceFolder } from './folder';
import { compactOwn, publishCursors, type HeldDevice } from './compact';
import { SyncError, type DavClient } from './webdav';
import { pendingRecompute, recomputeMemoryStates } from '@/data/db/fsrs-recompute';
import { recomputeExclusively } from '@/lib/browser/recompute-lock';

export { ROOT, sha256Hex } from './folder';

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
  /** Own files replaced by snapshots (compaction) in this sync. */
  compacted?: number;
  /** Cards whose memory state changed when weights trained on another device were put to use. */
  recomputed?: number;
  /** Devices not seen for a long time that hold compaction back (设置 → 同步 offers to forget them). */
  held?: HeldDevice[];
}

export interface SyncOptions {
  /** Files in this device's folder before compaction is considered (COMPACT_AT). */
  compactAt?: number;
}

/** This device's folder; created (with the folders above it) the first time, or if it was removed. */
async function ownFolder(dav: DavClient, device: string): Promise<DeviceFolder> {
  try {
    return await listDevice(dav, device);
  } catch (err) {
    if (!(err instanceof SyncError) || err.code !== 'not-found') throw err;
  }
  for (const folder of ['tifa-sync', ROOT, DEVICES, `${DEVICES}/${device}`]) await dav.ensureFolder(folder);
  return listDevice(dav, device);
}

/** Sends this device's changes; returns its folder as it is afterwards. */
async function push(
  db: TifaDB,
  dav: DavClient,
  device: string,
  now: Date,
  sent: SyncSummary['sent'],
): Promise<DeviceFolder> {
  const own = await ownFolder(dav, device);
  // Uploads cut before their MOVE: never read by anyone, removed here.
  for (const part of own.parts) await dav.remove(`${DEVICES}/${device}/${part}`).catch(() => undefined);
  const out = await collectOutgoing(db, now);
  if (!out.ops.length) {
    // Nothing to send; a comparison of every card is remembered all the same.
    if (out.full) await commitOutgoing(db, out, out.next.seq);
    return own;
  }
  let seq = Math.max(out.next.seq, lastSeq(own));
  for (const ops of chunkOps(out.ops)) {
    seq++;
    const body = serializeFile({ format: SYNC_FORMAT, version: versionOf(ops), device, seq, createdAt: now, ops });
    const name = fileName(seq, await sha256Hex(body));
    await uploadWhole(dav, device, name, body);
    own.files.set(seq, name);
    sent.files++;
    sent.bytes += new TextEncoder().encode(body).length;
    count(ops, sent);
  }
  // Only now is the bookkeeping advanced: a cut before this sends the same ops again, which the
  // other devices recognise (ratings by uid; fields and settings are idempotent).
  await commitOutgoing(db, out, seq);
  return own;
}

function count(ops: SyncOp[], into: SyncSummary['sent']): void {
  for (const op of ops) {
    if (op.t === 'review') into.reviews++;
    else if (op.t === 'history') into.reviews += op.history.logs.length;
    else if (op.t === 'undo') into.undos++;
    else if (op.t === 'setting') into.settings++;
    else if (op.t === 'document' || op.t === 'document-deleted') into.documents++;
    else into.edits++;
  }
}

/** The file to read after `seq`: the next file, or else a snapshot that stands for it (the furthest). */
function nextFile(
  folder: DeviceFolder,
  seq: number,
): { name: string; seq: number; from?: number; hash: string } | undefined {
  const name = folder.files.get(seq + 1);
  if (name) return { name, seq: seq + 1, hash: parseFileName(name)!.hash };
  const snap = folder.snapshots
    .filter((s) => s.from <= seq + 1 && seq + 1 <= s.to)
    .sort((x, y) => y.to - x.to || x.name.localeCompare(y.name))[0];
  return snap && { name: snap.name, seq: snap.to, from: snap.from, hash: snap.hash };
}

async function pullDevice(
  db: TifaDB,
  dav: DavClient,
  device: string,
  received: SyncSummary['received'],
  problems: string[],
): Promise<void> {
  const folder = await listDevice(dav, device);
  let seq = await peerSeq(db, device);
  for (;;) {
    const next = nextFile(folder, seq);
    if (!next) {
      if (lastSeq(folder) > seq + 1)
        problems.push(`另一台设备（${device.slice(2, 8)}）的同步文件缺了一部分，等它下次同步补齐。`);
      return;
    }
    const read = await readSyncFile(dav, device, next.name, next);
    if ('problem' in read) {
      problems.push(`来自另一台设备（${device.slice(2, 8)}）的文件已拒绝：${read.problem}。`);
      return;
    }
    const counts = await applySyncFile(db, read.file);
    for (const k of Object.keys(counts) as Array<keyof ApplyCounts>) received[k] += counts[k];
    received.files++;
    received.bytes += read.bytes;
    seq = next.seq;
  }
}

/** One whole sync. Throws a SyncError when the server cannot be used at all. */
export async function syncOnce(db: TifaDB, dav: DavClient, now: Date, options: SyncOptions = {}): Promise<SyncSummary> {
  const summary: SyncSummary = {
    at: now.toISOString(),
    sent: { reviews: 0, undos: 0, edits: 0, settings: 0, documents: 0, files: 0, bytes: 0 },
    received: { ...noCounts(), files: 0, bytes: 0 },
    problems: [],
  };
  const { device } = await getSyncSelf(db);
  const own = await push(db, dav, device, now, summary.sent);
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
  try {
    await publishCursors(db, dav, device, now);
    const compacted = await compactOwn(
      db,
      dav,
      device,
      own,
      others.map((o) => o.name),
      now,
      options.compactAt,
    );
    summary.compacted = compacted.replaced;
    summary.held = compacted.held;
  } catch (err) {
    // Everything was exchanged; tidying the folder waits for the next sync (a cut leaves it readable).
    if (!(err instanceof SyncError)) throw err;
    summary.problems.push(`整理旧的同步文件没有完成（${err.message}），下次同步会继续。`);
  }
  // FSRS weights trained on another device arrived (or a recomputation here was cut short): every card's
  // memory state is recomputed with the weights in use, in chunks; a cut leaves the mark for the next sync.
  // Not while the settings page's worker recomputes (it clears the mark when done).
  const since = await pendingRecompute(db);
  if (since !== undefined)
    summary.recomputed = (await recomputeExclusively(() => recomputeMemoryStates(db, undefined, since), true))?.changed;
  return summary;
}

/** 测试连接: the folder answers, and a small file can be written and removed. */
export async function testConnection(dav: DavClient): Promise<void> {
  await dav.list('');
  const probe = `.tifa-test-${crypto.randomUUID()}`;
  await dav.put(probe, 'tifa');
  await dav.remove(probe);
}
