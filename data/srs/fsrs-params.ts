// FSRS parameters (ts-fsrs's `w`): what a valid set is, how well a set predicts the user's own
// history, and what switching sets does to the intervals. ts-fsrs 5.4 and fsrs-rs 5.2 (fsrs-browser,
// the optimizer Anki runs) both use FSRS-6: 21 weights w0…w20 in the same order, w20 being the decay
// of the forgetting curve, and the same bounds (fsrs-rs's parameter clipper = ts-fsrs CLAMP_PARAMETERS
// with w17/w18 ≤ 2). Sets of 17 (FSRS-4.5) or 19 (FSRS-5, fsrs-rs-nodejs 0.9) are widened the way
// ts-fsrs does (migrateParameters: w19 = 0, w20 = 0.5, FSRS-5's fixed decay).
import { CLAMP_PARAMETERS, default_w, forgetting_curve, migrateParameters, W17_W18_Ceiling, type FSRS } from 'ts-fsrs';
import type { CardHistory } from './fsrs-items';
import { makeScheduler } from './scheduler';

export const DEFAULT_WEIGHTS: readonly number[] = Object.freeze([...default_w]);

const BOUNDS = CLAMP_PARAMETERS(W17_W18_Ceiling, true);
// The optimizer returns float32: 0.8 comes back as 0.800000011920929. Six decimals are far below
// what changes an interval, and bring such values back inside their bounds.
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

// FSRS-5 is FSRS-6 with w20 = 0.5 (its fixed decay) and w19 = 0 (no stability term in same-day
// reviews), which FSRS-6's bounds raise to 0.01, as ts-fsrs's own clipping does.
const widen = (w: number[]) => (w.length === 19 ? [...w, 0.01, 0.5] : w.length === 17 ? migrateParameters(w) : w);

/**
 * A set read from storage, a backup or the optimizer, checked: 17, 19 or 21 finite numbers, each
 * within FSRS-6's bounds once widened to 21. Anything else gives undefined (the caller falls back to
 * the defaults): a set outside the bounds was not made by an optimizer, and clamping it would
 * silently schedule by numbers nobody chose.
 */
export function validateWeights(input: unknown): number[] | undefined {
  if (!Array.isArray(input) && !(input instanceof Float32Array) && !(input instanceof Float64Array)) return undefined;
  const list = Array.from(input as ArrayLike<unknown>);
  if (![17, 19, 21].includes(list.length) || !list.every((x) => typeof x === 'number' && Number.isFinite(x)))
    return undefined;
  const w = widen(list as number[]).map(round6);
  return w.every((x, i) => x >= BOUNDS[i][0] && x <= BOUNDS[i][1]) ? w : undefined;
}

export function sameWeights(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => Math.abs(x - b[i]) < 1e-6);
}

export interface Evaluation {
  /** Mean binary cross-entropy of the predicted recall against what the user answered (lower is better). */
  logLoss: number;
  /** fsrs-rs's RMSE (bins): predictions and outcomes averaged per bin of interval, review count and lapses. */
  rmse: number;
  /** Ratings predicted (those a day or more after the previous one). */
  count: number;
}

// Memory states are computed as ts-fsrs does, with short-term (same-day) steps on, as Tifa schedules.
const algorithm = (w: readonly number[], retention = 0.9): FSRS =>
  makeScheduler({ fsrsWeights: [...w], desiredRetention: retention });

// fsrs-rs's bin of an item (dataset.rs, FSRSItem::r_matrix_index): interval, length and lapses on log scales.
function binKey(deltaT: number, longTerm: number, lapses: number): string {
  const d = Math.round(2.48 * Math.pow(3.62, Math.floor(Math.log(deltaT) / Math.log(3.62))) * 100);
  const len = longTerm + 1;
  const l = Math.round(1.99 * Math.pow(1.89, Math.floor(Math.log(len) / Math.log(1.89))));
  const lap = lapses ? Math.round(1.65 * Math.pow(1.73, Math.floor(Math.log(lapses) / Math.log(1.73)))) : 0;
  return `${d},${l},${lap}`;
}

const clampP = (p: number) => Math.min(1 - 1e-7, Math.max(1e-7, p));

/**
 * The recall probability a parameter set gives each rating a day or more after the previous one,
 * from the card's ratings before it (fsrs-rs's items, in the order of the histories).
 */
