// The keyboard quiz e2e (tests/e2e/quiz.e2e.ts) draws its five questions at random and answers
// them with tests/e2e/quiz-answers.ts. Here those helpers answer every question the bundled deck
// can make, over 24 seeds, so that a question they misread fails here and not by chance in CI
// (a 12-member count asked as 十二个 once did).
import { describe, expect, it } from 'vitest';
import { checkAnswer } from '@/data/quiz/answer';
import { makeContext } from '@/data/quiz/context';
import { buildQuestions } from '@/data/quiz/generate';
import { seededRandom } from '@/data/quiz/random';
import { QUESTION_KINDS, type Question } from '@/data/quiz/types';
import { rightOptions, statementTrue, typedAnswer, type DeckRows } from '../../e2e/quiz-answers';
import { realDeck } from './real-deck';

const ctx = makeContext(realDeck);
const deck: DeckRows = { cards: realDeck.cards, notes: realDeck.notes };
const questions: Question[] = Array.from({ length: 24 }, (_, i) => i + 1).flatMap((seed) =>
  buildQuestions(realDeck.cards, QUESTION_KINDS, Infinity, ctx, seededRandom(seed)),
);

describe("the keyboard quiz's answers", () => {
  it('covers every kind of question', () => {
    expect(new Set(questions.map((q) => q.kind))).toEqual(new Set(QUESTION_KINDS));
  });

  it('picks exactly the right options of every 单选 and 多选', () => {
    for (const q of questions.filter((q) => q.kind === 'single' || q.kind === 'multi')) {
      const right = rightOptions(deck, q.prompt, q.options!, q.kind === 'multi');
      expect(right, `${q.prompt}: ${q.options!.join(' / ')}`).toEqual([...q.correct!].sort((a, b) => a - b));
    }
  });

  it('calls every 判断 right', () => {
    for (const q of questions.filter((q) => q.kind === 'judge'))
      expect(statementTrue(deck, q.prompt) ? 0 : 1, q.prompt).toBe(q.correct![0]);
  });

  it('types a right answer to every 填空', () => {
    for (const q of questions.filter((q) => q.kind === 'fill'))
      expect(checkAnswer(typedAnswer(deck, q.prompt), q.expected!).verdict, q.prompt).not.toBe('wrong');
  });
});
