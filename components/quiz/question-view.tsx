import { KIND_NAMES, type Question } from '@/data/quiz';
import type { Answered } from './use-quiz-run';

export const LETTERS = 'ABCDEF';

interface Props {
  question: Question;
  picked: number[];
  cursor: number;
  typed: string;
  onType: (text: string) => void;
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
        <ol className="quiz-options" role={multi ? 'group' : 'radiogroup'} aria-label="选项">
          {question.options.map((option, i) => (
            <li key={i}>
              <button
                type="button"
                role={multi ? 'checkbox' : 'radio'}
                aria-checked={picked.includes(i)}
                className={optionClass(i, props)}
                data-testid="quiz-option"
                disabled={!!answered}
                onClick={() => onPick(i)}
              >
                <kbd>{LETTERS[i]}</kbd> <span className="quiz-option-text">{option}</span>
              </button>
            </li>
          ))}
        </ol>
      ) : (
        <input
          className="quiz-input"
          data-testid="quiz-input"
          aria-label="你的答案"
          placeholder="输入答案，按 Enter 提交"
          value={typed}
          readOnly={!!answered}
          autoFocus
          autoComplete="off"
          onChange={(e) => onType(e.target.value)}
        />
      )}
      <p className="muted small">
        {question.kind === 'fill'
          ? '繁体、全角、9,899万 / 0.9899亿 等写法都算对。'
          : multi
            ? '按 1–6 或 A–F 选中/取消，↑↓ 移动，空格切换，Enter 提交。'
            : '按 1–4 或 A–D 选择，Enter 提交。'}
      </p>
    </section>
  );
}
