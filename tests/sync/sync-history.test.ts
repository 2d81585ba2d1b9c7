// Imported review histories (schema v9) through a real WebDAV server: sent once as a 'history' op,
// stored once by uid on the other device, replayed alike on both; files carrying one are format 2;
// a foreign or malformed history op is ignored or refused; compaction keeps each history once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTINGS, at, srsLog as log } from '../data/db/helpers';
import { saveReview } from '../../data/db/repo';
import { writeAnkiImport } from '../../data/db/anki-import';
import type { ReviewLogRow, TifaDB } from '../../data/db/schema';
import { getSyncSelf } from '../../data/db/sync-state';
import { Rating, State } from '../../data/srs/scheduler';
import { DavClient } from '../../lib/sync/webdav';
import { ROOT, syncOnce, sha256Hex } from '../../lib/sync/run';
import { fileName, type SyncFile } from '../../data/sync/format';
import type { DavServer } from './dav-server';
import { closeDevices, twoDevices } from './devices';

let dav: DavServer;
let a: TifaDB;
let b: TifaDB;
const client = () => new DavClient({ url: dav.url, user: dav.user, password: dav.password }, undefined, 5_000);
const sync = (db: TifaDB, when = at(2), compactAt?: number) => syncOnce(db, client(), when, { compactAt });

/** What an Anki import brings for cards the store holds already: c1 reviewed three times, c2 once. */
async function importFromAnki(db: TifaDB): Promise<void> {
  const cards = await db.cards.bulkGet(['c1', 'c2']);
  const logs: ReviewLogRow[] = [
    { ...log(at(-5), Rating.Good, State.New), cardId: 'c1', noteId: '' },
    { ...log(at(-3), Rating.Again), cardId: 'c1', noteId: '' },
    { ...log(at(-1), Rating.Good), cardId: 'c1', noteId: '' },
    { ...log(at(-2), Rating.Easy, State.New), cardId: 'c2', noteId: '' },
  ];
  const counts = await writeAnkiImport(db, { sources: [], notes: [], cards: cards.map((c) => c!), logs });
  expect(counts.logs).toBe(4);
}

/** What must agree: each card's progress, and every history by uid. */
async function view(db: TifaDB) {
  const cards = (await db.cards.orderBy('id').toArray()).map((c) => [c.id, c.fsrs, c.leech]);
  const histories = (await db.histories.toArray())
    .map(({ id: _id, ...h }) => h)
    .sort((x, y) => x.uid!.localeCompare(y.uid!));
  return { cards, histories };
}

const folder = (device: string) => join(dav.dir, 'sync', ROOT, 'devices', device);
const deviceOf = async (db: TifaDB) => (await getSyncSelf(db)).device;
/** The files of a device's folder, parsed, in name order. */
const filesOf = (device: string, prefix = '') =>
  readdirSync(folder(device))
    .filter((n) => n.endsWith('.json') && n !== 'cursors.json' && n.startsWith(prefix))
    .sort()
    .map((n) => JSON.parse(readFileSync(join(folder(device), n), 'utf8')) as SyncFile);

const historyOps = (device: string) =>
  filesOf(device)
    .flatMap((f) => f.ops)
    .filter((op) => op.t === 'history');

/** A file from a device that exists only on the server, named by its hash as a real one is. */
async function plant(device: string, ops: unknown[]): Promise<void> {
  const body = JSON.stringify({ format: 'tifa-sync', version: 2, device, seq: 1, createdAt: at(1).toISOString(), ops });
  mkdirSync(folder(device), { recursive: true });
  writeFileSync(join(folder(device), fileName(1, await sha256Hex(body))), body);
}

beforeEach(async () => {
  ({ dav, a, b } = await twoDevices({ fuzzOff: true }));
});

afterEach(() => closeDevices(dav, a, b));

describe('an imported history between two devices', () => {
  it('is stored once on the other device under its uid, and both devices replay the card alike', async () => {
    // The settings travel first: the history alone must make the receiver replay its card.
    await sync(a, at(1));
    await sync(b, at(1));
    await importFromAnki(a);
    await sync(a);
    const device = await deviceOf(a);
    const sent = await a.histories.toArray();
    expect(sent.map((h) => h.uid)).toEqual(sent.map((h) => `${device}/h${h.id}`));
    const got = await sync(b);
    expect(got.received.reviews).toBe(4);
    expect(got.problems).toEqual([]);
    const [va, vb] = [await view(a), await view(b)];
    expect(vb).toEqual(va);
    expect(vb.histories.map((h) => [h.cardId, h.logs.length])).toEqual([
      ['c1', 3],
      ['c2', 1],
    ]);
    // The imported reviews count on both: c1 reviewed three times.
    const c1 = (await b.cards.get('c1'))!;
    expect(c1.fsrs.reps).toBe(3);
    expect(c1.fsrs.last_review).toEqual(at(-1));
    // Nothing more either way.
    expect((await sync(b, at(3))).received.reviews).toBe(0);
    expect(await b.histories.count()).toBe(2);
    // The receiver never sends a received history back as its own; the sender never sends it again.
    const again = await sync(a, at(4));
    expect(again.sent.files).toBe(0);
    expect(again.received.reviews).toBe(0);
    expect(await a.histories.count()).toBe(2);
    expect(historyOps(device)).toHaveLength(2);
    expect(historyOps(await deviceOf(b))).toEqual([]);
  });

  it('sent twice (the answer to the upload was lost) is still stored once', async () => {
    await sync(a, at(1));
    await importFromAnki(a);
    const self = await a.syncState.get('self');
    await sync(a);
    // As if the device never heard back: its bookkeeping and the histories' uids as before the push.
    await a.syncState.put(self!);
    await a.histories.toCollection().modify((h) => void delete h.uid);
    await sync(a, at(3));
    const device = await deviceOf(a);
    expect(historyOps(device)).toHaveLength(4);
    expect((await sync(b, at(4))).received.reviews).toBe(4);
    expect(await b.histories.count()).toBe(2);
    expect((await b.cards.get('c1'))!.fsrs.reps).toBe(3);
    expect(await view(b)).toEqual(await view(a));
  });

  it('a file carrying a history is written as format 2, one without as format 1', async () => {
    await saveReview(a, 'c3', Rating.Good, at(1), SETTINGS);
    await sync(a, at(1, 1));
    await importFromAnki(a);
    await sync(a, at(1, 2));
    await saveReview(a, 'c4', Rating.Good, at(1, 3), SETTINGS);
    await sync(a, at(1, 4));
    const files = filesOf(await deviceOf(a));
    expect(files.map((f) => [f.version, f.ops.some((op) => op.t === 'history')])).toEqual([
      [1, false],
      [2, true],
      [1, false],
    ]);
    // The other device reads both formats.
    const got = await sync(b, at(2));
    expect(got.problems).toEqual([]);
    expect(got.received.files).toBe(3);
    expect(await view(b)).toEqual(await view(a));
  });

  // The sync summary says 发送 4 次复习 for the 4 imported reviews, as the receiver says 收到 4 次复习
  // (not "2 项卡片修改": a history op once fell through to the edits).
  it('counts a sent history as reviews, as the receiving device does', async () => {
    await sync(a, at(1));
    await importFromAnki(a);
    const out = await sync(a);
    expect(out.sent.reviews).toBe(4);
    expect(out.sent.edits).toBe(0);
  });
});

