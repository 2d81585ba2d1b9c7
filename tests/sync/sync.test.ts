// Two devices (two stores) syncing through a real WebDAV server, with faults injected by its proxy.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SETTINGS, at } from '../data/db/helpers';
import { editCard, resetCard, saveReview, saveSettings, setSuspended, undoLastReview } from '../../data/db/repo';
import { loadToday } from '../../data/db/today';
import type { TifaDB } from '../../data/db/schema';
import { Rating } from '../../data/srs/scheduler';
import { DavClient, SyncError } from '../../lib/sync/webdav';
import { ROOT, syncOnce, sha256Hex } from '../../lib/sync/run';
import { fileName } from '../../data/sync/format';
import type { DavServer } from './dav-server';
import { closeDevices, twoDevices } from './devices';

let dav: DavServer;
let a: TifaDB;
let b: TifaDB;
const client = () => new DavClient({ url: dav.url, user: dav.user, password: dav.password }, undefined, 5_000);
const sync = (db: TifaDB, when = at(2)) => syncOnce(db, client(), when);

/** What must agree between devices: each card's progress and fields, and every rating. */
async function view(db: TifaDB) {
  const cards = (await db.cards.orderBy('id').toArray()).map((c) => ({
    id: c.id,
    fsrs: c.fsrs,
    edited: c.edited,
    suspended: c.suspended,
    leech: c.leech,
  }));
  const logs = (await db.reviewLogs.toArray())
    .map(({ id: _id, ...l }) => l)
    .sort((x, y) => x.uid!.localeCompare(y.uid!));
  return { cards, logs };
}

beforeEach(async () => {
  // The same settings on both (fuzz off, as in every test): they travel with the sync too.
  ({ dav, a, b } = await twoDevices({ fuzzOff: true }));
});

afterEach(() => closeDevices(dav, a, b));

describe('sync between two devices', () => {
  it('keeps every rating of both devices, the same card reviewed on both included, and ends with identical queues', async () => {
    await saveReview(a, 'c1', Rating.Good, at(1, 1), SETTINGS);
    await saveReview(b, 'c1', Rating.Again, at(1, 2), SETTINGS);
    await saveReview(b, 'c2', Rating.Easy, at(1, 3), SETTINGS);
    const first = await sync(a);
    expect(first.sent.reviews).toBe(1);
    const second = await sync(b);
    expect(second.sent.reviews).toBe(2);
    expect(second.received.reviews).toBe(1);
    expect((await sync(a)).received.reviews).toBe(2);
    const [va, vb] = [await view(a), await view(b)];
    expect(va).toEqual(vb);
    expect(va.logs.map((l) => [l.cardId, l.rating])).toEqual(
      expect.arrayContaining([
        ['c1', Rating.Good],
        ['c1', Rating.Again],
        ['c2', Rating.Easy],
      ]),
    );
    expect(va.logs).toHaveLength(3);
    // Both ratings of c1 count: two reviews, the later one a lapse.
    const c1 = va.cards.find((c) => c.id === 'c1')!;
    expect(c1.fsrs.reps).toBe(2);
    expect((await loadToday(a, at(3))).queue).toEqual((await loadToday(b, at(3))).queue);
    // A second round changes nothing and sends nothing.
    const again = await sync(a, at(2, 1));
    expect(again.sent).toMatchObject({ reviews: 0, edits: 0, settings: 0, files: 0 });
  });

  it('merges field by field: an edit on one device and a suspension on the other both survive; settings travel', async () => {
    await sync(a);
    await sync(b);
    await editCard(a, 'c1', { prompt: '六个精准指什么？' });
    await setSuspended(b, 'c1', true);
    await saveSettings(a, { desiredRetention: 0.85 });
    await sync(a, at(3));
    await sync(b, at(4));
    await sync(a, at(5));
    for (const db of [a, b]) {
      const c1 = (await db.cards.get('c1'))!;
      expect(c1.edited?.prompt).toBe('六个精准指什么？');
      expect(c1.suspended).toBe(1);
      expect((await db.settings.get('desiredRetention'))?.value).toBe(0.85);
    }
  });

  it('a rating undone after it was sent is undone on the other device; a reset travels and keeps the history', async () => {
    const r = await saveReview(a, 'c3', Rating.Good, at(1), SETTINGS);
    await saveReview(a, 'c1', Rating.Good, at(1, 1), SETTINGS);
    await sync(a);
    await sync(b);
    expect((await b.cards.get('c3'))!.fsrs.reps).toBe(1);
    await undoLastReview(a, 'c3', r.undo);
    await resetCard(a, 'c1', at(2, 5));
    const out = await sync(a, at(3));
    expect(out.sent).toMatchObject({ undos: 1, edits: 1 }); // the reset
    await sync(b, at(4));
    expect((await b.cards.get('c3'))!.fsrs.reps).toBe(0);
    expect(await b.reviewLogs.where('cardId').equals('c3').count()).toBe(0);
    expect((await b.cards.get('c1'))!.fsrs.state).toBe(0);
    expect(await b.reviewLogs.where('cardId').equals('c1').count()).toBe(1);
    expect(await view(b)).toEqual(await view(a));
  });
});

