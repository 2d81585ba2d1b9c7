// The quiz page's reads and writes. Answers become FSRS reviews through the same saveReview
// the popup uses, so a quiz and a review session never disagree about a card.
import type { QuizRow, TifaDB } from './schema';
import type { Card } from '../knowledge/types';
import { getSettings } from './settings';
import { saveReview } from './reviews';
import type { QuizConfig } from '../quiz/run';
import {
  buildQuestions,
  CHALLENGE_KINDS,
  challengeQuestions,
  makeContext,
  possibleKinds,
  selectCards,
  seededRandom,
  type Question,
  type Verdict,
} from '../quiz';
import { Rating, type Grade } from '../srs/scheduler';

/** 挑战答题 goes on until the first wrong answer; this many questions are prepared. */
const CHALLENGE_LENGTH = 200;

export async function prepareQuiz(
  db: TifaDB,
  config: QuizConfig,
  now: Date,
  seed = now.getTime(),
): Promise<Question[]> {
  const [notes, cards, conflicts, settings] = await Promise.all([
    db.notes.filter((n) => !n.retired).toArray(),
    db.cards.where('retired').equals(0).toArray(),
    db.conflicts
      .where('resolved')
      .equals(0)
      .filter((c) => !c.retired)
      .toArray(),
    getSettings(db),
  ]);
  const ctx = makeContext({ notes, cards, conflicts });
  const rand = seededRandom(seed);
  // 挑战答题 asks what is answered in seconds, whatever kinds the setup had ticked.
  const challenge = config.mode === 'challenge';
  const kinds = challenge ? CHALLENGE_KINDS : config.kinds;
  const canAsk = (card: Card) => possibleKinds(card, ctx).some((k) => kinds.includes(k));
  const order = selectCards(cards, {
    mode: config.mode,
    sourceIds: config.sourceIds,
    canAsk,
    now,
    rand,
    settings,
  });
  return challenge
    ? challengeQuestions(order, CHALLENGE_LENGTH, ctx, rand)
    : buildQuestions(order, kinds, config.count, ctx, rand);
}

const GRADE: Record<Verdict, Grade> = { right: Rating.Good, close: Rating.Hard, wrong: Rating.Again };

/** One answer as a review: right → 良好, close (a missing unit) → 困难, wrong → 重来. Returns the next due date. */
export async function recordAnswer(db: TifaDB, cardId: string, verdict: Verdict, now: Date): Promise<Date> {
  const settings = await getSettings(db);
  const { card } = await saveReview(db, cardId, GRADE[verdict], now, settings);
  return card.due;
}

export async function saveQuizResult(db: TifaDB, row: Omit<QuizRow, 'id'>): Promise<number> {
  return db.quizzes.add(row);
}

export async function bestStreak(db: TifaDB): Promise<number> {
  const rows = await db.quizzes.filter((q) => q.mode === 'challenge').toArray();
  return rows.reduce((best, q) => Math.max(best, q.streak ?? 0), 0);
}

export async function recentQuizzes(db: TifaDB, limit = 10): Promise<QuizRow[]> {
  return db.quizzes.orderBy('at').reverse().limit(limit).toArray();
}
