import type { KeyboardEvent } from 'react';
import type { CardRow } from '@/data/db/schema';
import { cardState, cardText } from '@/data/db/repo';
import { CARD_STATE_LABELS } from '@/data/vocab/card-states';
import { CARD_KIND_LABELS } from '@/data/vocab/kinds';

interface Props {
  cards: CardRow[];
  selected?: string;
  onSelect(id: string): void;
  openConflicts?: Set<string>;
}

/** Up and down arrows move between rows, choosing the card as they go. */
function onArrows(event: KeyboardEvent<HTMLUListElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button.card-row')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next = buttons[at + (event.key === 'ArrowDown' ? 1 : -1)];
  if (next) {
    event.preventDefault();
    next.focus();
    next.click();
  }
}

/** One page of cards; a ⚠ marks cards touched by an unresolved conflict between documents. */
export function CardList({ cards, selected, onSelect, openConflicts }: Props) {
  if (!cards.length) return <p className="muted empty">没有符合条件的卡片。</p>;
  return (
    <ul className="card-list" onKeyDown={onArrows}>
      {cards.map((card) => {
        const { prompt, answer } = cardText(card);
        const conflicted = card.conflicts?.some((id) => openConflicts?.has(id));
        return (
          <li key={card.id}>
            <button
              type="button"
              className="card-row"
              data-testid="card-row"
              aria-current={card.id === selected ? 'true' : undefined}
              onClick={() => onSelect(card.id)}
            >
              <span className="row-prompt">
                {conflicted ? (
                  <span className="row-warn" title="文件之间有出入" aria-label="文件之间有出入">
                    ⚠{' '}
                  </span>
                ) : null}
                {prompt}
              </span>
              <span className="row-answer">{answer}</span>
              <span className="row-meta">
                {CARD_KIND_LABELS[card.kind] ?? card.kind} · {CARD_STATE_LABELS[cardState(card)]}
                {card.edited ? ' · 已修改' : ''}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
