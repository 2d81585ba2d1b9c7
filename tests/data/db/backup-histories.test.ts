// Imported review histories (schema v9) in backups (format 2): restored exactly; a format-1 backup,
// which has none, still imports; a malformed history refuses the file with its own Chinese message and
// the store unchanged; a history's `last` is never trusted, but taken from its logs.
import { beforeEach, describe, expect, it } from 'vitest';
import { exportBackup, importBackup } from '../../../data/db/backup';
import { BackupError, toChineseMessage } from '../../../data/db/errors';
import { countLogs } from '../../../data/db/logs';
import type { HistoryRow, TifaDB } from '../../../data/db/schema';
import { Rating, State, type SrsLog } from '../../../data/srs/scheduler';
import { at, freshDb, seedEveryTable } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- backups are mutated as loose JSON
type Json = any;

const log = (review: Date, rating: Rating = Rating.Good, state: State = State.Review): SrsLog => ({
  rating,
  state,
  due: new Date(review.getTime() + 2 * 86_400_000),
  stability: 2.5,
  difficulty: 6.25,
  elapsed_days: 1,
  last_elapsed_days: 0,
  scheduled_days: 2,
  learning_steps: 0,
  review,
});

/** Two imported histories: c3's (sent by sync, so with a uid) and c4's. */
const HISTORIES: HistoryRow[] = [
  {
    cardId: 'c3',
    noteId: 'n1',
    logs: [log(at(-4), Rating.Good, State.New), log(at(-2), Rating.Hard), log(at(-1, 3), Rating.Again)],
    last: at(-1, 3),
    uid: 'd-abcdefgh12/h1',
  },
  { cardId: 'c4', noteId: 'n2', logs: [log(at(-3), Rating.Easy, State.New)], last: at(-3) },
];

/** Every table as JSON text: equal strings mean an unchanged store. */
const bytes = async (d: TifaDB) =>
  JSON.stringify(await Promise.all(d.tables.map(async (t) => [t.name, await t.toArray()])));

let db: TifaDB;
let good: Json;
beforeEach(async () => {
  db = freshDb();
  await seedEveryTable(db);
  await db.histories.bulkAdd(structuredClone(HISTORIES));
  good = JSON.parse(JSON.stringify(await exportBackup(db, at(1))));
});

describe('histories in a backup', () => {
  it('are exported in a format-2 backup and restored exactly: rows, ids, uids, logs and dates', async () => {
    expect(good.version).toBe(2);
    expect(good.histories).toHaveLength(2);
    const other = freshDb();
    // The message counts every review: 2 own ratings and the 4 imported ones.
    expect(await importBackup(other, JSON.stringify(good))).toEqual({ cards: 4, reviews: 2 + 4 });
    const restored = await other.histories.toArray();
    expect(restored).toEqual(await db.histories.toArray());
    expect(restored[0].logs[2].review).toBeInstanceOf(Date);
    expect(restored[0].logs[2].due).toEqual(new Date(at(-1, 3).getTime() + 2 * 86_400_000));
    expect(restored[0].last).toEqual(at(-1, 3));
    // Found again by their indexes, and counted with the own ratings.
    expect(await other.histories.where('uid').equals('d-abcdefgh12/h1').count()).toBe(1);
    expect(await other.histories.where('last').aboveOrEqual(at(-3)).count()).toBe(2);
    expect(await countLogs(other)).toBe(2 + 4);
    // And the round trip is stable.
    expect(await exportBackup(other, at(1))).toEqual(good);
    other.close();
  });

  it('a format-1 backup, which has no histories, still imports and leaves the histories empty', async () => {
    const old = { ...good, version: 1 };
    delete old.histories;
    // Restored over a store that holds histories: the backup replaces everything.
    expect(await importBackup(db, old)).toEqual({ cards: 4, reviews: 2 });
    expect(await db.histories.count()).toBe(0);
    expect(await db.cards.count()).toBe(4);
    expect(await db.reviewLogs.count()).toBe(2);
  });

  it('stores a history with a wrong `last`, or its logs out of order, with its logs sorted and `last` taken from them', async () => {
    const b = structuredClone(good);
    b.histories[0].last = at(-30).toISOString();
    b.histories[0].logs.reverse();
    b.histories[1].last = at(50).toISOString();
    delete b.histories[1].id;
    const other = freshDb();
    await importBackup(other, b);
    const rows = await other.histories.orderBy('cardId').toArray();
    expect(rows[0].logs.map((l) => l.review)).toEqual([at(-4), at(-2), at(-1, 3)]);
    expect(rows[0].last).toEqual(at(-1, 3));
    expect(rows[1].last).toEqual(at(-3));
    // Found by its newest review, not by the date the file claimed.
    expect((await other.histories.where('last').above(at(0)).toArray()).map((h) => h.cardId)).toEqual([]);
    other.close();
  });
});

const DAMAGED = '备份文件已损坏：';
const history = (i: number, fn: (h: Json) => void) => (b: Json) => {
  fn(b.histories[i]);
  return b;
};
const cases: Array<[string, (b: Json) => unknown, string]> = [
  ['logs that are not a list', history(0, (h) => (h.logs = h.logs[0])), '第 1 份导入的复习历史：复习记录必须是列表'],
  ['logs as text', history(1, (h) => (h.logs = '[]')), '第 2 份导入的复习历史：复习记录必须是列表'],
  ['no logs', history(1, (h) => delete h.logs), '第 2 份导入的复习历史：缺少复习记录'],
  ['empty logs', history(0, (h) => (h.logs = [])), '第 1 份导入的复习历史：复习记录不能为空'],
  ['a log rated 7', history(0, (h) => (h.logs[1].rating = 7)), '第 1 份导入的复习历史：评分必须是 0 到 4 之间的整数'],
  [
    'a log without review time',
    history(1, (h) => delete h.logs[0].review),
    '第 2 份导入的复习历史：缺少复习记录的复习时间',
  ],
  [
    'a log whose review time is no date',
    history(0, (h) => (h.logs[0].review = '昨天')),
    '第 1 份导入的复习历史：复习时间不是有效日期',
  ],
  ['a log that is a number', history(0, (h) => (h.logs[0] = 3)), '第 1 份导入的复习历史：复习记录必须是对象'],
  ['a uid shaped as a rating’s', history(0, (h) => (h.uid = 'd-abcdefgh12/5')), '第 1 份导入的复习历史：同步编号无效'],
  ['a uid without its device', history(0, (h) => (h.uid = 'h1')), '第 1 份导入的复习历史：同步编号无效'],
  ['no card id', history(1, (h) => delete h.cardId), '第 2 份导入的复习历史：缺少卡片编号'],
  [
    'duplicated ids',
    (b) => ({ ...b, histories: [b.histories[0], { ...b.histories[1], id: b.histories[0].id }] }),
    '第 2 份导入的复习历史：编号“1”与第 1 份导入的复习历史重复',
  ],
  ['histories as an object', (b) => ({ ...b, histories: { 0: b.histories[0] } }), '缺少导入的复习历史列表'],
];

describe('a malformed history is refused, and the store is left as it was', () => {
  it.each(cases)('%s', async (_name, mutate, message) => {
    const before = await bytes(db);
    const err = await importBackup(db, mutate(structuredClone(good))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect(toChineseMessage(err)).toContain(DAMAGED);
    expect(toChineseMessage(err)).toContain(message);
    expect(await bytes(db)).toBe(before);
  });
});