describe('faults', () => {
  it.each([
    ['401', 'auth', '密码'],
    ['507', 'quota', '空间已满'],
    ['down', 'unreachable', '无法连接'],
  ] as const)(
    '%s: a Chinese message, nothing changed locally, and the next sync sends everything',
    async (fault, code, words) => {
      await saveReview(a, 'c1', Rating.Good, at(1), SETTINGS);
      const before = await view(a);
      dav.fault = fault;
      const err = await sync(a).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SyncError);
      expect((err as SyncError).code).toBe(code);
      expect((err as SyncError).message).toContain(words);
      expect((err as SyncError).message).not.toContain(dav.password);
      expect(await view(a)).toEqual(before);
      dav.fault = 'none';
      expect((await sync(a)).sent.reviews).toBe(1);
      expect((await sync(b)).received.reviews).toBe(1);
    },
  );

  it('a connection cut mid-upload: nothing half-written is read, nothing lost, nothing doubled', async () => {
    await saveReview(a, 'c1', Rating.Good, at(1), SETTINGS);
    await saveReview(a, 'c2', Rating.Hard, at(1, 1), SETTINGS);
    dav.fault = 'cut-upload';
    await expect(sync(a)).rejects.toBeInstanceOf(SyncError);
    dav.fault = 'none';
    expect((await sync(b)).received.reviews).toBe(0);
    await sync(a, at(3));
    expect((await sync(b, at(4))).received.reviews).toBe(2);
    expect(await b.reviewLogs.count()).toBe(2);
    const own = readdirSync(
      join(dav.dir, 'sync', ROOT, 'devices', ((await a.syncState.get('self')) as { device: string }).device),
    );
    expect(own.filter((f) => f.startsWith('.part-'))).toEqual([]);
  });

  it('a connection cut mid-download: nothing applied, then the file is read whole exactly once', async () => {
    await saveReview(a, 'c1', Rating.Good, at(1), SETTINGS);
    await sync(a);
    dav.fault = 'cut-download';
    await expect(sync(b)).rejects.toBeInstanceOf(SyncError);
    expect(await b.reviewLogs.count()).toBe(0);
    dav.fault = 'none';
    expect((await sync(b, at(3))).received.reviews).toBe(1);
    expect((await sync(b, at(4))).received.reviews).toBe(0);
    expect(await b.reviewLogs.count()).toBe(1);
  });

  it('files sent twice (the MOVE went through but the answer was lost) are not counted twice', async () => {
    await sync(a, at(1));
    await saveReview(a, 'c1', Rating.Good, at(1, 1), SETTINGS);
    const self = await a.syncState.get('self');
    await sync(a);
    // As if the device never heard back: its bookkeeping and the ratings' uids as before the push.
    await a.syncState.put(self!);
    await a.reviewLogs.toCollection().modify((l) => void delete l.uid);
    expect((await sync(a, at(3))).sent.reviews).toBe(1);
    await sync(b, at(4));
    expect(await b.reviewLogs.count()).toBe(1);
    expect((await b.cards.get('c1'))!.fsrs.reps).toBe(1);
  });

  it('a truncated file and a file from a newer Tifa are refused with a message; other devices still sync', async () => {
    await saveReview(a, 'c1', Rating.Good, at(1), SETTINGS);
    await sync(a);
    const folder = join(dav.dir, 'sync', ROOT, 'devices');
    const bad = 'd-0000000000bad1';
    const newer = 'd-0000000000new2';
    for (const [dev, body] of [
      [bad, '{"format":"tifa-sync","version":1,"device":"d-0000000000bad1","seq":1,"ops":[{"t":"rev'],
      [
        newer,
        JSON.stringify({
          format: 'tifa-sync',
          version: 3,
          device: newer,
          seq: 1,
          createdAt: at(1).toISOString(),
          ops: [],
        }),
      ],
    ] as const) {
      const { mkdirSync } = await import('node:fs');
      mkdirSync(join(folder, dev));
      // Named by the hash of the whole body, then cut: the name no longer matches.
      const name = dev === bad ? fileName(1, await sha256Hex(`${body}iew"}]}`)) : fileName(1, await sha256Hex(body));
      writeFileSync(join(folder, dev, name), body);
    }
    const out = await sync(b);
    expect(out.received.reviews).toBe(1);
    expect(out.problems.join('\n')).toMatch(/不完整或已损坏/);
    expect(out.problems.join('\n')).toMatch(/更新版本的提法.*升级/);
    expect(await b.reviewLogs.count()).toBe(1);
  });
});
