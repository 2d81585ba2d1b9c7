import type { CardRow } from './schema';
import type { QueueCard } from '../srs/queue';
import { heldBack } from '../knowledge/suspect';
import { shownText, type Shown } from '../srs/siblings';

/** What the card's answer side shows: the user's edit wins, and the first two source sentences (review-card.tsx). */
export function shown(card: CardRow): Shown {
  const answer = card.edited?.answer ?? card.answer;
  return {
    noteId: card.noteId,
    answer,
    shown: shownText(
      card.edited?.prompt ?? card.prompt,
      answer,
      card.evidence.slice(0, 2).map((e) => e.quote),
    ),
  };
}

/** A stored card as the pure queue code takes it. */
export function toQueueCard(card: CardRow): QueueCard {
  const { answer, shown: text } = shown(card);
  return {
    id: card.id,
    noteId: card.noteId,
    importance: card.importance,
    suspended: card.suspended === 1,
    retired: card.retired === 1,
    state: card.fsrs,
    sourceIds: card.sourceIds,
    wanted: card.wanted !== undefined,
    held: heldBack(card),
    answer,
    shown: text,
  };
}
