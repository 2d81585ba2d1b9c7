import { useRef, useState } from 'react';
import { db } from '@/data/db/schema';
import { checkAnswer, checkChoice, counts, type Check, type Question } from '@/data/quiz';
import { recordAnswer, type QuizConfig } from './quiz-store';
import { saveQuizRun } from '@/data/db/quiz-results';
import type { QuizAnswerRow } from '@/data/db/schema';

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

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** An answer as stored for 学习中心 → 测验. */
function asRow(a: Answered, index: number): Omit<QuizAnswerRow, 'id' | 'quizId'> {
  const q = a.question;
  const note = a.check.note ?? (a.timedOut ? '超时' : undefined);
  return { index, cardId: q.cardId, kind: q.kind, prompt: q.prompt, ...(q.options ? { options: q.options } : {}), answer: q.answer, response: a.response, verdict: a.check.verdict, ...(note ? { note } : {}) };
}

/** Right answers in a row from the start. */
export function streakOf(answers: readonly Answered[]): number {
  const miss = answers.findIndex((a) => !counts(a.check));
  return miss === -1 ? answers.length : miss;
}

function judge(q: Question, r: Response, timedOut: boolean): Pick<Answered, 'response' | 'check'> {
  const response = q.kind === 'fill' ? (r.typed ?? '').replace(/^[、\s]+|[、\s]+$/g, '') : (r.picked ?? []).map((i) => q.options![i]).join('、');
  if (timedOut && !response) return { response, check: { verdict: 'wrong', note: '超时未作答' } };
  return { response, check: q.kind === 'fill' ? checkAnswer(response, q.expected!) : checkChoice(r.picked ?? [], q.correct ?? []) };
}

/** One quiz from the first question to the summary: checks answers, records reviews, saves the result. */
export function useQuizRun(config: QuizConfig, questions: Question[], onDone: (result: QuizResult) => void) {
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<Answered[]>([]);
  const [error, setError] = useState<string>();
  // The latest answers, due dates included, for the save at the end (state lags one render).
  const latest = useRef<Answered[]>([]);
  const pending = useRef<Array<Promise<unknown>>>([]);
  const update = (change: (prev: Answered[]) => Answered[]) => {
    latest.current = change(latest.current);
    setAnswers(latest.current);
  };
  const current = questions[index];
  const answered = answers[index];
  const streak = streakOf(answers);

  function submit(response: Response, timedOut = false) {
    if (!current || latest.current.length > index) return;
    const entry: Answered = { question: current, ...judge(current, response, timedOut), timedOut };
    update((prev) => [...prev, entry]);
    if (!config.counted) return;
    const at = index;
    const job = recordAnswer(db, current.cardId, entry.check.verdict, new Date())
      .then((due) => update((prev) => prev.map((a, i) => (i === at ? { ...a, due } : a))))
      .catch((err: unknown) => setError(message(err)));
    pending.current.push(job);
  }

  async function next() {
    const list = latest.current;
    if (list.length <= index) return;
    const last = list[list.length - 1];
    const over = index + 1 >= questions.length || (config.mode === 'challenge' && !counts(last.check));
    if (!over) return setIndex(index + 1);
    await Promise.all(pending.current);
    const final = latest.current;
    const run = streakOf(final);
    try {
      await saveQuizRun(
        db,
        {
          at: new Date(),
          total: final.length,
          correct: final.filter((a) => counts(a.check)).length,
          cardIds: final.map((a) => a.question.cardId),
          missedIds: final.filter((a) => !counts(a.check)).map((a) => a.question.cardId),
          mode: config.mode,
          counted: config.counted,
          sourceIds: config.sourceIds,
          ...(config.mode === 'challenge' ? { streak: run } : {}),
        },
        final.map(asRow),
      );
    } catch (err) {
      setError(message(err));
    }
    onDone({ config, answers: final, streak: run });
  }

  return { current, index, total: questions.length, answered, answers, streak, submit, next, error };
}
