import { useState } from 'react';
import { KIND_NAMES, type Question } from '@/data/quiz';
import { hintPieces } from './hint';
import type { Answered } from '@/data/quiz/run';
import { focusOnMount } from '../common/focus';

export const LETTERS = 'ABCDEF';

interface Props {
  question: Question;
  picked: number[];
  cursor: number;
  /** 填空: what is typed in each box (one box, or one per blank). */
  typed: string[];
  onType: (box: number, text: string) => void;
  onPick: (i: number) => void;
  /** Set once answered: options show right and wrong, the input is locked. */
  answered?: Answered;
}

function optionClass(i: number, { question, picked, cursor, answered }: Props): string {
  const classes = ['quiz-option'];
  if (picked.includes(i)) classes.push('picked');
  if (!answered && i === cursor && question.kind === 'multi') classes.push('cursor');
  if (answered && question.correct?.includes(i)) classes.push('right');
  if (answered && picked.includes(i) && !question.correct?.includes(i)) classes.push('wrong');
  return classes.join(' ');
}

/** The stem and its options (A–F) or a text input. Keys are handled by the runner. */
export function QuestionView(props: Props) {
  const { question, picked, typed, onType, onPick, answered } = props;
  const multi = question.kind === 'multi';
  return (
    <section className="quiz-question" data-testid="quiz-question" aria-live="polite">
      <p className="quiz-kind">{KIND_NAMES[question.kind]}</p>
      <h2 className="quiz-prompt">{question.prompt}</h2>
      {question.options ? (
        // A group of radio/checkbox buttons, not a list: an <li> under role=radiogroup is a list item without a list.
        <div className="quiz-options" role={multi ? 'group' : 'radiogroup'} aria-label="选项">
          {question.options.map((option, i) => (
            <button
              key={i}
              data-index={i}
              type="button"
              role={multi ? 'checkbox' : 'radio'}
              aria-checked={picked.includes(i)}
              className={optionClass(i, props)}
              data-testid="quiz-option"
              disabled={!!answered}
              onClick={() => onPick(i)}
            >
              <kbd>{LETTERS[i]}</kbd> <span className="quiz-option-text">{option}</span>
              {answered ? <OptionMark question={question} picked={picked} i={i} /> : null}
            </button>
          ))}
        </div>
      ) : (
        <AnswerBoxes question={question} typed={typed} onType={onType} locked={!!answered} />
      )}
      {!answered && question.evidence[0] ? <Hint question={question} /> : null}
      <p className="muted small">
        {question.kind === 'fill'
          ? blanksOf(question)
            ? '每格填一空，格中写明该空的字数；Tab 换格，Enter 提交。'
            : '繁体、全角、9,899万 / 0.9899亿 等写法都算对。'
          : question.kind === 'judge'
            ? '按 1 或 A 选“正确”，2 或 B 选“错误”，Enter 提交。'
            : multi
              ? '按 1–6 或 A–F 选中/取消，↑↓ 移动，空格切换，Enter 提交。'
              : '按 1–4 或 A–D 选择，Enter 提交。'}
      </p>
    </section>
  );
}

/** The blanks of a 填空 that has one box per blank. */
export function blanksOf(question: Question): string[] | undefined {
  const e = question.expected;
  return e && e.kind !== 'figure' && e.blanks?.length ? e.blanks : undefined;
}

/** One box, or one per blank, each as wide as what it holds and saying how many characters that is. */
function AnswerBoxes({
  question,
  typed,
  onType,
  locked,
}: {
  question: Question;
  typed: string[];
  onType: Props['onType'];
  locked: boolean;
}) {
  const blanks = blanksOf(question);
  const box = (i: number, label: string, extra: { placeholder: string; style?: { width: string } }) => (
    <input
      key={i}
      className="quiz-input"
      data-testid="quiz-input"
      aria-label={label}
      value={typed[i] ?? ''}
      readOnly={locked}
      ref={i === 0 ? focusOnMount : undefined}
      autoComplete="off"
      onChange={(e) => onType(i, e.target.value)}
      {...extra}
    />
  );
  if (!blanks) return box(0, '你的答案', { placeholder: '输入答案，按 Enter 提交' });
  return (
    <div className="quiz-blanks" role="group" aria-label={`共 ${blanks.length} 空`}>
      {blanks.map((b, i) => {
        const n = [...b].length;
        return box(i, `第 ${i + 1} 空，${n} 个字`, {
          placeholder: `${n}字`,
          style: { width: `${Math.max(n, 2) * 1.25 + 2}em` },
        });
      })}
    </div>
  );
}

/** 查看提示: the source sentence with the answer hidden, on request. */
function Hint({ question }: { question: Question }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className="quiz-hint-button" onClick={() => setOpen(true)} data-testid="quiz-hint-button">
        查看提示
      </button>
    );
  }
  return (
    <figure className="evidence quiz-hint" data-testid="quiz-hint">
      <figcaption className="muted small">提示：原文这样说（答案已隐去）</figcaption>
      <blockquote>
        {hintPieces(question.evidence[0], question.giveaways).map((p, i) =>
          p.marked ? (
            <span key={i} className="quiz-hint-blank">
              {p.text}
            </span>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </blockquote>
    </figure>
  );
}

/** After answering, each option says what it was: chosen rightly, chosen wrongly, or missed. */
function OptionMark({ question, picked, i }: { question: Question; picked: number[]; i: number }) {
  const right = !!question.correct?.includes(i);
  const chosen = picked.includes(i);
  const multi = question.kind === 'multi';
  const text = right ? (chosen ? '✓ 选对了' : multi ? '漏选' : '✓ 正确答案') : chosen ? '✗ 选错了' : '';
  return text ? (
    <span className={`quiz-option-mark ${right ? 'right' : 'wrong'}`} data-testid="quiz-option-mark">
      {text}
    </span>
  ) : null;
}
