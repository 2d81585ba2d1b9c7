// Compaction through a real WebDAV server (docs/sync.md): a device replaces its old files by one
// snapshot once every device has read past them; a long-unseen device holds that back until the user
// forgets it; and a cut at any point (snapshot upload, after the snapshot, mid-delete) leaves a
// folder from which every device ends with every rating exactly once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { freshDb, makeDeck, SETTINGS, at } from '../data/db/helpers';
import { syncDeck } from '../../data/db/deck-sync';
import { editCard, saveReview, saveSettings, undoLastReview } from '../../data/db/repo';
import type { TifaDB } from '../../data/db/schema';
import { Rating } from '../../data/srs/scheduler';
import { getSyncSelf } from '../../data/db/sync-state';
import { forgetSyncDevice } from '../../data/db/sync-devices';
import { DavClient } from '../../lib/sync/webdav';
import { ROOT, syncOnce } from '../../lib/sync/run';
import { startDav, type DavServer } from './dav-server';
import { closeDevices } from './devices';

let dav: DavServer;
let a: TifaDB;
let b: TifaDB;
const client = () => new DavClient({ url: dav.url, user: dav.user, password: dav.password }, undefined, 5_000);
/** Compaction considered from 3 files on (the extension waits for 50); none while the history is written. */
let compactAt = 3;
const sync = (db: TifaDB, when: Date) => syncOnce(db, client(), when, { compactAt });

async function newDevice(): Promise<TifaDB> {
  const db = freshDb();
  await syncDeck(db, makeDeck(), at(0));
  return db;
}

/** Each card's progress and fields, and every rating (by uid, each once). */
async function view(db: TifaDB) {
  const cards = (await db.cards.orderBy('id').toArray()).map((c) => [c.id, c.fsrs, c.edited, c.suspended]);
  const logs = (await db.reviewLogs.toArray()).map((l) => `${l.uid}|${l.cardId}|${l.rating}`).sort();
  return { cards, logs };
}

async function folderOf(db: TifaDB): Promise<string[]> {
  const { device } = await getSyncSelf(db);
  return readdirSync(join(dav.dir, 'sync', ROOT, 'devices', device)).sort();
}
const snapshots = (names: string[]) => names.filter((n) => n.startsWith('s'));
const plainFiles = (names: string[]) => names.filter((n) => /^\d{8}-/.test(n));

/** Five files from A: ratings, one of them undone after it was sent, an edit. B reads the first three. */
async function history(): Promise<void> {
  compactAt = 1000;
  await sync(a, at(1));
  await sync(b, at(1));
  await saveReview(a, 'c1', Rating.Good, at(1, 1), SETTINGS);
  await sync(a, at(1, 2));
  const r = await saveReview(a, 'c2', Rating.Hard, at(1, 3), SETTINGS);
  await sync(a, at(1, 4));
  await sync(b, at(1, 5));
  await undoLastReview(a, 'c2', r.undo);
  await editCard(a, 'c3', { prompt: '改过的提问' }, at(1, 6));
  await sync(a, at(1, 7));
  await saveReview(a, 'c4', Rating.Easy, at(2, 1), SETTINGS);
  await saveReview(a, 'c1', Rating.Good, at(3, 1), SETTINGS);
  await sync(a, at(3, 2));
  compactAt = 3;
}

beforeEach(async () => {
  dav = await startDav();
  a = await newDevice();
  b = await newDevice();
  await saveSettings(a, { enableFuzz: false }, at(0));
});

afterEach(() => closeDevices(dav, a, b));

