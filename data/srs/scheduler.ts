// A thin wrapper around ts-fsrs. Stored state keeps ts-fsrs's own field names, so a
// backup is readable by any FSRS tool; time is always passed in, never read here.
import { createEmptyCard, fsrs, Rating, State, type Card, type FSRS, type Grade, type ReviewLog } from 'ts-fsrs';
import type { StudySettings } from './settings';

export { Rating, State };
export type { Grade };
/** FSRS memory state of one card, exactly ts-fsrs's `Card`. */
export type SrsState = Card;
/** One rating, exactly ts-fsrs's `ReviewLog` (store it to undo, to chart, to re-fit). */
export type SrsLog = ReviewLog;

export interface IntervalPreview {
  rating: Grade;
  due: Date;
  /** "1分钟", "10分钟", "1天", "3天", "2个月", "1.2年" */
  label: string;
}

export interface RateResult {
  state: SrsState;
  log: SrsLog;
  /** This rating made the card a leech: the caller should suspend and flag it. */
  leech: boolean;
}

export const GRADES: readonly Grade[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];

/** What shapes an FSRS instance; a field left out takes ts-fsrs's default (fuzz off, short-term steps on). */
export type FsrsSettings = Partial<
  Pick<
    StudySettings,
    'desiredRetention' | 'maximumInterval' | 'enableFuzz' | 'learningSteps' | 'relearningSteps' | 'fsrsWeights'
  >
>;

// Building an FSRS instance precomputes parameters; the popup asks for previews on every card, so
// the last few are kept while the settings that shape them stay the same.
const built = new Map<string, FSRS>();
const KEEP = 8;

/**
 * THE one place an FSRS instance is made: scheduling, previews, retrievability, the optimizer's
 * evaluation, an import's replay and the recomputation after 优化参数 all come through here, so the
 * user's trained weights (settings.fsrsWeights, validated when read) shape every curve Tifa shows.
 */
export function makeScheduler(settings: FsrsSettings): FSRS {
  const params = {
    enable_fuzz: settings.enableFuzz ?? false,
    enable_short_term: true,
    ...(settings.desiredRetention !== undefined ? { request_retention: settings.desiredRetention } : {}),
    ...(settings.maximumInterval !== undefined ? { maximum_interval: settings.maximumInterval } : {}),
    ...(settings.learningSteps ? { learning_steps: settings.learningSteps } : {}),
    ...(settings.relearningSteps ? { relearning_steps: settings.relearningSteps } : {}),
    ...(settings.fsrsWeights ? { w: [...settings.fsrsWeights] } : {}),
  };
  const key = JSON.stringify(params);
  let f = built.get(key);
  if (!f) {
    f = fsrs(params);
    if (built.size >= KEEP) built.delete(built.keys().next().value!);
    built.set(key, f);
  }
  return f;
}

export function newCardState(now: Date): SrsState {
  return createEmptyCard(now);
}

function toDate(value: unknown, field: string): Date {
  const d =
    value instanceof Date
      ? new Date(value.getTime())
      : typeof value === 'string' || typeof value === 'number'
        ? new Date(value)
        : undefined;
  if (!d || Number.isNaN(d.getTime())) throw new TypeError(`FSRS ${field}: not a date: ${String(value)}`);
  return d;
}

function toNumber(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new TypeError(`FSRS ${field}: not a number: ${String(value)}`);
  return value;
}

function toState(value: unknown): State {
  if (typeof value === 'string' && value in State && Number.isNaN(Number(value)))
    return State[value as keyof typeof State];
  if (typeof value === 'number' && State[value] !== undefined) return value as State;
  throw new TypeError(`FSRS state: unknown value ${String(value)}`);
}

/**
 * State read back from JSON or IndexedDB: dates may be ISO strings (JSON) or Dates
 * (structured clone), `last_review` may be null, `state` may be a name. Throws a
 * TypeError on anything else, so a broken backup is refused rather than half-loaded.
 */
export function reviveState(raw: unknown): SrsState {
  if (!raw || typeof raw !== 'object') throw new TypeError('FSRS state: not an object');
  const o = raw as Record<string, unknown>;
  const s: SrsState = {
    due: toDate(o.due, 'due'),
    stability: toNumber(o.stability, 'stability'),
    difficulty: toNumber(o.difficulty, 'difficulty'),
    elapsed_days: toNumber(o.elapsed_days ?? 0, 'elapsed_days'),
    scheduled_days: toNumber(o.scheduled_days, 'scheduled_days'),
    learning_steps: toNumber(o.learning_steps ?? 0, 'learning_steps'),
    reps: toNumber(o.reps, 'reps'),
    lapses: toNumber(o.lapses, 'lapses'),
    state: toState(o.state),
  };
  if (o.last_review != null) s.last_review = toDate(o.last_review, 'last_review');
  return s;
}

