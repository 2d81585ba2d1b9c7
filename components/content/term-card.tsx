// The hover card shown over a highlighted term (inside a shadow root, see
// entrypoints/page.content/hover-card.tsx): what the term is, where it comes from, and how
// its card stands; "现在复习" rates it right there, "加入学习" puts it into study.
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { TermCardInfo } from '@/data/messages';
import { displayQuote, markPieces } from '@/components/common/quote-text';
import { RATING_LABELS } from '@/data/vocab/ratings';
import { sourceDateText } from '@/components/common/format';
import { dueLabel, kindLabel, seenLabel, stateLabel } from './card-text';

export type Rating = 1 | 2 | 3 | 4;

/**
 * Only the user's own clicks and keys act: a page script can dispatch events, but the browser
 * marks those untrusted. (Under Preact the handler gets the DOM event itself, under React its
 * wrapper; both carry isTrusted.)
 */
const byUser = (event: { isTrusted: boolean }) => event.isTrusted === true;
const userClick = (act: () => void) => (event: MouseEvent) => {
  if (byUser(event)) act();
};

export interface CardPosition {
  left: number;
  top?: number;
  bottom?: number;
}

export interface TermCardProps {
  /** The text as it stands on the page. */
  term: string;
  /** undefined while loading, null when the background knows no card for it. */
  info: TermCardInfo | null | undefined;
  position: CardPosition;
  /** Opened from the keyboard: take focus. */
  focus: boolean;
  now: Date;
  onRate(cardId: string, rating: Rating): Promise<void>;
  onAddToStudy(noteId: string): Promise<void>;
  onStep(direction: 1 | -1): void;
  onClose(): void;
}

type Phase = 'info' | 'question' | 'answer' | 'rated' | 'added';

