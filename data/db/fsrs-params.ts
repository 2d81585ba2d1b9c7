// The FSRS parameters trained on the user's reviews (优化参数), kept in the settings table: the set in
// use is StudySettings.fsrsWeights (read through getSettings, validated there); beside it the set it
// replaced, for 恢复原参数, and the last training's report. Both are checked again on every read, since
// the settings table may come from a backup file.
import type { TifaDB } from './schema';
import type { LogForTraining } from '../srs/fsrs-items';
import { validateWeights, type Evaluation } from '../srs/fsrs-params';
import { markRecompute } from './fsrs-recompute';
import { allLogs } from './logs';

/** Fewer reviews than this and the optimizer only echoes its defaults; Anki asks for a few hundred too. */
export const MIN_REVIEWS_TO_TRAIN = 400;

export const WEIGHTS_KEY = 'fsrsWeights';
const PREVIOUS_KEY = 'fsrsPrevious';
const REPORT_KEY = 'fsrsTrainReport';

/** What one training found, shown again when the settings page reopens. */
export interface TrainReport {
  /** ISO time of the training. */
  at: string;
  /** Reviews read and, of them, ratings the optimizer learned from (a day or more after the one before). */
  reviews: number;
  items: number;
  current: Evaluation;
  next: Evaluation;
  weights: number[];
  /** intervalChange(current → next): 0.12 reads "平均将变长 12%". */
  change: number;
  /** Whether the new set was switched to (only when it predicts the history better). */
  applied: boolean;
}

export interface FsrsParamsState {
  /** The set in use; undefined means ts-fsrs's defaults. */
  current?: number[];
  /** The set that 恢复原参数 brings back: null for the defaults, undefined when there is nothing to go back to. */
  previous?: number[] | null;
  report?: TrainReport;
}

const isEvaluation = (v: unknown): v is Evaluation =>
  !!v &&
  typeof v === 'object' &&
  ['logLoss', 'rmse', 'count'].every((k) => typeof (v as Record<string, unknown>)[k] === 'number');

function readReport(value: unknown): TrainReport | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const r = value as Record<string, unknown>;
  const weights = validateWeights(r.weights);
  const ok =
    typeof r.at === 'string' &&
    [r.reviews, r.items, r.change].every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    typeof r.applied === 'boolean' &&
    isEvaluation(r.current) &&
    isEvaluation(r.next);
  return ok && weights ? ({ ...r, weights } as unknown as TrainReport) : undefined;
}

function readPrevious(value: unknown): number[] | null | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const w = (value as { weights?: unknown }).weights;
  return w === null ? null : validateWeights(w);
}

export async function getFsrsParams(db: TifaDB): Promise<FsrsParamsState> {
  const rows = await db.settings.bulkGet([WEIGHTS_KEY, PREVIOUS_KEY, REPORT_KEY]);
  return {
    current: validateWeights(rows[0]?.value),
    previous: readPrevious(rows[1]?.value),
    report: readReport(rows[2]?.value),
  };
}

/** Every review log, reduced to what training reads. */
export async function readTrainingLogs(db: TifaDB): Promise<LogForTraining[]> {
  return (await allLogs(db)).map((l) => ({ cardId: l.cardId, rating: l.rating, state: l.state, review: l.review }));
}

/**
 * Keeps a training's report; when it is `applied`, switches to its weights, keeps the set it replaces
 * and marks every card's memory state for recomputation (data/db/fsrs-recompute.ts).
 */
export async function saveTraining(db: TifaDB, report: TrainReport): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    if (report.applied) {
      const w = validateWeights(report.weights);
      if (!w) throw new TypeError('FSRS weights: invalid set');
      const current = validateWeights((await db.settings.get(WEIGHTS_KEY))?.value) ?? null;
      await db.settings.put({ key: PREVIOUS_KEY, value: { weights: current } });
      await db.settings.put({ key: WEIGHTS_KEY, value: w });
      await markRecompute(db, new Date(report.at));
    }
    await db.settings.put({ key: REPORT_KEY, value: report });
  });
}

/** 恢复原参数: back to the set the last switch replaced (the defaults when that was none); memory states marked for recomputation. */
export async function restorePreviousWeights(db: TifaDB, now: Date): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const previous = readPrevious((await db.settings.get(PREVIOUS_KEY))?.value);
    if (previous === undefined) return;
    if (previous) await db.settings.put({ key: WEIGHTS_KEY, value: previous });
    else await db.settings.delete(WEIGHTS_KEY);
    await db.settings.delete(PREVIOUS_KEY);
    await markRecompute(db, now);
    const report = readReport((await db.settings.get(REPORT_KEY))?.value);
    if (report) await db.settings.put({ key: REPORT_KEY, value: { ...report, applied: false } });
  });
}