describe('history ops from the folder', () => {
  const stranger = 'd-0000000000aaa1';
  const other = 'd-0000000000bbb2';
  const op = (uid: string, cardId: string, logs: unknown) => ({
    t: 'history',
    uid,
    history: { cardId, noteId: 'n1', logs, last: at(-1).toISOString() },
  });
  const good = () => JSON.parse(JSON.stringify([log(at(-3), Rating.Good, State.New), log(at(-1))])) as object[];

  it("stores a device's own history and ignores one under another device's uid", async () => {
    await sync(a, at(1));
    await plant(stranger, [op(`${stranger}/h1`, 'c1', good()), op(`${other}/h1`, 'c2', good())]);
    const got = await sync(b);
    expect(got.problems).toEqual([]);
    expect(got.received.reviews).toBe(2);
    const rows = await b.histories.toArray();
    expect(rows.map((h) => [h.uid, h.cardId])).toEqual([[`${stranger}/h1`, 'c1']]);
    expect((await b.cards.get('c1'))!.fsrs.reps).toBe(2);
    expect((await b.cards.get('c2'))!.fsrs.reps).toBe(0);
  });

  it.each([
    ['empty logs', () => op(`${stranger}/h1`, 'c1', []), '复习记录不能为空'],
    ['logs that are not a list', () => op(`${stranger}/h1`, 'c1', { 0: good()[0] }), '复习记录必须是列表'],
    ['a log rated 7', () => op(`${stranger}/h1`, 'c1', [{ ...good()[0], rating: 7 }]), '评分必须是 0 到 4 之间的整数'],
    ['a uid shaped as a rating’s', () => op(`${stranger}/5`, 'c1', good()), '复习历史编号无效'],
    ['a uid without its device', () => op('h1', 'c1', good()), '复习历史编号无效'],
  ])('refuses the file of a history op with %s, in Chinese, storing nothing', async (_what, bad, message) => {
    await sync(a, at(1));
    const before = await view(b);
    await plant(stranger, [op(`${stranger}/h2`, 'c2', good()), bad()]);
    const got = await sync(b);
    const problems = got.problems.join('\n');
    expect(problems).toContain('已拒绝：同步文件已损坏：第 2 项操作：');
    expect(problems).toContain(message);
    expect(got.received.reviews).toBe(0);
    expect(await view(b)).toEqual(before);
  });
});

describe('compaction', { timeout: 60_000 }, () => {
  it('keeps each history exactly once in the snapshot, even one sent twice; a new device reads it once', async () => {
    const device = await deviceOf(a);
    await sync(a, at(1), 1000);
    await sync(b, at(1), 1000);
    await importFromAnki(a);
    const self = await a.syncState.get('self');
    await sync(a, at(1, 1), 1000);
    await a.syncState.put(self!);
    await a.histories.toCollection().modify((h) => void delete h.uid);
    await sync(a, at(1, 2), 1000);
    await saveReview(a, 'c3', Rating.Good, at(1, 3), SETTINGS);
    await sync(a, at(1, 4), 1000);
    await sync(b, at(1, 5), 1000);
    const out = await sync(a, at(1, 6), 3);
    expect(out.compacted).toBeGreaterThanOrEqual(3);
    const [snapshot] = filesOf(device, 's');
    const histories = snapshot.ops.filter((o) => o.t === 'history');
    expect(histories.map((o) => o.uid).sort()).toEqual((await a.histories.toArray()).map((h) => h.uid).sort());
    expect(histories).toHaveLength(2);
    expect(snapshot.version).toBe(2);
    const { freshDb, makeDeck } = await import('../data/db/helpers');
    const { syncDeck } = await import('../../data/db/deck-sync');
    const c = freshDb();
    await syncDeck(c, makeDeck(), at(0));
    const got = await sync(c, at(2));
    expect(got.problems).toEqual([]);
    expect(await c.histories.count()).toBe(2);
    expect(await view(c)).toEqual(await view(a));
    c.close();
  });
});
