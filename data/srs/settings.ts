// Study settings: what the user may change, their defaults, and the one place where
// user input (a form, an imported backup) is clamped into something the scheduler accepts.
import { validateWeights } from './fsrs-params';

export type StepUnitString = `${number}${'m' | 'h' | 'd'}`;

export interface StudySettings {
  /** FSRS request_retention: the recall probability at which a card comes due. */
  desiredRetention: number;
  newPerDay: number;
  reviewsPerDay: number;
  learningSteps: StepUnitString[];
  relearningSteps: StepUnitString[];
  /** Days. */
  maximumInterval: number;
  enableFuzz: boolean;
  /** Lapses at which a card is flagged as a leech and suspended (Anki's default is 8). */
  leechThreshold: number;
  /** Local hour at which a new study day begins; 4 means 1:00–3:59 still counts as yesterday. */
  dayStartHour: number;
  /** 冲刺: ISO date "YYYY-MM-DD" of the study session; cram mode is on until the end of that day. */
  cramUntil?: string;
  /** 冲刺: Source ids whose cards are crammed; empty or missing means every card. */
  cramSources?: string[];
  /** 学习会: only these cards of cramSources (a 学习资料包's selection); missing means all their cards. */
  cramCards?: string[];
  /** FSRS parameters trained on the user's reviews (优化参数), ts-fsrs's `w`; missing means ts-fsrs's defaults. */
  fsrsWeights?: number[];
}

export const DEFAULT_SETTINGS: Readonly<StudySettings> = Object.freeze({
  desiredRetention: 0.9,
  newPerDay: 20,
  reviewsPerDay: 200,
  learningSteps: ['1m', '10m'] as StepUnitString[],
  relearningSteps: ['10m'] as StepUnitString[],
  maximumInterval: 36500,
  enableFuzz: true,
  leechThreshold: 8,
  dayStartHour: 4,
});

/** The most cards a 学习会 may name one by one (a 学习资料包's selection). */
export const MAX_PLAN_CARDS = 100_000;
const STEP = /^\d+(\.\d+)?[mhd]$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function clampNumber(value: unknown, min: number, max: number, fallback: number, integer = true): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return fallback;
  const r = integer ? Math.round(n) : n;
  return Math.min(max, Math.max(min, r));
}

function steps(value: unknown, fallback: StepUnitString[]): StepUnitString[] {
  // A form may give "1m 10m"; a backup gives an array. An empty list is legal (FSRS then
  // schedules learning cards in days), but a list with a bad entry falls back entirely,
  // since silently dropping one step would change the user's schedule in a surprising way.
  const list = typeof value === 'string' ? value.split(/[\s,，]+/).filter(Boolean) : value;
  if (!Array.isArray(list)) return [...fallback];
  const ok = list.every((s) => typeof s === 'string' && STEP.test(s) && parseFloat(s) > 0);
  return ok ? (list.slice(0, 10) as StepUnitString[]) : [...fallback];
}

function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return undefined;
  // Rejects 2026-02-30 and the like: Date would silently roll it over to March.
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value ? value : undefined;
}

/** Turns any input (partial, stringly typed, from an old backup) into valid settings. Never throws. */
export function validateSettings(input: unknown): StudySettings {
  const o = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const d = DEFAULT_SETTINGS;
  const out: StudySettings = {
    // Below 0.7 FSRS intervals explode; above 0.99 the workload does.
    desiredRetention: clampNumber(o.desiredRetention, 0.7, 0.99, d.desiredRetention, false),
    newPerDay: clampNumber(o.newPerDay, 0, 9999, d.newPerDay),
    reviewsPerDay: clampNumber(o.reviewsPerDay, 0, 99999, d.reviewsPerDay),
    learningSteps: steps(o.learningSteps, d.learningSteps),
    relearningSteps: steps(o.relearningSteps, d.relearningSteps),
    maximumInterval: clampNumber(o.maximumInterval, 1, 36500, d.maximumInterval),
    enableFuzz: typeof o.enableFuzz === 'boolean' ? o.enableFuzz : d.enableFuzz,
    leechThreshold: clampNumber(o.leechThreshold, 1, 99, d.leechThreshold),
    dayStartHour: clampNumber(o.dayStartHour, 0, 23, d.dayStartHour),
  };
  const cramUntil = isoDate(o.cramUntil);
  if (cramUntil) out.cramUntil = cramUntil;
  if (Array.isArray(o.cramSources)) {
    out.cramSources = [...new Set(o.cramSources.filter((s): s is string => typeof s === 'string' && s !== ''))];
  }
  if (Array.isArray(o.cramCards)) {
    const ids = o.cramCards.filter((s): s is string => typeof s === 'string' && s !== '' && s.length <= 200);
    if (ids.length) out.cramCards = [...new Set(ids)].slice(0, MAX_PLAN_CARDS);
  }
  // A set that is not 21 (or 17/19) weights within FSRS-6's bounds is dropped: the defaults schedule instead.
  const w = validateWeights(o.fsrsWeights);
  if (w) out.fsrsWeights = w;
  return out;
}
