// Messages between the settings page and the FSRS training worker.
import type { TrainReport } from '@/data/db/fsrs-params';

export interface TrainRequest {
  /** Local time minus UTC in minutes, read where the page knows the user's clock. */
  utcOffsetMinutes: number;
  /** The time of the training (ISO), passed in like every `now`. */
  now: string;
}

export type TrainReply =
  /** Training began: the optimizer writes [items done, items total] as two u32 at `pointer` in `buffer` (shared wasm memory). */
  | { type: 'start'; buffer: ArrayBufferLike; pointer: number; reviews: number }
  | { type: 'phase'; label: string }
  | { type: 'too-few'; reviews: number }
  | { type: 'done'; report: TrainReport }
  | { type: 'error'; message: string };

/** From the recomputation worker (recompute-worker.ts): cards done of all, then the counts. */
export type RecomputeReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; cards: number; changed: number }
  | { type: 'error'; message: string };