/** Same as reviveState, for a stored review log. */
export function reviveLog(raw: unknown): SrsLog {
  if (!raw || typeof raw !== 'object') throw new TypeError('FSRS log: not an object');
  const o = raw as Record<string, unknown>;
  const rating = toNumber(o.rating, 'rating');
  if (!(rating >= 0 && rating <= 4)) throw new TypeError(`FSRS rating: ${rating}`);
  return {
    rating: rating as Rating,
    state: toState(o.state),
    due: toDate(o.due, 'due'),
    stability: toNumber(o.stability, 'stability'),
    difficulty: toNumber(o.difficulty, 'difficulty'),
    elapsed_days: toNumber(o.elapsed_days ?? 0, 'elapsed_days'),
    last_elapsed_days: toNumber(o.last_elapsed_days ?? 0, 'last_elapsed_days'),
    scheduled_days: toNumber(o.scheduled_days, 'scheduled_days'),
    learning_steps: toNumber(o.learning_steps ?? 0, 'learning_steps'),
    review: toDate(o.review, 'review'),
  };
}

const trim = (n: number) => String(Math.round(n * 10) / 10);

/** Short Chinese label of a time span, as on Anki's answer buttons. */
export function intervalLabel(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 60) return `${Math.max(1, Math.round(minutes))}分钟`;
  const hours = minutes / 60;
  if (hours < 24) return `${Math.round(hours)}小时`;
  const days = hours / 24;
  if (Math.round(days) < 30) return `${Math.round(days)}天`;
  if (days < 365) return `${trim(days / 30)}个月`;
  return `${trim(days / 365)}年`;
}

/**
 * The state as of `now`: a last review later than now (the computer's clock was turned back, or
 * a restored backup from such a computer) counts as just now, since ts-fsrs throws on a negative
 * time since the last review.
 */
function asOf(state: unknown, now: Date): SrsState {
  const s = reviveState(state);
  if (s.last_review && s.last_review.getTime() > now.getTime()) s.last_review = new Date(now.getTime());
  return s;
}

/** What each of the four buttons would do, in order Again, Hard, Good, Easy. */
export function previewIntervals(state: unknown, now: Date, settings: StudySettings): IntervalPreview[] {
  const preview = makeScheduler(settings).repeat(asOf(state, now), now);
  return GRADES.map((rating) => {
    const due = preview[rating].card.due;
    return { rating, due, label: intervalLabel(due.getTime() - now.getTime()) };
  });
}

/** Anki's rule: a leech at the threshold, then again every half threshold. */
function isLeechLapse(lapses: number, threshold: number): boolean {
  if (lapses < threshold) return false;
  return (lapses - threshold) % Math.max(1, Math.ceil(threshold / 2)) === 0;
}

export function rate(state: unknown, rating: Grade, now: Date, settings: StudySettings): RateResult {
  const before = asOf(state, now);
  const { card, log } = makeScheduler(settings).next(before, now, rating);
  const leech = card.lapses > before.lapses && isLeechLapse(card.lapses, settings.leechThreshold);
  return { state: card, log, leech };
}

/**
 * Undo one rating. With `before` (the state the caller passed to `rate`, kept in memory
 * or in the stored log record) the result is exactly that state. Without it, ts-fsrs
 * `rollback` rebuilds it from the log: everything comes back except `due`, which becomes
 * the time of the undone review (so the card is due at once) — good enough after a reload.
 */
export function undo(after: unknown, log: unknown, before?: unknown): SrsState {
  if (before !== undefined) return reviveState(before);
  // Rollback restores the state the log recorded: no weight enters it.
  return makeScheduler({}).rollback(reviveState(after), reviveLog(log));
}

/**
 * Probability (0..1) of recalling the card at `now`; 0 for a card never studied. The forgetting
 * curve's decay is a weight (w20): the settings carry the user's trained set (fsrsWeights) if any.
 */
export function retrievability(state: unknown, now: Date, settings: Pick<StudySettings, 'fsrsWeights'>): number {
  const s = reviveState(state);
  return s.state === State.New ? 0 : curveOf(settings.fsrsWeights).get_retrievability(s, now, false);
}

// Retrievability is asked for every card of a queue or a statistic: the instance for the last weights
// (the settings' own array) is kept by reference, sparing makeScheduler's key for each card.
let curve: { w: readonly number[] | undefined; f: FSRS } | undefined;
function curveOf(w: readonly number[] | undefined): FSRS {
  if (!curve || curve.w !== w) curve = { w, f: makeScheduler({ fsrsWeights: w ? [...w] : undefined }) };
  return curve.f;
}
