import { useRef, useState } from 'react';
import { db } from '@/data/db/schema';
import { counts, type Question } from '@/data/quiz';
import {
  answerRow,
  judge,
  streakOf,
  type Answered,
  type QuizConfig,
  type QuizResult,
  type Response,
} from '@/data/quiz/run';
import { recordAnswer } from '@/data/db/quizzes';
import { saveQuizRun } from '@/data/db/quiz-results';

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

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
        final.map(answerRow),
      );
    } catch (err) {
      setError(message(err));
    }
    onDone({ config, answers: final, streak: run });
  }

  return { current, index, total: questions.length, answered, answers, streak, submit, next, error };
}
