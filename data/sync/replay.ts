// Merging without last-writer-wins on whole records (docs/sync.md): a card's FSRS state is recomputed
// with ts-fsrs from all its ratings, from every device, in time order; fields and settings are
// separate registers, each won by its latest change. Pure: time and settings are passed in.
import { newCardState, rate, type Grade, type SrsState } from '../srs/scheduler';
import type { StudySettings } from '../srs/settings';

export interface ReplayLog {
  rating: number;
  review: Date;
  /** Global id of the rating (device/local id); orders ratings given at the same instant. */
  uid?: string;
}

export interface Replayed {
  state: SrsState;
  /** One of the replayed ratings made the card a leech. */
  leech: boolean;
}

/** Ratings in the order they were given; equal times by uid, so every device gets the same order. */
export function byReviewTime<T extends ReplayLog>(logs: readonly T[]): T[] {
  return [...logs].sort((a, b) => a.review.getTime() - b.review.getTime() || (a.uid ?? '').localeCompare(b.uid ?? ''));
}

/**
 * The card's state after its ratings given since `reset` (its last 重置, if any): a new card created
 * at `reset` (or at `created`, the card's own start), then each rating in time order. Ratings before
 * the reset stay in the history but no longer count; manual entries (rating 0) are skipped.
 */
export function replayCard(
  logs: readonly ReplayLog[],
  settings: StudySettings,
  start: { created: Date; reset?: Date },
): Replayed {
  let state = newCardState(start.reset ?? start.created);
  const since = start.reset?.getTime() ?? -Infinity;
  let leech = false;
  for (const log of byReviewTime(logs)) {
    if (log.review.getTime() < since || log.rating < 1 || log.rating > 4) continue;
    const next = rate(state, log.rating as Grade, log.review, settings);
    state = next.state;
    leech ||= next.leech;
  }
  return { state, leech };
}

/** When a register was last written, and by which device (the tie-breaker). */
export interface Stamp {
  at: number;
  device: string;
}

/** True when a change stamped `incoming` wins over the register's current `stamp`. */
export function wins(incoming: Stamp, current: Stamp | undefined): boolean {
  if (!current) return true;
  return incoming.at > current.at || (incoming.at === current.at && incoming.device > current.device);
}

/** Sorted ids as inclusive ranges: [[1, 40], [45, 45]]. */
export type IdRanges = Array<[number, number]>;

export function addToRanges(ranges: IdRanges, ids: readonly number[]): IdRanges {
  const all = [
    ...ranges.map(([a, b]) => [a, b] as [number, number]),
    ...ids.map((i) => [i, i] as [number, number]),
  ].sort((x, y) => x[0] - y[0]);
  const out: IdRanges = [];
  for (const [a, b] of all) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export function removeFromRanges(ranges: IdRanges, ids: ReadonlySet<number>): IdRanges {
  const out: IdRanges = [];
  for (const [a, b] of ranges) {
    let start = a;
    for (let i = a; i <= b; i++) {
      if (!ids.has(i)) continue;
      if (i > start) out.push([start, i - 1]);
      start = i + 1;
    }
    if (start <= b) out.push([start, b]);
  }
  return out;
}

export function inRanges(ranges: IdRanges, id: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (id < ranges[mid][0]) hi = mid - 1;
    else if (id > ranges[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}

export function rangesSize(ranges: IdRanges): number {
  return ranges.reduce((n, [a, b]) => n + b - a + 1, 0);
}