describe('compaction', { timeout: 60_000 }, () => {
  it('replaces the files every device has read by one snapshot; a new device and an old one end the same', async () => {
    await history();
    // B has not read the last two files: only the three it read are compacted.
    const early = await sync(a, at(3, 3));
    expect(early.compacted).toBe(3);
    expect(plainFiles(await folderOf(a)).map((n) => Number(n.slice(0, 8)))).toEqual([4, 5]);
    await sync(b, at(3, 4));
    // Then the snapshot and the two files, into one.
    const out = await sync(a, at(3, 5));
    expect(out.compacted).toBe(3);
    const names = await folderOf(a);
    expect(snapshots(names)).toHaveLength(1);
    expect(plainFiles(names)).toEqual([]);
    expect(names).toContain('cursors.json');
    // Nothing left behind by the uploads.
    expect(names.filter((n) => n.startsWith('.part-'))).toEqual([]);
    const c = await newDevice();
    const got = await sync(c, at(4));
    expect(got.received.files).toBe(1);
    expect(await view(c)).toEqual(await view(a));
    expect(await view(b)).toEqual(await view(a));
    // The undone rating is nowhere; the edit arrived.
    expect((await view(c)).logs).toHaveLength(3);
    expect((await c.cards.get('c3'))!.edited?.prompt).toBe('改过的提问');
    c.close();
  });

  it('a device long unseen holds compaction back until it is forgotten; when it comes back it reads the snapshot', async () => {
    await history();
    expect((await sync(a, at(5))).held).toEqual([]);
    const late = await sync(a, at(40));
    const { device: bId } = await getSyncSelf(b);
    expect(late.compacted ?? 0).toBe(0);
    expect(late.held).toEqual([{ device: bId, lastSeen: at(1, 5).toISOString() }]);
    await forgetSyncDevice(a, bId, new Date(late.held![0].lastSeen!));
    const out = await sync(a, at(41));
    expect(out.compacted).toBe(3);
    expect(snapshots(await folderOf(a))).toHaveLength(1);
    expect(plainFiles(await folderOf(a))).toEqual([]);
    // B had read three of the five files: it reads the snapshot, and nothing is doubled.
    const back = await sync(b, at(42));
    expect(back.received.files).toBe(1);
    expect(await view(b)).toEqual(await view(a));
    expect(await b.reviewLogs.count()).toBe(3);
    // Back in sight, B counts again: A's next files wait for it.
    await saveReview(a, 'c2', Rating.Good, at(43), SETTINGS);
    await sync(a, at(43));
    await saveReview(a, 'c3', Rating.Good, at(44), SETTINGS);
    await sync(a, at(44));
    expect(plainFiles(await folderOf(a))).toHaveLength(2);
    expect((await sync(a, at(44, 1))).compacted ?? 0).toBe(0);
  });
});

describe('compaction cut at any point', { timeout: 60_000 }, () => {
  async function readyToCompact(): Promise<void> {
    await history();
    await sync(b, at(3, 4));
  }

  /** After the cut: a new device and B read the folder as it is, then A finishes; all end the same, nothing doubled. */
  async function everyoneEndsTheSame(): Promise<void> {
    dav.cut = undefined;
    const c = await newDevice();
    await sync(c, at(4));
    expect(await view(c)).toEqual(await view(a));
    await sync(a, at(5));
    const names = await folderOf(a);
    expect(snapshots(names)).toHaveLength(1);
    expect(plainFiles(names)).toEqual([]);
    await sync(c, at(6));
    await sync(b, at(6));
    const d = await newDevice();
    await sync(d, at(6));
    for (const db of [b, c, d]) {
      expect(await view(db)).toEqual(await view(a));
      expect(await db.reviewLogs.count()).toBe(3);
    }
    c.close();
    d.close();
  }

  it.each([
    // The snapshot's upload is cut (the read positions, unchanged, are not uploaded again).
    ['cut while uploading the snapshot: no snapshot, no file deleted', 'PUT', 0],
    ['cut after the snapshot is in place, before any delete', 'DELETE', 1],
  ] as const)('%s', async (_what, method, snapshotCount) => {
    await readyToCompact();
    dav.cut = { method, after: 0 };
    const out = await sync(a, at(3, 5));
    expect(out.problems.join('\n')).toMatch(/整理旧的同步文件没有完成/);
    const names = await folderOf(a);
    expect(snapshots(names)).toHaveLength(snapshotCount);
    expect(plainFiles(names)).toHaveLength(5);
    await everyoneEndsTheSame();
  });

  it('cut in the middle of the deletes: the oldest files are gone, the snapshot stands for them', async () => {
    await readyToCompact();
    dav.cut = { method: 'DELETE', after: 2 };
    await sync(a, at(3, 5));
    const names = await folderOf(a);
    expect(snapshots(names)).toHaveLength(1);
    expect(plainFiles(names).map((n) => Number(n.slice(0, 8)))).toEqual([3, 4, 5]);
    expect(existsSync(join(dav.dir, 'sync', ROOT, 'devices'))).toBe(true);
    await everyoneEndsTheSame();
  });
});
