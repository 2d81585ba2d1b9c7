// FSRS weights trained on one device (优化参数 → 换用新参数) travel as a setting; the device that
// receives them recomputes every card's memory state with them at the end of the sync, as the
// training device did (due dates kept), so both hold the same stability and difficulty. The
// recomputation mark is this device's own: it is never sent, and another device's ops cannot
// set or clear it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { default_w } from 'ts-fsrs';
import { SETTINGS, at, trainReport } from '../data/db/helpers';
import { saveReview } from '../../data/db/repo';
import { saveTraining } from '../../data/db/fsrs-params';
import { markRecompute, pendingRecompute, RECOMPUTE_KEY, recomputeMemoryStates } from '../../data/db/fsrs-recompute';
import { applySyncFile } from '../../data/db/sync-apply';
import type { TifaDB } from '../../data/db/schema';
import { Rating } from '../../data/srs/scheduler';
import { DavClient } from '../../lib/sync/webdav';
import { syncOnce } from '../../lib/sync/run';
import { summaryText } from '../../components/dashboard/sync-form';
import type { DavServer } from './dav-server';
import { closeDevices, twoDevices } from './devices';
import { recomputeExclusively } from '../../lib/browser/recompute-lock';
import { fakeLocks } from '../support/fake-locks';

let dav: DavServer;
let a: TifaDB;
let b: TifaDB;
const client = () => new DavClient({ url: dav.url, user: dav.user, password: dav.password }, undefined, 5_000);
const sync = (db: TifaDB, when: Date) => syncOnce(db, client(), when);

const trained = [...default_w];
trained[0] = 1.2;
trained[2] = 6.5;
trained[8] = 2.1;

const memory = async (db: TifaDB) =>
  (await db.cards.orderBy('id').toArray()).map((c) => [c.id, c.fsrs.stability, c.fsrs.difficulty, c.fsrs.due]);

beforeEach(async () => {
  ({ dav, a, b } = await twoDevices({ fuzzOff: true }));
  await saveReview(a, 'c1', Rating.Good, at(1, 1), SETTINGS);
  await saveReview(a, 'c1', Rating.Good, at(4, 1), SETTINGS);
  await saveReview(b, 'c2', Rating.Again, at(1, 2), SETTINGS);
  await sync(a, at(5));
  await sync(b, at(5, 1));
  await sync(a, at(5, 2));
});

afterEach(() => {
  vi.unstubAllGlobals();
  return closeDevices(dav, a, b);
});

describe('trained FSRS weights between two devices', () => {
  it('the receiving device recomputes every memory state with them, due dates kept, and says so', async () => {
    expect(await memory(a)).toEqual(await memory(b));
    const dueBefore = (await memory(b)).map(([id, , , due]) => [id, due]);
    await saveTraining(a, trainReport(trained, at(6), true));
    await recomputeMemoryStates(a, undefined, await pendingRecompute(a)); // the dashboard's worker, on a
    expect(await pendingRecompute(a)).toBeUndefined();
    await sync(a, at(6, 1));
    const got = await sync(b, at(6, 2));
    expect((await b.settings.get('fsrsWeights'))?.value).toEqual(trained);
    expect(got.recomputed).toBeGreaterThan(0);
    expect(summaryText(got)).toMatch(/按新的记忆参数更新了 \d+ 张卡片的记忆状态（复习日期不变）/);
    expect(await pendingRecompute(b)).toBeUndefined();
    expect(await memory(b)).toEqual(await memory(a));
    expect((await memory(b)).map(([id, , , due]) => [id, due])).toEqual(dueBefore);
  });

  it("never sends this device's recomputation mark, and ignores one (set or cleared) from another device", async () => {
    await markRecompute(a, at(7));
    const sent = await sync(a, at(7, 1));
    expect(sent.sent.settings).toBe(0);
    await markRecompute(b, at(7, 2));
    const since = await pendingRecompute(b);
    const forged = (value: unknown) => ({
      format: 'tifa-sync' as const,
      version: 1,
      device: 'd-forged',
      seq: 1,
      ops: [{ t: 'setting' as const, key: RECOMPUTE_KEY, value, at: at(8) }],
    });
    await applySyncFile(b, forged(null) as never);
    expect(await pendingRecompute(b)).toBe(since);
    await applySyncFile(b, { ...forged({ since: at(9).toISOString() }), seq: 2 } as never);
    expect(await pendingRecompute(b)).toBe(since);
  });

  it("leaves the recomputation to the settings page's worker while it runs, and takes up a mark left behind", async () => {
    vi.stubGlobal('navigator', { locks: fakeLocks() });
    await saveTraining(a, trainReport(trained, at(6), true));
    await recomputeMemoryStates(a, undefined, await pendingRecompute(a));
    await sync(a, at(6, 1));
    let finish = () => {};
    const worker = recomputeExclusively(() => new Promise<void>((done) => (finish = done)), false);
    const got = await sync(b, at(6, 2));
    expect((await b.settings.get('fsrsWeights'))?.value).toEqual(trained);
    expect(got.recomputed).toBeUndefined();
    expect(await pendingRecompute(b)).toBeDefined();
    // The worker ended without finishing (its page was closed): the next sync does the work.
    finish();
    await worker;
    const next = await sync(b, at(6, 3));
    expect(next.recomputed).toBeGreaterThan(0);
    expect(await pendingRecompute(b)).toBeUndefined();
    expect(await memory(b)).toEqual(await memory(a));
  });
});
