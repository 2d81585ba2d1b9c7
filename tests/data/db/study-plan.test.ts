// The 学习会 in the store: saved through valibot, in backups (old ones without it still import),
// and today's queue bringing its documents' cards up until its day.
import { beforeEach, describe, expect, it } from 'vitest';
import { Rating } from 'ts-fsrs';
import { freshDb, makeDeck, SETTINGS, T0, at } from './helpers';
import type { CardRow, TifaDB } from '../../../data/db/schema';
import { newCardRow, syncDeck } from '../../../data/db/deck-sync';
import { deleteDocument } from '../../../data/db/import';
import { clearStudyPlan, saveStudyPlan } from '../../../data/db/study-plan';
import { loadToday, loadTomorrow, toQueueCard } from '../../../data/db/today';
import { buildQueue } from '../../../data/srs/queue';
import { getSettings, saveReview, saveSettings, todayCounts } from '../../../data/db/repo';
import { exportBackup, importBackup } from '../../../data/db/backup';
import { toChineseMessage } from '../../../data/db/errors';
import type { Card } from '../../../data/knowledge/types';

let db: TifaDB;
const day = (offset: number) => {
  const d = at(offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** `n` more new cards of source `source`, one note each, of low importance. */
function extraCards(source: string, n: number): CardRow[] {
  return Array.from({ length: n }, (_, i) => {
    const card = {
      id: `${source}-x${String(i).padStart(2, '0')}`,
      noteId: `${source}-xn${i}`,
      kind: 'formulation-cloze',
      prompt: `p${i}`,
      answer: `a${i}`,
      evidence: [],
      importance: source === 's2' ? 0.01 : 0.9,
    } satisfies Card;
    return { ...newCardRow(card, 'bundled', T0), sourceIds: [source] };
  });
}

beforeEach(async () => {
  db = freshDb();
  await syncDeck(db, makeDeck(), T0);
  await saveSettings(db, { enableFuzz: false, newPerDay: 5 });
});

describe('saveStudyPlan', () => {
  it('stores the date and documents where 冲刺 reads them, dropping documents no longer there', async () => {
    expect(await saveStudyPlan(db, { date: day(10), sourceIds: ['s2', 'gone', 's2'] }, T0)).toEqual({
      date: day(10),
      sourceIds: ['s2'],
    });
    expect(await getSettings(db)).toMatchObject({ cramUntil: day(10), cramSources: ['s2'] });
    await clearStudyPlan(db);
    const s = await getSettings(db);
    expect(s.cramUntil).toBeUndefined();
    expect(s.cramSources).toBeUndefined();
  });

  it('keeps documents chosen without a date (先学这些文件); neither clears the plan', async () => {
    expect(await saveStudyPlan(db, { sourceIds: ['s1'] }, T0)).toEqual({ sourceIds: ['s1'] });
    expect(await getSettings(db)).toMatchObject({ cramSources: ['s1'] });
    expect((await getSettings(db)).cramUntil).toBeUndefined();
    expect((await loadToday(db, T0)).plan).toMatchObject({ daysLeft: null, total: 3 });
    expect(await saveStudyPlan(db, { sourceIds: [] }, T0)).toBeUndefined();
    expect((await getSettings(db)).cramSources).toBeUndefined();
  });

  it("covers only the cards it names (a 学习资料包's selection); saved again without them, all the documents' cards", async () => {
    const plan = await saveStudyPlan(db, { date: day(10), sourceIds: ['s1'], cardIds: ['c1', 'c3', 'c1'] }, T0);
    expect([...(plan?.cardIds ?? [])]).toEqual(['c1', 'c3']);
    expect(await getSettings(db)).toMatchObject({ cramUntil: day(10), cramSources: ['s1'], cramCards: ['c1', 'c3'] });
    expect((await loadToday(db, T0)).plan).toMatchObject({ total: 2 });
    await saveStudyPlan(db, { date: day(10), sourceIds: ['s1'] }, T0);
    expect((await getSettings(db)).cramCards).toBeUndefined();
    expect((await loadToday(db, T0)).plan).toMatchObject({ total: 3 });
    await saveStudyPlan(db, { date: day(10), sourceIds: ['s1'], cardIds: ['c1'] }, T0);
    await clearStudyPlan(db);
    expect((await getSettings(db)).cramCards).toBeUndefined();
    await saveStudyPlan(db, { date: day(10), sourceIds: ['s1'], cardIds: ['c1'] }, T0);
    await deleteDocument(db, 's1');
    expect((await getSettings(db)).cramCards).toBeUndefined();
  });

  it.each([
    [{ date: '2025-02-30', sourceIds: [] }, '学习会日期不是有效日期'],
    [{ date: '下周三' }, '学习会日期必须写成“年-月-日”'],
    [{ date: 20250320 }, '学习会日期必须是日期'],
    [{ date: '2025-03-20', sourceIds: 's1' }, '学习会的文件必须是列表'],
    [null, '学习会的设置必须是对象'],
  ])('refuses %j in Chinese', async (input, message) => {
    await expect(saveStudyPlan(db, input, T0)).rejects.toThrow(message);
    expect((await getSettings(db)).cramUntil).toBeUndefined();
  });

  it('refuses a past date and documents all deleted', async () => {
    await expect(saveStudyPlan(db, { date: day(-1), sourceIds: [] }, T0)).rejects.toThrow('学习会日期已经过去');
    await expect(saveStudyPlan(db, { date: day(3), sourceIds: ['gone'] }, T0)).rejects.toThrow('选中的文件已被删除');
    // Today is allowed: the session may be this afternoon.
    await expect(saveStudyPlan(db, { date: day(0), sourceIds: [] }, T0)).resolves.toBeTruthy();
  });
});

describe('a session whose documents are deleted', () => {
  it('forgets a deleted document, and ends when none is left (not turning into every document)', async () => {
    await saveStudyPlan(db, { date: day(7), sourceIds: ['s1', 's2'] }, T0);
    await deleteDocument(db, 's1');
    expect(await getSettings(db)).toMatchObject({ cramUntil: day(7), cramSources: ['s2'] });
    await deleteDocument(db, 's2');
    const s = await getSettings(db);
    expect([s.cramUntil, s.cramSources]).toEqual([undefined, undefined]);
    expect((await loadToday(db, T0)).plan).toBeUndefined();
  });
});

describe('loadToday with a 学习会', () => {
  it('brings the documents’ new cards first, spread over the days left; after the day, the normal queue', async () => {
    await db.cards.bulkAdd([...extraCards('s1', 8), ...extraCards('s2', 9)]);
    // s2: c4 plus 9 new cards, 5 days before the session → 2 a day.
    await saveStudyPlan(db, { date: day(5), sourceIds: ['s2'] }, T0);
    const today = await loadToday(db, T0);
    expect(today.plan).toMatchObject({ daysLeft: 5, total: 10, unseen: 10, perDay: 2, tight: false, mastered: 0 });
    // s2's cards have the lowest importance, yet two come first; the rest of the limit (5) goes to s1.
    const news = today.queue;
    expect(news).toHaveLength(5);
    expect(news.slice(0, 2).every((id) => id === 'c4' || id.startsWith('s2-'))).toBe(true);
    expect(news.slice(2).every((id) => !id.startsWith('s2-') && id !== 'c4')).toBe(true);

    // Two learnt: the day's share is done, the rest of the limit stays with s1.
    for (const id of news.slice(0, 2)) await saveReview(db, id, Rating.Good, at(0, 1), SETTINGS);
    const later = await loadToday(db, at(0, 2));
    expect(later.plan).toMatchObject({ perDay: 2, unseen: 8, todayIds: [] });
    expect(later.counts.new).toBe(3);

    // The day after the session: no plan, the normal queue (most important first).
    const after = await loadToday(db, at(6));
    expect(after.plan).toBeUndefined();
    const all = (await db.cards.toArray()).map(toQueueCard);
    const done = await todayCounts(db, at(6), SETTINGS.dayStartHour);
    const normal = {
      newDone: done.newDone,
      reviewsDone: done.reviewsDone,
      reviewedNoteIdsToday: new Set(done.reviewedNoteIds),
    };
    expect(after.queue).toEqual(buildQueue(all, at(6), after.settings, normal));
  });

  it('says when the time is too short and goes above the limit, today and in tomorrow’s forecast', async () => {
    await db.cards.bulkAdd(extraCards('s2', 19));
    await saveStudyPlan(db, { date: day(2), sourceIds: ['s2'] }, T0);
    const today = await loadToday(db, T0);
    expect(today.plan).toMatchObject({ daysLeft: 2, perDay: 10, tight: true });
    expect(today.counts.new).toBe(10);
    // Nothing learnt today: tomorrow, the last day before the session, asks for all 20.
    expect(await loadTomorrow(db, T0)).toBe(20);
  });
});

describe('the 学习会 in backups', () => {
  it('goes out and comes back; a backup without it imports with no session', async () => {
    await saveStudyPlan(db, { date: day(7), sourceIds: ['s1'] }, T0);
    const backup = await exportBackup(db, T0);
    const other = freshDb();
    await importBackup(other, JSON.stringify(backup));
    expect(await getSettings(other)).toMatchObject({ cramUntil: day(7), cramSources: ['s1'] });
    const old = {
      ...backup,
      settings: backup.settings.filter((r) => r.key !== 'cramUntil' && r.key !== 'cramSources'),
    };
    await importBackup(other, JSON.stringify(old));
    expect((await getSettings(other)).cramUntil).toBeUndefined();
    expect((await loadToday(other, T0)).plan).toBeUndefined();
  });

  it("carries a 学习资料包's cards; refuses a backup whose cards are not a list of ids", async () => {
    await saveStudyPlan(db, { date: day(7), sourceIds: ['s1'], cardIds: ['c1'] }, T0);
    const backup = await exportBackup(db, T0);
    const other = freshDb();
    await importBackup(other, JSON.stringify(backup));
    expect(await getSettings(other)).toMatchObject({ cramUntil: day(7), cramCards: ['c1'] });
    const bad = { ...backup, settings: backup.settings.map((r) => (r.key === 'cramCards' ? { ...r, value: [3] } : r)) };
    const err = await importBackup(other, JSON.stringify(bad)).catch((e: unknown) => e);
    expect(toChineseMessage(err)).toBe('备份文件已损坏：学习会设置：学习会的卡片编号必须是文字');
  });

  it.each([
    ['cramUntil', '2025-13-01', '备份文件已损坏：学习会设置：学习会日期不是有效日期'],
    ['cramSources', 's1', '备份文件已损坏：学习会设置：学习会的文件必须是列表'],
    ['cramSources', [''], '备份文件已损坏：学习会设置：学习会的文件编号不能为空'],
  ])('refuses a backup whose %s is %j, changing nothing', async (key, value, message) => {
    await saveStudyPlan(db, { date: day(7), sourceIds: ['s1'] }, T0);
    const backup = await exportBackup(db, T0);
    const bad = { ...backup, settings: backup.settings.map((r) => (r.key === key ? { key, value } : r)) };
    const err = await importBackup(db, JSON.stringify(bad)).catch((e: unknown) => e);
    expect(toChineseMessage(err)).toBe(message);
    expect((await getSettings(db)).cramUntil).toBe(day(7));
  });
});
