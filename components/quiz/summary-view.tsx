import { counts } from '@/data/quiz';
import { cardLink, dueText } from './feedback-view';
import type { QuizResult } from '@/data/quiz/run';
import { focusOnMount } from '../common/focus';

interface Props {
  result: QuizResult;
  /** The best streak before this quiz. */
  best: number;
  onAgain: () => void;
  onSetup: () => void;
}

/** The score and every missed item, with when it comes back for review. */
export function SummaryView({ result, best, onAgain, onSetup }: Props) {
  const { answers, config, streak } = result;
  const right = answers.filter((a) => counts(a.check)).length;
  const missed = answers.filter((a) => !counts(a.check));
  return (
    <section className="quiz-summary" data-testid="quiz-summary">
      <h2>测验结果</h2>
      {config.mode === 'challenge' ? (
        <p className="big">
          连续答对 <strong data-testid="quiz-streak">{streak}</strong> 题
          {streak > best ? ' · 新纪录！' : <span className="muted"> · 最高纪录 {best}</span>}
        </p>
      ) : (
        <p className="big">
          答对 <strong data-testid="quiz-score">{right}</strong> / {answers.length} 题
        </p>
      )}
      {missed.length ? (
        <>
          <h3>答错的题{config.counted ? '（已安排复习）' : ''}</h3>
          <ul className="quiz-missed-list">
            {missed.map((a) => (
              <li key={a.question.id} data-testid="quiz-missed">
                <p>{a.question.prompt}</p>
                <p>
                  正确答案：<strong>{a.question.answer}</strong>
                  <span className="muted"> · 你的答案：{a.response || '（未作答）'}</span>
                </p>
                <p className="muted small">
                  {a.due ? <span data-testid="quiz-missed-due">下次复习：{dueText(a.due)} · </span> : null}
                  <a href={cardLink(a.question.cardId)} target="_blank" rel="noopener">
                    查看卡片
                  </a>
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>全部答对，继续保持！</p>
      )}
      <p className="quiz-actions">
        <button type="button" className="primary" onClick={onAgain} ref={focusOnMount}>
          再测一次
        </button>
        <button type="button" onClick={onSetup}>
          返回设置
        </button>
      </p>
    </section>
  );
}
