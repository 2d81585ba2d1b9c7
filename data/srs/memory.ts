// After a switch of FSRS parameters (优化参数 → 换用新参数 / 恢复原参数), each card's memory state
// (stability, difficulty) is recomputed from its own ratings with the set now in use, as Anki does
// when parameters change (rslib/src/scheduler/fsrs/memory_state.rs, update_memory_state). Like Anki
// with "Reschedule cards on change" off (its default), the due date and the rest of the schedule stay
// as they were scheduled: the new parameters shape each card's next interval when it is next reviewed.
import { newCardState, rate, State, type Grade, type SrsState } from './scheduler';
import type { StudySettings } from './settings';

export interface RatingLog {
  rating: number;
  review: Date;
}

export interface Memory {
  stability: number;
  difficulty: number;
}

/**
 * The memory state the card would hold had `settings` (with its weights) been in use for every
 * rating it counts, replayed as saveReview rated them (same steps, same clock rules). Null when its
 * ratings cannot tell: a new card, or fewer ratings than the card counts (a history cut short, such as
 * an Anki deck imported without its full revlog) — such a card keeps the state it has.
 */
export function recomputedMemory(
  state: Pick<SrsState, 'state' | 'reps'>,
  logs: readonly RatingLog[],
  settings: StudySettings,
): Memory | null {
  if (state.state === State.New || state.reps < 1) return null;
  const ratings = logs
    .filter((l) => l.rating >= 1 && l.rating <= 4)
    .sort((a, b) => a.review.getTime() - b.review.getTime());
  if (ratings.length < state.reps) return null;
  // reps counts the ratings since the card's last 重置 (an undone rating leaves with its log): those count.
  const counted = ratings.slice(ratings.length - state.reps);
  let s: SrsState = newCardState(counted[0].review);
  for (const l of counted) s = rate(s, l.rating as Grade, l.review, settings).state;
  return { stability: s.stability, difficulty: s.difficulty };
}
