import type { CardRow } from './schema';
import type { QueueCard } from '../srs/queue';
import { heldBack } from '../knowledge/suspect';

/** A stored card as the pure queue code takes it. */
export function toQueueCard(card: CardRow): QueueCard {
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
  };
}
