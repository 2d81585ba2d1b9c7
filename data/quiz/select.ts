// Which cards a quiz asks about: chosen documents, or "今天的薄弱项" — the cards the user is
// most likely to have forgotten now (reviewed cards by lowest retrievability, new cards after).
import type { Card } from '../knowledge/types';
import { retrievability, State } from '../srs/scheduler';
import type { StudySettings } from '../srs/settings';
import type { Rand } from './random';
import { heldBack, type Verdict } from '../knowledge/suspect';

/** A card as the store keeps it; only the fields selection reads. */
export interface QuizCard extends Card {
  sourceIds?: string[];
  fsrs?: unknown;
  suspended?: 0 | 1;
  retired?: 0 | 1;
  verdict?: Verdict;
}

export type QuizMode = 'normal' | 'weak' | 'challenge';

export interface SelectOptions {
  mode: QuizMode;
  /** Only cards from these documents; empty or missing = all. */
  sourceIds?: readonly string[];
  /** Only cards that can become one of the chosen question kinds. */
  canAsk?: (card: QuizCard) => boolean;
  now: Date;
  rand: Rand;
  /** The user's trained FSRS weights (if any) shape "weakest": retrievability on their own curve. */
  settings: Pick<StudySettings, 'fsrsWeights'>;
}

const cardSources = (card: QuizCard) => card.sourceIds ?? card.evidence.map((e) => e.source);

export function eligibleCards(
  cards: readonly QuizCard[],
  opts: Pick<SelectOptions, 'sourceIds' | 'canAsk'>,
): QuizCard[] {
  const wanted = opts.sourceIds?.length ? new Set(opts.sourceIds) : undefined;
  return cards.filter(
    (c) =>
      !c.retired &&
      !c.suspended &&
      !heldBack(c) &&
      (!wanted || cardSources(c).some((s) => wanted.has(s))) &&
      (!opts.canAsk || opts.canAsk(c)),
  );
}

const isNew = (card: QuizCard) => !card.fsrs || (card.fsrs as { state?: number }).state === State.New;

/** Reviewed cards from the lowest retrievability up, then new cards by importance. */
export function weakestFirst(
  cards: readonly QuizCard[],
  now: Date,
  settings: Pick<StudySettings, 'fsrsWeights'>,
): QuizCard[] {
  const reviewed = cards
    .filter((c) => !isNew(c))
    .map((c) => ({ c, r: retrievability(c.fsrs, now, settings) }))
    .sort((a, b) => a.r - b.r || b.c.importance - a.c.importance || a.c.id.localeCompare(b.c.id))
    .map(({ c }) => c);
  const fresh = cards.filter(isNew).sort((a, b) => b.importance - a.importance || a.id.localeCompare(b.id));
  return [...reviewed, ...fresh];
}

/** A random order that favours important cards (weighted sampling without replacement). */
export function importanceOrder(cards: readonly QuizCard[], rand: Rand): QuizCard[] {
  return cards
    .map((c) => ({ c, key: Math.pow(rand(), 1 / Math.max(0.05, c.importance)) }))
    .sort((a, b) => b.key - a.key)
    .map(({ c }) => c);
}

/** Every eligible card, in the order the quiz should try them. */
export function selectCards(cards: readonly QuizCard[], opts: SelectOptions): QuizCard[] {
  const pool = eligibleCards(cards, opts);
  return opts.mode === 'weak' ? weakestFirst(pool, opts.now, opts.settings) : importanceOrder(pool, opts.rand);
}
