import { useState, type ReactNode } from 'react';
import type { QuizRow, SourceRow } from '@/data/db/schema';
import { KIND_NAMES, QUESTION_KINDS, type QuestionKind, type QuizMode } from '@/data/quiz';
import { formatDay } from '@/components/common/format';
import { Choice } from '@/components/common/choice';
import type { QuizConfig } from '@/data/quiz/run';
import { focusOnMount } from '../common/focus';

const MODES: Array<[QuizMode, string, string]> = [
  ['normal', '普通测验', '从所选文件中随机出题，重要的提法优先'],
  ['weak', '今天的薄弱项', '最可能已经忘记的卡片先出'],
  ['challenge', '挑战答题', '一直答到第一次答错为止'],
];
const MODE_NAMES = Object.fromEntries(MODES.map(([m, name]) => [m, name])) as Record<QuizMode, string>;
const MODE_HINTS = Object.fromEntries(MODES.map(([m, , hint]) => [m, hint])) as Record<QuizMode, string>;
const MODE_IDS = MODES.map(([m]) => m);
const COUNTS = [5, 10, 20];

/** One of the setup's radio groups: `name`'s options, test ids quiz-<name>-<option>. */
function QuizRadios<T extends string | number>(props: {
  name: string;
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  inline?: boolean;
  children: (option: T) => ReactNode;
}) {
  return props.options.map((option) => (
    <Choice
      key={option}
      type="radio"
      name={props.name}
      className={props.inline ? 'quiz-choice inline' : 'quiz-choice'}
      checked={props.value === option}
      onChange={() => props.onChange(option)}
      testId={`quiz-${props.name}-${option}`}
    >
      {props.children(option)}
    </Choice>
  ));
}

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
        <QuizRadios name="mode" options={MODE_IDS} value={mode} onChange={chooseMode}>
          {(m) => (
            <>
              {MODE_NAMES[m]} <span className="muted small">{MODE_HINTS[m]}</span>
            </>
          )}
        </QuizRadios>
        {best ? <p className="muted small">挑战答题最高纪录：连续答对 {best} 题</p> : null}
      </fieldset>
      <fieldset>
        <legend>文件（不选即全部）</legend>
        {sources.map((s) => (
          <Choice
            key={s.id}
            type="checkbox"
            className="quiz-choice"
            checked={sourceIds.includes(s.id)}
            onChange={() => setSourceIds(toggle(sourceIds, s.id))}
          >
            《{s.title}》
            {s.dateUnverified ? (
              <span className="muted small"> 日期待核实</span>
            ) : s.date ? (
              <span className="muted small"> {s.date.slice(0, 4)}</span>
            ) : null}
          </Choice>
        ))}
      </fieldset>
      <fieldset>
        <legend>题型</legend>
        {mode === 'challenge' ? (
          <p className="muted small">挑战答题只出单选题和判断题，每题几秒钟就能答完。</p>
        ) : (
          QUESTION_KINDS.map((k) => (
            <Choice
              key={k}
              type="checkbox"
              className="quiz-choice inline"
              checked={kinds.includes(k)}
              onChange={() => setKinds(toggle(kinds, k))}
              testId={`quiz-kind-${k}`}
            >
              {KIND_NAMES[k]}
            </Choice>
          ))
        )}
      </fieldset>
      {mode !== 'challenge' ? (
        <fieldset>
          <legend>题数</legend>
          <QuizRadios name="count" options={COUNTS} value={count} onChange={setCount} inline>
            {(n) => <>{n} 题</>}
          </QuizRadios>
        </fieldset>
      ) : null}
      <fieldset>
        <legend>选项</legend>
        <Choice type="checkbox" className="quiz-choice" checked={counted} onChange={setCounted} testId="quiz-counted">
          计入复习 <span className="muted small">答对记“良好”，答错记“重来”，错题很快会再出现</span>
        </Choice>
        <Choice type="checkbox" className="quiz-choice" checked={timer} onChange={setTimer} testId="quiz-timer">
          每题限时 45 秒
        </Choice>
      </fieldset>
      <button
        type="submit"
        className="primary"
        disabled={busy || (mode !== 'challenge' && kinds.length === 0)}
        data-testid="quiz-start"
        ref={focusOnMount}
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
