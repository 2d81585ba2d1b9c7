// Past quizzes for 学习中心 → 测验: each quiz's questions in their own table (schema v7), written
// with the result, kept by backups, and absent from databases and backups made before it.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { exportBackup, importBackup } from '../../../data/db/backup';
import { toChineseMessage } from '../../../data/db/errors';
import { latestQuizzes, quizAnswers, saveQuizRun } from '../../../data/db/quiz-results';
import { openDb, SCHEMA_V1, type QuizAnswerRow } from '../../../data/db/schema';
import { at, fakeDeps, freshDb, T0 } from './helpers';

const CARDS = 'id, noteId, kind, due, state, suspended, retired, *sourceIds, [state+importance], [state+due]';
const ANSWERS: Array<Omit<QuizAnswerRow, 'id' | 'quizId'>> = [
  {
    index: 0,
    cardId: 'c1',
    kind: 'fill',
    prompt: '贫困人口从____减到551万人',
    answer: '9899万人',
    response: '9899万',
    verdict: 'close',
    note: '注意单位：9899万人',
  },
  {
    index: 1,
    cardId: 'c2',
    kind: 'single',
    prompt: '“不愁吃”属于哪个提法？',
    options: ['两不愁三保障', '六个精准', '五个一批'],
    answer: '两不愁三保障',
    response: '六个精准',
    verdict: 'wrong',
  },
];

describe('quiz results (schema v7)', () => {
  it('opens a version 6 database with its quizzes kept, the questions table empty and usable', async () => {
    const deps = fakeDeps();
    const v6 = new Dexie('tifa', deps);
    v6.version(1).stores(SCHEMA_V1);
    v6.version(2).stores({ quizzes: '++id, at' });
    v6.version(3).stores({ cards: CARDS });
    v6.version(4).stores({ cards: `${CARDS}, wanted` });
    v6.version(5).stores({ texts: 'id, hash' });
    v6.version(6).stores({ cards: `${CARDS}, wanted, held` });
    await v6
      .table('quizzes')
      .add({ at: T0, total: 5, correct: 3, cardIds: ['c1', 'c2'], missedIds: ['c2'], mode: 'normal', counted: true });
    v6.close();

    const db = openDb('tifa', deps);
    await db.open();
    expect(db.verno).toBe(9);
    const [old] = await latestQuizzes(db);
    expect(old).toMatchObject({ total: 5, correct: 3, missedIds: ['c2'] });
    expect(await quizAnswers(db, old.id!)).toEqual([]);
    const id = await saveQuizRun(
      db,
      { at: at(1), total: 2, correct: 1, cardIds: ['c1', 'c2'], missedIds: ['c2'], sourceIds: ['s1'] },
      ANSWERS,
    );
    expect((await latestQuizzes(db)).map((q) => q.id)).toEqual([id, old.id]);
    expect(await quizAnswers(db, id)).toEqual(ANSWERS.map((a, i) => ({ ...a, quizId: id, id: i + 1 })));
    db.close();
  });

  it('writes the result and its questions together or not at all', async () => {
    const db = freshDb();
    const bad = [ANSWERS[0], { ...ANSWERS[1], id: 1 }, { ...ANSWERS[1], id: 1 }] as typeof ANSWERS;
    await expect(saveQuizRun(db, { at: T0, total: 3, correct: 1, cardIds: [] }, bad)).rejects.toThrow();
    expect(await db.quizzes.count()).toBe(0);
    expect(await db.quizAnswers.count()).toBe(0);
  });

  it('is in backups, and a backup made before it is still accepted', async () => {
    const db = freshDb();
    await saveQuizRun(db, { at: T0, total: 2, correct: 1, cardIds: ['c1', 'c2'], sourceIds: ['s1'] }, ANSWERS);
    const backup = JSON.parse(JSON.stringify(await exportBackup(db, at(1))));
    expect(backup.quizAnswers).toHaveLength(2);

    const other = freshDb();
    await importBackup(other, backup);
    expect(await quizAnswers(other, 1)).toEqual(await quizAnswers(db, 1));
    expect((await latestQuizzes(other))[0].sourceIds).toEqual(['s1']);

    delete backup.quizAnswers;
    await importBackup(other, backup);
    expect(await other.quizAnswers.count()).toBe(0);
    expect(await other.quizzes.count()).toBe(1);
  });

  it.each([
    [
      'an unknown verdict',
      (a: Record<string, unknown>) => (a.verdict = 'maybe'),
      '第 2 道测验题：判定必须是 right、close 或 wrong',
    ],
    ['no prompt', (a: Record<string, unknown>) => delete a.prompt, '第 2 道测验题：缺少问题'],
    ['no quiz', (a: Record<string, unknown>) => delete a.quizId, '第 2 道测验题：缺少测验编号'],
  ])('refuses a backup whose question has %s, in Chinese, changing nothing', async (_, spoil, message) => {
    const db = freshDb();
    await saveQuizRun(db, { at: T0, total: 2, correct: 1, cardIds: [] }, ANSWERS);
    const backup = JSON.parse(JSON.stringify(await exportBackup(db, at(1))));
    spoil(backup.quizAnswers[1]);
    const err = await importBackup(db, backup).catch((e: unknown) => e);
    expect(toChineseMessage(err)).toBe(`备份文件已损坏：${message}`);
    expect(await db.quizAnswers.count()).toBe(2);
  });
});