export function TermCard({ term, info, position, focus, now, onRate, onAddToStudy, onStep, onClose }: TermCardProps) {
  const [phase, setPhase] = useState<Phase>('info');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focus) (dialog.current?.querySelector<HTMLElement>('.actions button') ?? dialog.current)?.focus();
  }, [focus, info]);

  // The clicked button is gone after each step of a review: keep focus in the card, so 1–4 work.
  // The step's text (question, answer, 已记录) sits at the top of the card: scroll back up to it,
  // in case the card had been scrolled down to read a long source sentence.
  useEffect(() => {
    if (phase === 'info') return;
    dialog.current?.querySelector<HTMLElement>('.actions button')?.focus({ preventScroll: true });
    if (dialog.current) dialog.current.scrollTop = 0;
  }, [phase]);

  const act = (work: () => Promise<void>, next?: Phase) => {
    setBusy(true);
    setFailure('');
    work()
      .then(() => next && setPhase(next))
      .catch((error: unknown) => setFailure(error instanceof Error ? error.message : '操作失败，请稍后再试。'))
      .finally(() => setBusy(false));
  };
  const card = info?.card;
  const rate = (rating: Rating) => card && act(() => onRate(card.id, rating), 'rated');

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!byUser(event)) return;
    const key = event.key;
    if (key === 'Tab') trapTab(event, dialog.current);
    else if (key === 'ArrowRight' || key === 'ArrowDown') onStep(1);
    else if (key === 'ArrowLeft' || key === 'ArrowUp') onStep(-1);
    else if (phase === 'answer' && !busy && ['1', '2', '3', '4'].includes(key)) rate(Number(key) as Rating);
    else return;
    if (key !== 'Tab') event.preventDefault();
    event.stopPropagation(); // the page's own shortcuts should not fire while the card has focus
  };

  const name = info?.name ?? term;
  // While the question is up, nothing on the card may give the answer away.
  const details = phase !== 'question' ? info : undefined;
  const evidence = details?.evidence[0];
  // Tidied as the extension's pages show it: no PDF page numbers or stray spaces ("延安召 开").
  const quote = evidence && displayQuote(evidence.quote, evidence.marks);
  const asked = card?.state === 'new' && info?.inStudy && phase !== 'added';
  const status = [
    card ? stateLabel(card.state, card.suspended) : '',
    asked ? '已加入学习' : '',
    card ? dueLabel(card.due, now) : '',
    seenLabel(info?.seen),
  ];
  return (
    <div
      ref={dialog}
      className="card"
      role="dialog"
      aria-label={`提法卡片：${name}`}
      tabIndex={-1}
      style={position}
      onKeyDown={onKeyDown}
    >
      {/* Not <header>/<footer>: on a web page those are the page's banner and contentinfo landmarks. */}
      <div className="head">
        {info && <span className="kind">{kindLabel(info.kind)}</span>}
        <h2>{name}</h2>
        <button type="button" className="close" aria-label="关闭" onClick={userClick(onClose)}>
          ×
        </button>
      </div>
      {info === undefined && <p className="muted">正在读取卡片…</p>}
      {info === null && <p className="muted">卡片库里还没有“{term}”。</p>}
      {/* What matters now first (the card's standing, a disagreement between documents, the step
          of a review under way), the term's details after: a long source sentence makes the card
          scroll, and none of this should end up below its fold. */}
      {status.some(Boolean) && <p className="status">{status.filter(Boolean).join(' · ')}</p>}
      {info?.conflicts?.map((c) => (
        <p key={c} className="conflict" role="note">
          ⚠ 说法不一：{c}
        </p>
      ))}
      {card && (phase === 'question' || phase === 'answer') && (
        <section className="review" aria-label="复习">
          <p className="prompt">{card.prompt}</p>
          {phase === 'answer' && <p className="answer">{card.answer}</p>}
        </section>
      )}
      {phase === 'rated' && (
        <p className="done" role="status">
          已记录。
        </p>
      )}
      {phase === 'added' && (
        <p className="done" role="status">
          已加入学习。
        </p>
      )}
      {failure && (
        <p className="conflict" role="alert">
          {failure}
        </p>
      )}
      {details?.members && details.members.length > 0 && (
        // Focusable: it scrolls when the list is long, and the keyboard must reach what it hides (so must the quote).
        <ol className="members" aria-label="成员" tabIndex={0}>
          {details.members.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ol>
      )}
      {details?.definition && <p className="definition">{details.definition}</p>}
      {details?.glossaryNote && <p className="muted">{details.glossaryNote}</p>}
      {evidence && (
        <blockquote className="source">
          <p tabIndex={0}>
            {markPieces(quote!.text, quote!.marks).map((p, i) =>
              p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>,
            )}
          </p>
          <div className="from">
            ——《{evidence.sourceTitle}》
            {evidence.sourceDate
              ? ` ${sourceDateText({ date: evidence.sourceDate, dateUnverified: evidence.dateUnverified })}`
              : ''}
          </div>
        </blockquote>
      )}
      <div className="actions">
        {card && (phase === 'info' || phase === 'added') && (
          <button type="button" className="primary" onClick={userClick(() => setPhase('question'))}>
            现在复习
          </button>
        )}
        {card && phase === 'question' && (
          <button type="button" className="primary" onClick={userClick(() => setPhase('answer'))}>
            显示答案
          </button>
        )}
        {card &&
          phase === 'answer' &&
          RATING_LABELS.map((label, i) => (
            <button type="button" key={label} disabled={busy} onClick={userClick(() => rate((i + 1) as Rating))}>
              {label}
              <small>{card.intervals[i]}</small>
            </button>
          ))}
        {card && info && !info.inStudy && phase === 'info' && (
          <button
            type="button"
            disabled={busy}
            onClick={userClick(() => act(() => onAddToStudy(info.noteId), 'added'))}
          >
            加入学习
          </button>
        )}
        <button type="button" onClick={userClick(() => onStep(1))}>
          下一个
        </button>
      </div>
      <p className="hint">Esc 关闭 · ← → 上一个/下一个 · Alt+Shift+T 打开</p>
    </div>
  );
}

function trapTab(event: KeyboardEvent<HTMLDivElement>, dialog: HTMLDivElement | null): void {
  const items = [...(dialog?.querySelectorAll<HTMLElement>('button:not([disabled])') ?? [])];
  if (items.length === 0) return;
  const active = (dialog?.getRootNode() as ShadowRoot | Document | undefined)?.activeElement;
  const first = items[0];
  const last = items[items.length - 1];
  if (event.shiftKey && (active === first || active === dialog)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
