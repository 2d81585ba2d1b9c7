// Finished quizzes: the result and every question as asked and answered, written together, and
// read back for 学习中心 → 测验 (date, documents, score, the missed questions again).
import type { QuizAnswerRow, QuizRow, TifaDB } from './schema';

/** Saves a finished quiz and its questions in one transaction; returns the quiz's id. */
export async function saveQuizRun(
  db: TifaDB,
  quiz: Omit<QuizRow, 'id'>,
  answers: Array<Omit<QuizAnswerRow, 'id' | 'quizId'>>,
): Promise<number> {
  return db.transaction('rw', db.quizzes, db.quizAnswers, async () => {
    const quizId = await db.quizzes.add(quiz);
    await db.quizAnswers.bulkAdd(answers.map((a) => ({ ...a, quizId })));
    return quizId;
  });
}

/** The latest quizzes, newest first. */
export function latestQuizzes(db: TifaDB, limit = 50): Promise<QuizRow[]> {
  return db.quizzes.orderBy('at').reverse().limit(limit).toArray();
}

/** A quiz's questions in the order they were asked (none for quizzes taken before schema v7). */
export async function quizAnswers(db: TifaDB, quizId: number): Promise<QuizAnswerRow[]> {
  const rows = await db.quizAnswers.where('quizId').equals(quizId).toArray();
  return rows.sort((a, b) => a.index - b.index);
}
