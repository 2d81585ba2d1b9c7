import { ConflictWarning } from '@/components/common/conflict-warning';
import { EvidenceQuote, type SourceInfo } from '@/components/common/evidence-quote';
import { formatDay } from '@/components/common/format';
import type { Answered } from '@/data/quiz/run';

const VERDICT = {
  right: { icon: '✓', text: '回答正确' },
  close: { icon: '≈', text: '基本正确' },
  wrong: { icon: '✗', text: '回答错误' },
} as const;

/** Where the dashboard shows one card. */
export const cardLink = (cardId: string) => `dashboard.html#cards?card=${encodeURIComponent(cardId)}`;

/** "今天 14:05", "明天 00:03" (a miss just before midnight), else the day: "12月9日". */
export function dueText(due: Date, now = new Date()): string {
  const time = `${String(due.getHours()).padStart(2, '0')}:${String(due.getMinutes()).padStart(2, '0')}`;
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  if (due.toDateString() === now.toDateString()) return `今天 ${time}`;
  if (due.toDateString() === tomorrow.toDateString()) return `明天 ${time}`;
  return formatDay(due, now);
}

interface Props {
  answered: Answered;
  sources: Map<string, SourceInfo>;
  counted: boolean;
  last: boolean;
  onNext: () => void;
}

/** Right or wrong, the right answer, and the sentence it comes from with the answer marked. */
export function FeedbackView({ answered, sources, counted, last, onNext }: Props) {
  const { question, check, response } = answered;
  const v = VERDICT[check.verdict];
  const evidence = question.evidence[0];
  return (
    <section className={`quiz-feedback ${check.verdict}`} data-testid="quiz-feedback" role="status">
      <p className="verdict">
        <span aria-hidden="true">{v.icon}</span> {v.text}
        {check.note ? <span className="note">（{check.note}）</span> : null}
      </p>
      <p>
        正确答案：<strong data-testid="quiz-right-answer">{question.answer}</strong>
      </p>
      {check.verdict !== 'right' ? <p className="muted">你的答案：{response || '（未作答）'}</p> : null}
      {evidence ? <EvidenceQuote evidence={evidence} source={sources.get(evidence.source)} /> : null}
      {question.conflicts?.length ? <ConflictWarning conflictIds={question.conflicts} /> : null}
      <p className="quiz-links">
        <a href={cardLink(question.cardId)} target="_blank" rel="noopener" data-testid="quiz-card-link">
          在学习中心查看这张卡片
        </a>
        {counted ? (
          <span className="muted">
            {answered.due ? ` · 已计入复习，下次：${dueText(answered.due)}` : ' · 正在计入复习…'}
          </span>
        ) : null}
      </p>
      <button type="button" className="primary" onClick={onNext} data-testid="quiz-next">
        {last ? '查看结果' : '下一题'} <kbd>Enter</kbd>
      </button>
    </section>
  );
}
