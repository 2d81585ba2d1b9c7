import { useLiveQuery } from 'dexie-react-hooks';
import { db, type QuizRow, type SourceRow } from '@/data/db/schema';
import { latestQuizzes, quizAnswers } from '@/data/db/quiz-results';
import { KIND_NAMES } from '@/data/quiz/types';
import { formatDay } from '@/components/common/format';

const MODES: Record<NonNullable<QuizRow['mode']>, string> = {
  normal: '测验',
  weak: '今天的薄弱项',
  challenge: '挑战答题',
};

function when(at: Date): string {
  const d = new Date(at);
  return `${formatDay(d)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

function documents(q: QuizRow, sources: SourceRow[]): string {
  if (!q.sourceIds?.length) return q.sourceIds ? '全部文件' : '';
  return q.sourceIds.map((id) => `《${sources.find((s) => s.id === id)?.title ?? id}》`).join('');
}

/** A past quiz's missed questions as they were asked; quizzes from before v7 name the missed cards only. */
function Missed({ quiz }: { quiz: QuizRow }) {
  const data = useLiveQuery(async () => {
    const answers = await quizAnswers(db, quiz.id!);
    const cards = answers.length ? [] : await db.cards.bulkGet(quiz.missedIds ?? []);
    return { answers, cards };
  }, [quiz.id]);
  if (!data) return <p className="muted">正在载入…</p>;
  const wrong = data.answers.filter((a) => a.verdict === 'wrong');
  if (data.answers.length && !wrong.length) return <p className="muted">这次全部答对。</p>;
  if (!data.answers.length) {
    const cards = data.cards.flatMap((c) => (c ? [c] : []));
    if (!cards.length)
      return <p className="muted">{quiz.missedIds?.length ? '答错的卡片已不在卡片库中。' : '这次全部答对。'}</p>;
    return (
      <ul className="quiz-missed-list">
        {cards.map((c) => (
          <li key={c.id} data-testid="history-missed">
            <p>{c.prompt}</p>
            <p>
              正确答案：<strong>{c.answer}</strong> · <a href={`#cards?card=${encodeURIComponent(c.id)}`}>查看卡片</a>
            </p>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul className="quiz-missed-list">
      {wrong.map((a) => (
        <li key={a.index} data-testid="history-missed">
          <p>
            <span className="muted small">
              第 {a.index + 1} 题 · {KIND_NAMES[a.kind]}
            </span>
            <br />
            {a.prompt}
          </p>
          {a.options ? (
            <p className="muted small">
              选项：{a.options.map((o, i) => `${String.fromCharCode(65 + i)}. ${o}`).join('　')}
            </p>
          ) : null}
          <p>
            正确答案：<strong>{a.answer}</strong>
            <span className="muted"> · 你的答案：{a.response || '（未作答）'}</span>
            {' · '}
            <a href={`#cards?card=${encodeURIComponent(a.cardId)}`}>查看卡片</a>
          </p>
        </li>
      ))}
    </ul>
  );
}

/** #quiz: open the quiz page, and every past quiz with its date, documents, score and missed questions. */
export function QuizHistory() {
  const data = useLiveQuery(
    async () => ({ quizzes: await latestQuizzes(db), sources: await db.sources.toArray() }),
    [],
  );
  return (
    <section aria-labelledby="quiz-title">
      <h2 id="quiz-title">学习会测验</h2>
      <p>单选、多选、填空和挑战答题，题目来自你的卡片；答错的题可计入复习。</p>
      <p>
        <a className="button primary" href="quiz.html" data-testid="open-quiz">
          打开测验页
        </a>
      </p>
      <h3>测验记录</h3>
      {!data ? <p className="muted">正在载入…</p> : null}
      {data && !data.quizzes.length ? (
        <p className="muted">还没有测验记录。做完一次测验后，成绩和答错的题会列在这里。</p>
      ) : null}
      <ul className="quiz-history">
        {data?.quizzes.map((q) => (
          <li key={q.id} data-testid="quiz-history-item">
            <details>
              <summary>
                <span className="quiz-when">{when(q.at)}</span> · {MODES[q.mode ?? 'normal']} ·{' '}
                <strong data-testid="history-score">
                  {q.mode === 'challenge' ? `连续答对 ${q.streak ?? q.correct} 题` : `答对 ${q.correct} / ${q.total}`}
                </strong>
                {documents(q, data.sources) ? (
                  <span className="muted small"> · {documents(q, data.sources)}</span>
                ) : null}
              </summary>
              <Missed quiz={q} />
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
