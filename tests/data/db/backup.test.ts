import { beforeEach, describe, expect, it, vi } from 'vitest';
import { exportBackup, importBackup } from '../../../data/db/backup';
import { syncDeck } from '../../../data/db/deck-sync';
import { BackupError, QUOTA_MESSAGE, toChineseMessage } from '../../../data/db/errors';
import type { TifaDB } from '../../../data/db/schema';
import { at, freshDb, makeDeck, seedEveryTable, T0 } from './helpers';

let db: TifaDB;
const dump = (d: TifaDB) => Promise.all(d.tables.map(async (t) => [t.name, await t.toArray()] as const));

beforeEach(async () => {
  db = freshDb();
  await seedEveryTable(db);
});

describe('backup', () => {
  it('exports plain JSON with ISO dates and imports it back into identical tables', async () => {
    const backup = await exportBackup(db, at(1));
    expect(backup).toMatchObject({ format: 'tifa-backup', version: 2, exportedAt: at(1).toISOString() });
    expect(backup.cards.find((c) => c.id === 'c1')!.fsrs.due).toMatch(/^\d{4}-\d\d-\d\dT/);
    const text = JSON.stringify(backup);

    const other = freshDb();
    await syncDeck(other, { ...makeDeck(), cards: [] }, T0); // something to be replaced
    expect(await importBackup(other, text)).toEqual({ cards: 4, reviews: 2 });
    expect(await dump(other)).toEqual(await dump(db));
    // And the round trip is stable.
    expect(await exportBackup(other, at(1))).toEqual(backup);
  });

  it('carries "加入学习" across, and refuses a value the index could not hold', async () => {
    await db.cards.update('c1', { wanted: at(0).getTime() });
    const backup = JSON.parse(JSON.stringify(await exportBackup(db, at(1))));
    const other = freshDb();
    await importBackup(other, backup);
    expect((await other.cards.get('c1'))!.wanted).toBe(at(0).getTime());
    expect(await other.cards.get('c2')).not.toHaveProperty('wanted');
    backup.cards.find((c: { id: string }) => c.id === 'c2').wanted = '明天';
    await expect(importBackup(other, backup)).rejects.toThrow('第 2 张卡片：加入学习的时间必须是数字');
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- backups are mutated as loose JSON
  type Json = any;
  const broken: Array<[string, (b: Json) => unknown, string]> = [
    ['a foreign JSON file', () => ({ name: 'anki-deck', cards: [] }), '这不是提法的备份文件'],
    ['not an object', () => [1, 2, 3], '这不是提法的备份文件'],
    ['text that is not JSON', () => '{"format": "tifa-backup", ', '这不是提法的备份文件'],
    ['a newer version', (b) => ({ ...b, version: 3 }), '备份来自更新版本的提法，请先升级'],
    ['a missing table', (b) => ({ ...b, reviewLogs: undefined }), '备份文件已损坏：缺少复习记录列表'],
    [
      'a card without id',
      (b) => ({ ...b, cards: b.cards.map((c: object, i: number) => (i === 2 ? { ...c, id: undefined } : c)) }),
      '备份文件已损坏：第 3 张卡片：缺少编号',
    ],
    [
      'a card with a bad date',
      (b) => ({ ...b, cards: b.cards.map((c: object, i: number) => (i === 0 ? { ...c, addedAt: '昨天' } : c)) }),
      '备份文件已损坏：第 1 张卡片：添加时间不是有效日期',
    ],
    [
      'a card with broken FSRS state',
      (b) => ({ ...b, cards: b.cards.map((c: Json) => ({ ...c, fsrs: { ...c.fsrs, due: 'x' } })) }),
      '第 1 张卡片：下次复习时间不是有效日期',
    ],
    [
      'a log without review time',
      (b) => ({ ...b, reviewLogs: [{ ...b.reviewLogs[0], review: undefined }] }),
      '第 1 条复习记录：缺少复习时间',
    ],
    [
      'duplicate card ids',
      (b) => ({ ...b, cards: [...b.cards, b.cards[0]] }),
      '第 5 张卡片：编号“c1”与第 1 张卡片重复',
    ],
    ['a quiz without a date', (b) => ({ ...b, quizzes: [{ total: 1 }] }), '第 1 次测验记录：缺少测验时间'],
  ];

  it.each(broken)('refuses %s with a Chinese message and changes nothing', async (_name, mutate, message) => {
    const good = JSON.parse(JSON.stringify(await exportBackup(db, at(1))));
    const before = await dump(db);
    const err = await importBackup(db, mutate(good)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect(toChineseMessage(err)).toContain(message);
    expect(await dump(db)).toEqual(before);
  });

  it('is atomic: a write that fails midway leaves the old data, and says so in Chinese only', async () => {
    const good = JSON.parse(JSON.stringify(await exportBackup(db, at(1))));
    good.cards = good.cards.map((c: { prompt: string }) => ({ ...c, prompt: '新' }));
    const before = await dump(db);
    // The last table's write fails, after every other table was cleared and refilled.
    const table = db.table.bind(db);
    const failing = vi.spyOn(db, 'table').mockImplementation((name: string) => {
      const real = table(name);
      if (name !== 'quizzes') return real;
      const error = Object.assign(new Error('Key already exists in the object store.'), { name: 'ConstraintError' });
      return Object.assign(Object.create(real), { bulkAdd: () => Promise.reject(error) });
    });
    const err = await importBackup(db, good).catch((e: unknown) => e);
    failing.mockRestore();
    expect(toChineseMessage(err)).toContain('导入失败，原有数据没有改变');
    expect(toChineseMessage(err)).not.toMatch(/[A-Za-z]{4,}/);
    expect(await dump(db)).toEqual(before);
  });

  it('accepts a backup written before quizzes existed', async () => {
    const good = JSON.parse(JSON.stringify(await exportBackup(db, at(1))));
    delete good.quizzes;
    await importBackup(db, good);
    expect(await db.quizzes.count()).toBe(0);
    expect(await db.cards.count()).toBe(4);
  });

  it('turns a quota failure into the "storage full" message', () => {
    const quota = Object.assign(new Error('abort'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } });
    expect(toChineseMessage(quota)).toBe(QUOTA_MESSAGE);
    expect(QUOTA_MESSAGE).toMatch(/^存储空间已满/);
  });
});
