import { useState } from 'react';
import type { QuizRow, SourceRow } from '@/data/db/schema';
import { KIND_NAMES, QUESTION_KINDS, type QuestionKind, type QuizMode } from '@/data/quiz';
import { formatDay } from '@/components/common/format';
import type { QuizConfig } from '@/data/quiz/run';

const MODES: Array<[QuizMode, string, string]> = [
  ['normal', '普通测验', '从所选文件中随机出题，重要的提法优先'],
  ['weak', '今天的薄弱项', '最可能已经忘记的卡片先出'],
  ['challenge', '挑战答题', '一直答到第一次答错为止'],
];
const MODE_NAMES = Object.fromEntries(MODES.map(([m, name]) => [m, name])) as Record<QuizMode, string>;

interface Props {
  sources: SourceRow[];
  recent: QuizRow[];
  best: number;
  busy: boolean;
  onStart: (config: QuizConfig) => void;
}

/** Chooses what to be asked: documents, question kinds, how many, and how answers count. */
export function SetupScreen({ sources, recent, best, busy, onStart }: Props) {
  const [mode, setMode] = useState<QuizMode>('normal');
  const [sourceIds, setSourceIds] = useState<string[]>([]);
  const [kinds, setKinds] = useState<QuestionKind[]>([...QUESTION_KINDS]);
  const [count, setCount] = useState(10);
  const [counted, setCounted] = useState(true);
  const [timer, setTimer] = useState(false);
  const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);
  const chooseMode = (m: QuizMode) => {
    setMode(m);
    // 挑战答题 is a game: by default it does not touch the review schedule.
    setCounted(m !== 'challenge');
  };
  return (
    <form
      className="quiz-setup"
      onSubmit={(e) => {
        e.preventDefault();
        onStart({ mode, sourceIds, kinds, count, counted, timer: timer ? 45 : 0 });
      }}
    >
      <fieldset>
        <legend>方式</legend>
        {MODES.map(([m, name, hint]) => (
          <label key={m} className="quiz-choice">
            <input
              type="radio"
              name="mode"
              checked={mode === m}
              onChange={() => chooseMode(m)}
              data-testid={`quiz-mode-${m}`}
            />
            {name} <span className="muted small">{hint}</span>
          </label>
        ))}
        {best ? <p className="muted small">挑战答题最高纪录：连续答对 {best} 题</p> : null}
      </fieldset>
      <fieldset>
        <legend>文件（不选即全部）</legend>
        {sources.map((s) => (
          <label key={s.id} className="quiz-choice">
            <input
              type="checkbox"
              checked={sourceIds.includes(s.id)}
              onChange={() => setSourceIds(toggle(sourceIds, s.id))}
            />
            《{s.title}》
            {s.dateUnverified ? (
              <span className="muted small"> 日期待核实</span>
            ) : s.date ? (
              <span className="muted small"> {s.date.slice(0, 4)}</span>
            ) : null}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>题型</legend>
        {mode === 'challenge' ? (
          <p className="muted small">挑战答题只出单选题和判断题，每题几秒钟就能答完。</p>
        ) : (
          QUESTION_KINDS.map((k) => (
            <label key={k} className="quiz-choice inline">
              <input
                type="checkbox"
                checked={kinds.includes(k)}
                onChange={() => setKinds(toggle(kinds, k))}
                data-testid={`quiz-kind-${k}`}
              />
              {KIND_NAMES[k]}
            </label>
          ))
        )}
      </fieldset>
      {mode !== 'challenge' ? (
        <fieldset>
          <legend>题数</legend>
          {[5, 10, 20].map((n) => (
            <label key={n} className="quiz-choice inline">
              <input
                type="radio"
                name="count"
                checked={count === n}
                onChange={() => setCount(n)}
                data-testid={`quiz-count-${n}`}
              />
              {n} 题
            </label>
          ))}
        </fieldset>
      ) : null}
      <fieldset>
        <legend>选项</legend>
        <label className="quiz-choice">
          <input
            type="checkbox"
            checked={counted}
            onChange={(e) => setCounted(e.target.checked)}
            data-testid="quiz-counted"
          />
          计入复习 <span className="muted small">答对记“良好”，答错记“重来”，错题很快会再出现</span>
        </label>
        <label className="quiz-choice">
          <input
            type="checkbox"
            checked={timer}
            onChange={(e) => setTimer(e.target.checked)}
            data-testid="quiz-timer"
          />
          每题限时 45 秒
        </label>
      </fieldset>
      <button
        type="submit"
        className="primary"
        disabled={busy || (mode !== 'challenge' && kinds.length === 0)}
        data-testid="quiz-start"
        autoFocus
      >
        {busy ? '正在出题…' : '开始测验'}
      </button>
      <section className="quiz-history" aria-label="以往测验">
        <h2>以往测验</h2>
        {recent.length ? (
          <ul data-testid="quiz-history">
            {recent.map((r) => (
              <li key={r.id}>
                {formatDay(r.at)} {String(r.at.getHours()).padStart(2, '0')}:
                {String(r.at.getMinutes()).padStart(2, '0')} · {MODE_NAMES[r.mode ?? 'normal']} ·{' '}
                {r.mode === 'challenge' ? `连续答对 ${r.streak ?? 0} 题` : `${r.correct}/${r.total}`}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">还没有测验记录。</p>
        )}
      </section>
    </form>
  );
}
