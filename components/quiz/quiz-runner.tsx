import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { counts, type Question } from '@/data/quiz';
import type { SourceInfo } from '@/components/common/evidence-quote';
import { FeedbackView } from './feedback-view';
import { LETTERS, QuestionView } from './question-view';
import type { QuizConfig } from '@/data/quiz/run';
import { useCountdown } from './use-countdown';
import { FIELD, focusedControl } from '@/components/review/keys';
import { useQuizRun } from './use-quiz-run';
import type { QuizResult } from '@/data/quiz/run';
import { ErrorAlert } from '@/components/common/error-alert';

interface Props {
  config: QuizConfig;
  questions: Question[];
  sources: Map<string, SourceInfo>;
  best: number;
  onDone: (result: QuizResult) => void;
  onQuit: () => void;
}

/** The quiz's own answer controls: the options and the answer boxes. Every other control keeps its keys. */
const ANSWER = '[data-testid="quiz-option"], [data-testid="quiz-input"]';

/** Asks the questions one by one; the keyboard alone is enough (1–4 / A–D, Space, Enter). */
export function QuizRunner({ config, questions, sources, best, onDone, onQuit }: Props) {
  const run = useQuizRun(config, questions, onDone);
  const q = run.current;
  const [shown, setShown] = useState(run.index);
  const [picked, setPicked] = useState<number[]>([]);
  const [cursor, setCursor] = useState(0);
  const [typed, setTyped] = useState<string[]>([]);
  if (shown !== run.index) {
    // A new question: clear the last one's choices (React's "reset state on change" pattern).
    setShown(run.index);
    setPicked([]);
    setCursor(0);
    setTyped([]);
  }
  const ready = q?.kind === 'fill' ? typed.some((t) => t.trim() !== '') : picked.length > 0;
  const submit = (timedOut = false) => {
    // Boxes keep their places: 识别、、管理 is the second blank left empty.
    if (ready || timedOut) run.submit({ picked, typed: typed.map((t) => t.trim()).join('、') }, timedOut);
  };
  const type = (box: number, text: string) => setTyped((prev) => Object.assign([...prev], { [box]: text }));
  const left = useCountdown(config.timer, !run.answered, run.index, () => submit(true));

  const pick = (i: number) => {
    if (!q?.options || i >= q.options.length || run.answered) return;
    setCursor(i);
    setPicked((prev) => (q.kind === 'multi' ? (prev.includes(i) ? prev.filter((x) => x !== i) : [...prev, i]) : [i]));
  };

  const onKey = (e: KeyboardEvent) => {
    if (!q || e.altKey || e.ctrlKey || e.metaKey) return;
    // Enter or Space on 结束测验, 下一题, 查看提示 or a link presses that, and never submits an
    // answer; a field other than the answer boxes keeps every key.
    const control = focusedControl(e);
    const other = !!control && !control.matches(ANSWER);
    if (other && (e.key === 'Enter' || e.key === ' ' || control.matches(FIELD))) return;
    const typing = control?.matches('[data-testid="quiz-input"]');
    if (e.key === 'Enter') {
      e.preventDefault();
      if (run.answered) void run.next();
      else submit();
      return;
    }
    if (run.answered || !q.options || typing) return;
    const n = q.options.length;
    const at = /^[1-6]$/.test(e.key) ? Number(e.key) - 1 : LETTERS.indexOf(e.key.toUpperCase());
    if (e.key.length === 1 && at >= 0 && at < n) {
      e.preventDefault();
      pick(at);
    } else if (e.key === ' ' && q.kind === 'multi') {
      // Space toggles the focused option, or the one the arrows moved to.
      e.preventDefault();
      const focused = control && !other ? Number((control as HTMLElement).dataset.index) : NaN;
      pick(Number.isInteger(focused) ? focused : cursor);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const to = (cursor + (e.key === 'ArrowDown' ? 1 : n - 1)) % n;
      if (q.kind !== 'multi') pick(to);
      else setCursor(to);
    }
  };
  // One listener for the page's life; it always calls the latest handler, set as soon as the page
  // is rendered (a layout effect: Preact runs plain effects only after the next frame, and a key
  // pressed right after a click must see the click's choice).
  const handler = useRef(onKey);
  useLayoutEffect(() => {
    handler.current = onKey;
  });
  useEffect(() => {
    const listen = (e: KeyboardEvent) => handler.current(e);
    window.addEventListener('keydown', listen, true);
    return () => window.removeEventListener('keydown', listen, true);
  }, []);

  if (!q) return null;
  const challenge = config.mode === 'challenge';
  return (
    <div className="quiz-run">
      <header className="quiz-progress">
        {challenge ? (
          <span>
            挑战答题 · 连续答对 <strong data-testid="quiz-streak">{run.streak}</strong> 题{' '}
            <span className="muted">（最高纪录 {Math.max(best, run.streak)}）</span>
          </span>
        ) : (
          <span>
            第 {run.index + 1} / {run.total} 题 · 答对 {run.answers.filter((a) => counts(a.check)).length}
          </span>
        )}
        {left !== null ? (
          <span className={left <= 10 ? 'quiz-timer low' : 'quiz-timer'} aria-label="剩余秒数">
            剩余 {left} 秒
          </span>
        ) : null}
        <button type="button" onClick={onQuit}>
          结束测验
        </button>
      </header>
      <QuestionView
        key={q.id}
        question={q}
        picked={picked}
        cursor={cursor}
        typed={typed}
        onType={type}
        onPick={pick}
        answered={run.answered}
      />
      {run.answered ? (
        <FeedbackView
          answered={run.answered}
          sources={sources}
          counted={config.counted}
          last={run.index + 1 >= run.total || (challenge && !counts(run.answered.check))}
          onNext={() => void run.next()}
        />
      ) : (
        <button type="button" className="primary" disabled={!ready} onClick={() => submit()} data-testid="quiz-submit">
          提交 <kbd>Enter</kbd>
        </button>
      )}
      <ErrorAlert message={run.error} />
    </div>
  );
}
