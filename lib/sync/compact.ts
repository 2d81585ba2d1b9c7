// Compaction (docs/sync.md): each device publishes how far it has read the others (cursors.json),
// and replaces a run of its own files by one snapshot once every device it knows has read past them.
// The snapshot is uploaded whole (temporary name, MOVE, hash in the name) before any old file is
// deleted, oldest first, so a cut at any point leaves a folder every reader can use; the next sync
// finishes the deletions.
import type { TifaDB } from '@/data/db/schema';
import { notePublished, readDevices, readPositions } from '@/data/db/sync-devices';
import { OPS_PER_FILE, parseFileName, serializeFile, SYNC_FORMAT, versionOf, type SyncOp } from '@/data/sync/format';
import {
  condenseOps,
  CURSORS_FILE,
  parseCursors,
  serializeCursors,
  snapshotName,
  type Cursors,
} from '@/data/sync/snapshot';
import { DEVICES, lastSeq, readSyncFile, sha256Hex, uploadWhole, type DeviceFolder } from './folder';
import { SyncError, type DavClient } from './webdav';

/** A device not seen for this long that holds compaction back is offered to be forgotten. */
export const STALE_DAYS = 30;
/** Compaction is considered once a device's folder holds this many files. */
export const COMPACT_AT = 50;
/** A snapshot's size: within what a reader accepts (MAX_FILE_BYTES, and ops per file). */
const MAX_OPS = OPS_PER_FILE * 4;
const MAX_BYTES = 16 * 1024 * 1024;
const REPUBLISH_MS = 12 * 3_600_000;

export interface HeldDevice {
  device: string;
  /** ISO time of its last sync, if it ever said. */
  lastSeen?: string;
}

/** Publishes this device's read positions when they changed (or every 12 hours, as a sign of life). */
export async function publishCursors(db: TifaDB, dav: DavClient, device: string, now: Date): Promise<void> {
  const read = await readPositions(db);
  const json = JSON.stringify(read);
  const { published } = await readDevices(db);
  if (published && published.read === json && now.getTime() - published.at < REPUBLISH_MS) return;
  await uploadWhole(dav, device, CURSORS_FILE, serializeCursors({ device, at: now, read }), true);
  await notePublished(db, now, json);
}

async function readCursors(dav: DavClient, device: string): Promise<Cursors | undefined> {
  try {
    return parseCursors(await dav.getText(`${DEVICES}/${device}/${CURSORS_FILE}`, 1024 * 1024), device);
  } catch (err) {
    if (err instanceof SyncError && err.code === 'not-found') return undefined;
    throw err;
  }
}

interface Item {
  name: string;
  from: number;
  to: number;
  hash: string;
  snapshot: boolean;
}

/** The folder's files and snapshots as one chain, and what a larger (or equal, earlier named) snapshot stands for. */
function chain(own: DeviceFolder): { items: Item[]; covered: Item[] } {
  const all: Item[] = [
    ...[...own.files].map(([seq, name]) => ({
      name,
      from: seq,
      to: seq,
      hash: parseFileName(name)!.hash,
      snapshot: false,
    })),
    ...own.snapshots.map((s) => ({ ...s, snapshot: true })),
  ];
  const size = (i: Item) => i.to - i.from;
  const over = (s: Item, i: Item) =>
    s !== i && s.snapshot && s.from <= i.from && i.to <= s.to && (!i.snapshot || size(s) > size(i) || s.name < i.name);
  const inside = (i: Item) => all.some((s) => over(s, i));
  const byStart = (x: Item, y: Item) => x.from - y.from || y.to - x.to;
  return { items: all.filter((i) => !inside(i)).sort(byStart), covered: all.filter(inside).sort(byStart) };
}

/** Deletes oldest first: what is left of a run is always its newest part, and a snapshot stands for it. */
async function removeAll(dav: DavClient, device: string, items: Item[]): Promise<void> {
  for (const item of items) await dav.remove(`${DEVICES}/${device}/${item.name}`);
}

/** How far every device this one must wait for has read its files, and the long-unseen ones holding that back. */
async function readUpTo(
  db: TifaDB,
  dav: DavClient,
  device: string,
  others: string[],
  last: number,
  now: Date,
): Promise<{ upTo: number; held: HeldDevice[] }> {
  const { forgotten } = await readDevices(db);
  let upTo = last;
  const held: HeldDevice[] = [];
  for (const other of others) {
    const cursors = await readCursors(dav, other);
    const gone = forgotten[other];
    if (gone !== undefined && (!cursors || cursors.at.getTime() <= gone)) continue;
    const read = Math.min(cursors?.read[device] ?? 0, last);
    if (read < last && (!cursors || now.getTime() - cursors.at.getTime() > STALE_DAYS * 86_400_000))
      held.push({ device: other, lastSeen: cursors?.at.toISOString() });
    upTo = Math.min(upTo, read);
  }
  return { upTo, held };
}

/**
 * Finishes an interrupted compaction, then, when the folder holds COMPACT_AT files or more, condenses
 * runs of the files every other device has read into snapshots. Returns the files replaced and the
 * devices holding compaction back.
 */
export async function compactOwn(
  db: TifaDB,
  dav: DavClient,
  device: string,
  own: DeviceFolder,
  others: string[],
  now: Date,
  compactAt = COMPACT_AT,
): Promise<{ replaced: number; held: HeldDevice[] }> {
  const { items, covered } = chain(own);
  await removeAll(dav, device, covered);
  if (items.length < compactAt) return { replaced: 0, held: [] };
  const { upTo, held } = await readUpTo(db, dav, device, others, lastSeq(own), now);
  let replaced = 0;
  let group: Array<{ item: Item; ops: SyncOp[]; bytes: number }> = [];
  const flush = async () => {
    if (group.length > 1) {
      const [first, last] = [group[0].item, group[group.length - 1].item];
      const ops = condenseOps(group.flatMap((g) => g.ops));
      const file = { format: SYNC_FORMAT, version: versionOf(ops), device, seq: last.to, from: first.from } as const;
      const body = serializeFile({ ...file, createdAt: now, ops });
      await uploadWhole(dav, device, snapshotName(first.from, last.to, await sha256Hex(body)), body);
      await removeAll(
        dav,
        device,
        group.map((g) => g.item),
      );
      replaced += group.length;
    }
    group = [];
  };
  for (const item of items) {
    if (item.to > upTo) break;
    const read = await readSyncFile(dav, device, item.name, {
      seq: item.to,
      from: item.snapshot ? item.from : undefined,
      hash: item.hash,
    });
    // A file of its own that does not read back is left as it is (and what follows it, for now).
    if ('problem' in read) break;
    const [ops, bytes] = [group.reduce((n, g) => n + g.ops.length, 0), group.reduce((n, g) => n + g.bytes, 0)];
    if (ops + read.file.ops.length > MAX_OPS || bytes + read.bytes > MAX_BYTES) await flush();
    group.push({ item, ops: read.file.ops, bytes: read.bytes });
  }
  await flush();
  return { replaced, held };
}
