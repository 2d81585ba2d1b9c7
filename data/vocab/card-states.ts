// The one vocabulary of a card's state, in its three forms: FSRS's stored number (0–3), the name
// code uses, and the Chinese label the user reads; plus the states the dashboard filters by
// (suspended, leech) and a term's state on a page, with the highlight names that colour it.

/** FSRS's State as a name, indexed by the stored number: 0 new, 1 learning, 2 review, 3 relearning. */
export const FSRS_STATE_NAMES = ['new', 'learning', 'review', 'relearning'] as const;
export type CardStateName = (typeof FSRS_STATE_NAMES)[number];

export const FSRS_STATE_LABELS: Record<CardStateName, string> = {
  new: '新卡片',
  learning: '学习中',
  review: '复习中',
  relearning: '重新学习中',
};

/** The name of a stored FSRS state number; an unknown number reads as new. */
export function fsrsStateName(state: number): CardStateName {
  return FSRS_STATE_NAMES[state] ?? 'new';
}

/** The Chinese label of a stored FSRS state number. */
export function fsrsStateLabel(state: number): string {
  const name = FSRS_STATE_NAMES[state];
  return name ? FSRS_STATE_LABELS[name] : '未知';
}

/** A card as the dashboard lists it: suspension and leeches come before the schedule. */
export type CardState = 'new' | 'learning' | 'review' | 'suspended' | 'leech';

export const CARD_STATE_LABELS: Record<CardState, string> = {
  new: '新卡片',
  learning: '学习中',
  review: '复习中',
  suspended: '已暂停',
  leech: '难点',
};

/** A card's state as listed: a leech or a suspended card first, then FSRS's (relearning counts as learning). */
export function cardState(card: { leech: boolean; suspended: 0 | 1; fsrs: { state: number } }): CardState {
  if (card.leech) return 'leech';
  if (card.suspended) return 'suspended';
  const name = fsrsStateName(card.fsrs.state);
  return name === 'relearning' ? 'learning' : name;
}

/** Retired cards (gone from the deck) are counted apart in the statistics. */
export const RETIRED_LABEL = '已退出';

/** A term on a page: new (nothing studied), learning, or known (every studied card mature). */
export type TermState = 'new' | 'learning' | 'known';
/** The states a note can be listed with; a note not listed is new. */
export type StudiedState = Exclude<TermState, 'new'>;

export const TERM_STATE_LABELS: Record<StudiedState, string> = { learning: '学习中', known: '已掌握' };

/** CSS highlight names of the opt-in colours, painted over `tifa-term` (see highlight.css). */
export const TERM_STATE_HIGHLIGHTS: Record<StudiedState, string> = {
  learning: 'tifa-term-learning',
  known: 'tifa-term-known',
};
