// How far along the user is with each note, for colouring its terms on a page: new (nothing
// studied yet; notes absent from the map), learning, or known. Pure: the background passes
// the cards' stored scheduling state.

import type { StudiedState } from '../vocab/card-states';
export type { StudiedState } from '../vocab/card-states';

/** A review interval of 21 days or more: what Anki calls a mature card. */
export const KNOWN_AFTER_DAYS = 21;

export interface CardProgress {
  noteId: string;
  /** FSRS state: 0 new, 1 learning, 2 review, 3 relearning. */
  state: number;
  scheduledDays: number;
  retired?: boolean;
  /** Asked for with "加入学习" and not yet studied. */
  wanted?: boolean;
  /** 待核实 or discarded: its note is not coloured by it. */
  held?: boolean;
}

/**
 * Notes with at least one studied (or asked-for) card. A note is known when every studied card
 * of it is in review with a mature interval; anything less is learning.
 */
export function noteStates(cards: Iterable<CardProgress>): Record<string, StudiedState> {
  const out: Record<string, StudiedState> = {};
  for (const card of cards) {
    if (card.retired || card.held) continue;
    const studied = card.state !== 0;
    if (!studied && !card.wanted) continue;
    const known = card.state === 2 && card.scheduledDays >= KNOWN_AFTER_DAYS;
    if (!known) out[card.noteId] = 'learning';
    else out[card.noteId] ??= 'known';
  }
  return out;
}
