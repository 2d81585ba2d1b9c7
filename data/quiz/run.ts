// One quiz as it runs: its settings, each answer as judged, the streak. Pure: the quiz page keeps
// these in React state and writes answers and results through data/db/quizzes.ts.
import { checkAnswer, checkChoice, counts } from './answer';
import type { QuizMode } from './select';
import type { Check, Question, QuestionKind } from './types';
import type { QuizAnswerRow } from '../db/schema';

export interface QuizConfig {
  mode: QuizMode;
  /** Empty = every document. */
  sourceIds: string[];
  kinds: QuestionKind[];
  count: number;
  /** 计入复习: each answer is an FSRS review. */
  counted: boolean;
  /** Seconds per question, 0 = no timer. */
  timer: number;
}

export interface Answered {
  question: Question;
  /** What the user typed (填空) or the options picked, in words. */
  response: string;
  check: Check;
  timedOut: boolean;
  /** When the card is due again, if the answer counted as a review. */
  due?: Date;
}

export interface QuizResult {
  config: QuizConfig;
  answers: Answered[];
  /** 挑战答题: right answers before the first wrong one. */
  streak: number;
}

export interface Response {
  picked?: number[];
  typed?: string;
}

/** Right answers in a row from the start. */
export function streakOf(answers: readonly Answered[]): number {
  const miss = answers.findIndex((a) => !counts(a.check));
  return miss === -1 ? answers.length : miss;
}

export function judge(q: Question, r: Response, timedOut: boolean): Pick<Answered, 'response' | 'check'> {
  const response =
    q.kind === 'fill'
      ? (r.typed ?? '').replace(/^[、\s]+|[、\s]+$/g, '')
      : (r.picked ?? []).map((i) => q.options![i]).join('、');
  if (timedOut && !response) return { response, check: { verdict: 'wrong', note: '超时未作答' } };
  return {
    response,
    check: q.kind === 'fill' ? checkAnswer(response, q.expected!) : checkChoice(r.picked ?? [], q.correct ?? []),
  };
}

/** An answer as stored for 学习中心 → 测验 (data/db/quiz-results.ts). */
export function answerRow(a: Answered, index: number): Omit<QuizAnswerRow, 'id' | 'quizId'> {
  const q = a.question;
  const note = a.check.note ?? (a.timedOut ? '超时' : undefined);
  return {
    index,
    cardId: q.cardId,
    kind: q.kind,
    prompt: q.prompt,
    ...(q.options ? { options: q.options } : {}),
    answer: q.answer,
    response: a.response,
    verdict: a.check.verdict,
    ...(note ? { note } : {}),
  };
}
