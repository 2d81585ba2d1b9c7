// An Anki card's schedule as Tifa's FSRS state, and its review log as Tifa's review logs.
// - due: new cards by position (no date); learning cards (queue 1) in epoch seconds; review and
//   day-learning cards in days counted from the collection's creation (col.crt).
// - memory state: Anki 23.10+ with FSRS on keeps it in cards.data ("s", "d"): taken as it stands.
//   Otherwise it is recomputed by replaying the card's review log through ts-fsrs's memory model
//   (the user's trained parameters, else the defaults), and for a card with neither, estimated from its interval and ease.
// - revlog: ease 1–4 are ratings; a manual entry (type 4, ease 0) with interval 0 is "Forget"
//   (the card was reset to new); type 5 (rescheduled) changes no memory.
import { createEmptyCard, State, type FSRSState, type Grade } from 'ts-fsrs';
import { makeScheduler, type SrsLog, type SrsState } from '../../data/srs/scheduler';
import type { AnkiCardRow, AnkiRevlog } from './read-types';

const DAY = 86_400_000;

export interface Schedule {
  fsrs: SrsState;
  logs: SrsLog[];
  suspended: boolean;
}

/** When Anki would show the card next. */
export function ankiDue(card: Pick<AnkiCardRow, 'type' | 'queue' | 'due'>, created: number): Date {
  // Learning cards' due is a timestamp in seconds; in the day-learning queue, and for review
  // cards, it counts days. A suspended or buried learning card keeps either: told by size.
  const seconds = card.type === 1 || card.type === 3 ? card.queue === 1 || card.due > 1e8 : false;
  return new Date(seconds ? card.due * 1000 : created * 1000 + card.due * DAY);
}

const ANKI_STATE: Record<number, State> = { 1: State.Learning, 2: State.Review, 3: State.Relearning };

const REVIEW_STATE: Record<number, State> = {
  0: State.Learning,
  1: State.Review,
  2: State.Relearning,
  3: State.Review,
};

/**
 * Replays the card's log through FSRS's memory model (ts-fsrs next_state: stability and difficulty
 * only, days between reviews as Anki counts them), and gives each rating as a Tifa review log with
 * the memory state it was made in. Ratings outside 1–4 and manual entries are no reviews.
 */
function replay(
  logs: readonly AnkiRevlog[],
  weights: readonly number[] | undefined,
): { memory: FSRSState | null; logs: SrsLog[] } {
  const replayer = makeScheduler({ fsrsWeights: weights ? [...weights] : undefined });
  let memory: FSRSState | null = null;
  let last: number | undefined;
  let lastElapsed = 0;
  let lastIvl = 0;
  const out: SrsLog[] = [];
  for (const entry of logs) {
    if (entry.ease >= 1 && entry.ease <= 4 && entry.type <= 3) {
      const elapsed = last === undefined ? 0 : Math.max(0, Math.floor((entry.id - last) / DAY));
      out.push({
        rating: entry.ease as Grade,
        state: memory ? REVIEW_STATE[entry.type] : State.New,
        due: new Date(entry.id),
        stability: memory?.stability ?? 0,
        difficulty: memory?.difficulty ?? 0,
        elapsed_days: elapsed,
        last_elapsed_days: lastElapsed,
        scheduled_days: lastIvl,
        learning_steps: 0,
        review: new Date(entry.id),
      });
      memory = replayer.next_state(memory, elapsed, entry.ease);
      // A clock turned back on the reviewing machine: never a negative time since the last review.
      last = Math.max(last ?? entry.id, entry.id);
      lastElapsed = elapsed;
      lastIvl = Math.max(0, entry.ivl);
    } else if (entry.type === 4 && entry.ivl === 0) {
      // "Forget": the card was reset to new.
      memory = null;
      last = undefined;
    }
  }
  return { memory, logs: out };
}

/** Anki's ease (‰) as an FSRS difficulty: 250% ≈ 5, 130% (the floor) = 10, 350% and above = 1. */
const difficultyFromEase = (factor: number) => Math.min(10, Math.max(1, 10 - ((factor - 1300) / 1200) * 5));

/**
 * The card's schedule for Tifa. `keep` false (从新开始): a new card, no logs. `now` is the import
 * time: a new card is due then.
 */
export function ankiSchedule(
  card: AnkiCardRow,
  logs: readonly AnkiRevlog[],
  created: number,
  now: Date,
  keep: boolean,
  /** The user's trained FSRS weights (settings.fsrsWeights), if any. */
  weights?: readonly number[],
): Schedule {
  const suspended = card.queue === -1;
  if (!keep) return { fsrs: createEmptyCard(now), logs: [], suspended: false };
  const replayed = replay(logs, weights);
  const state = ANKI_STATE[card.type];
  if (state === undefined) return { fsrs: createEmptyCard(now), logs: replayed.logs, suspended };
  const due = ankiDue(card, created);
  const ivl = Math.max(0, card.ivl);
  const lastLog = logs.length ? logs[logs.length - 1].id : undefined;
  const lastReview = card.lastReview
    ? new Date(card.lastReview * 1000)
    : lastLog
      ? new Date(lastLog)
      : new Date(due.getTime() - ivl * DAY);
  let stability = card.stability;
  let difficulty = card.difficulty;
  if (stability === undefined || difficulty === undefined) {
    if (replayed.memory && replayed.memory.stability > 0) {
      stability = replayed.memory.stability;
      difficulty = replayed.memory.difficulty;
    } else {
      // With FSRS's forgetting curve, recall falls to 90% after `stability` days: Anki's interval at 90%.
      stability = Math.max(ivl, 0.1);
      difficulty = difficultyFromEase(card.factor || 2500);
    }
  }
  const fsrsState: SrsState = {
    due,
    stability,
    difficulty: Math.min(10, Math.max(1, difficulty)),
    elapsed_days: 0,
    scheduled_days: state === State.Review ? ivl : 0,
    learning_steps: 0,
    reps: Math.max(card.reps, card.lapses),
    lapses: card.lapses,
    state,
    last_review: lastReview,
  };
  return { fsrs: fsrsState, logs: replayed.logs, suspended };
}