export function predictRecall(histories: readonly CardHistory[], w: readonly number[]): Float64Array {
  const f = algorithm(w);
  const out: number[] = [];
  for (const h of histories) {
    let state = f.next_state(null, 0, h[0].rating);
    for (let i = 1; i < h.length; i++) {
      if (h[i].deltaT > 0) out.push(clampP(forgetting_curve(w, h[i].deltaT, state.stability)));
      state = f.next_state(state, h[i].deltaT, h[i].rating);
    }
  }
  return Float64Array.from(out);
}

/** What the user answered to each rating predictRecall predicts (1 recalled, 0 forgot), and its fsrs-rs bin. */
function outcomes(histories: readonly CardHistory[]): { y: Uint8Array; bins: string[] } {
  const y: number[] = [];
  const bins: string[] = [];
  for (const h of histories) {
    let longTerm = 0;
    let lapses = 0;
    for (let i = 1; i < h.length; i++) {
      const { rating, deltaT } = h[i];
      if (deltaT === 0) continue;
      longTerm++;
      y.push(rating > 1 ? 1 : 0);
      bins.push(binKey(deltaT, longTerm, lapses));
      if (rating === 1) lapses++;
    }
  }
  return { y: Uint8Array.from(y), bins };
}

/**
 * How well a parameter set predicts the user's history, as fsrs-rs's `evaluate` measures it: every
 * rating a day or more after the previous one, predicted from the card's ratings before it.
 */
export function evaluateWeights(histories: readonly CardHistory[], w: readonly number[]): Evaluation {
  const p = predictRecall(histories, w);
  const { y, bins } = outcomes(histories);
  const byBin = new Map<string, [number, number, number]>();
  let loss = 0;
  for (let i = 0; i < p.length; i++) {
    loss -= y[i] ? Math.log(p[i]) : Math.log(1 - p[i]);
    const bin = byBin.get(bins[i]) ?? [0, 0, 0];
    bin[0] += p[i];
    bin[1] += y[i];
    bin[2] += 1;
    byBin.set(bins[i], bin);
  }
  let sq = 0;
  for (const [sp, sy, n] of byBin.values()) sq += ((sp - sy) / n) ** 2 * n;
  const count = p.length;
  return { logLoss: count ? loss / count : NaN, rmse: count ? Math.sqrt(sq / count) : NaN, count };
}

/** The switch rule: a new set replaces the current one only when both measures say it predicts the history better. */
export function isBetter(current: Evaluation, next: Evaluation): boolean {
  return next.logLoss < current.logLoss && next.rmse <= current.rmse;
}

/** Stability after each history's last rating, under a parameter set. */
function lastStabilities(histories: readonly CardHistory[], w: readonly number[]): number[] {
  const f = algorithm(w);
  return histories.map((h) => {
    let state = f.next_state(null, 0, h[0].rating);
    for (let i = 1; i < h.length; i++) state = f.next_state(state, h[i].deltaT, h[i].rating);
    return state.stability;
  });
}

/**
 * How much longer (positive) or shorter the intervals of the user's cards become under `next`:
 * each card's next interval (at the desired retention, after its last rating) under both sets, the
 * geometric mean of their ratios minus one. 0.12 reads "平均将变长 12%".
 */
export function intervalChange(
  histories: readonly CardHistory[],
  current: readonly number[],
  next: readonly number[],
  retention: number,
): number {
  const before = lastStabilities(histories, current);
  const after = lastStabilities(histories, next);
  const a = algorithm(current, retention);
  const b = algorithm(next, retention);
  let sum = 0;
  for (let i = 0; i < before.length; i++) {
    const x = before[i] * a.interval_modifier;
    const y = after[i] * b.interval_modifier;
    sum += Math.log(Math.max(y, 0.01) / Math.max(x, 0.01));
  }
  return before.length ? Math.exp(sum / before.length) - 1 : 0;
}

/** The plain-Chinese sentence for intervalChange. */
export function describeChange(change: number): string {
  const pct = Math.round(Math.abs(change) * 100);
  if (pct === 0) return '按你的记忆情况，复习间隔基本不变。';
  return `按你的记忆情况，复习间隔平均将变${change > 0 ? '长' : '短'} ${pct}%。`;
}
