// The quiz page's store side over the real deck in a fake IndexedDB: questions come from the
// chosen documents, "今天的薄弱项" starts with the most forgotten card, and answers are reviews.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syncDeck } from '@/data/db/deck-sync';
import { saveReview } from '@/data/db/repo';
import type { TifaDB } from '@/data/db/schema';
import { Rating } from '@/data/srs/scheduler';
import { bestStreak, prepareQuiz, recordAnswer, saveQuizResult } from '@/data/db/quizzes';
import type { QuizConfig } from '@/data/quiz/run';
import { freshDb, SETTINGS, T0, at } from '../../data/db/helpers';
import { realDeck } from '../../data/quiz/real-deck';

let db: TifaDB;
beforeEach(async () => {
  fakeBrowser.reset();
  db = freshDb();
  await syncDeck(db, realDeck, T0);
});

const config = (extra: Partial<QuizConfig> = {}): QuizConfig => ({
  mode: 'normal',
  sourceIds: [],
  kinds: ['single', 'multi', 'fill'],
  count: 10,
  counted: true,
  timer: 0,
  ...extra,
});

describe('prepareQuiz', () => {
  it('asks the chosen number of questions, only from the chosen document', async () => {
    const doc = realDeck.sources[2].id;
    const qs = await prepareQuiz(db, config({ sourceIds: [doc] }), at(1), 1);
    expect(qs).toHaveLength(10);
    const cards = await db.cards.bulkGet(qs.map((q) => q.cardId));
    for (const c of cards) expect(c!.sourceIds).toContain(doc);
  });

  it('gives only the chosen kinds', async () => {
    const qs = await prepareQuiz(db, config({ kinds: ['multi'], count: 5 }), at(1), 2);
    expect(qs.map((q) => q.kind)).toEqual(['multi', 'multi', 'multi', 'multi', 'multi']);
  });

  it('starts 今天的薄弱项 with the card reviewed and forgotten', async () => {
    const [weak] = await db.cards.where('kind').equals('figure-cloze').limit(1).toArray();
    await saveReview(db, weak.id, Rating.Good, at(-40), SETTINGS);
    const qs = await prepareQuiz(db, config({ mode: 'weak', count: 5 }), at(1), 3);
    expect(qs[0].cardId).toBe(weak.id);
  });
});

describe('recordAnswer', () => {
  it('rates wrong as 重来, close as 困难 and right as 良好, and the miss comes back within minutes', async () => {
    const [a, b, c] = await db.cards.limit(3).toArray();
    const due = await recordAnswer(db, a.id, 'wrong', at(1));
    await recordAnswer(db, b.id, 'right', at(1));
    await recordAnswer(db, c.id, 'close', at(1));
    const logs = await db.reviewLogs.toArray();
    expect(logs.map((l) => [l.cardId, l.rating])).toEqual([
      [a.id, Rating.Again],
      [b.id, Rating.Good],
      [c.id, Rating.Hard],
    ]);
    expect(due.getTime() - at(1).getTime()).toBeLessThanOrEqual(10 * 60_000);
  });
});

describe('bestStreak', () => {
  it('is the longest 挑战答题 streak kept', async () => {
    expect(await bestStreak(db)).toBe(0);
    for (const [mode, streak] of [
      ['challenge', 4],
      ['challenge', 7],
      ['normal', 9],
    ] as const) {
      await saveQuizResult(db, { at: T0, total: streak + 1, correct: streak, cardIds: [], mode, streak });
    }
    expect(await bestStreak(db)).toBe(7);
  });
});
