// Pure figures behind the documents, statistics and backup sections: cards and logs in,
// plain numbers out, `now` always passed in, so each can be tested with fixed dates.
import type { CardRow } from '../db/schema';
import type { DayCount } from '../db/stats';
import { cardState } from '../vocab/card-states';
import { dayKey } from './day';
import { nextDayStart } from './queue';
import { retrievability, State } from './scheduler';
import type { StudySettings } from './settings';
import { heldBack } from '../knowledge/suspect';

/** Recall probability of a card at `at`; 0 for a new card or one whose state cannot be read. */
function recall(card: CardRow, at: Date, settings: Pick<StudySettings, 'fsrsWeights'>): number {
  try {
    return retrievability(card.fsrs, at, settings);
  } catch {
    return 0;
  }
}

export interface DocProgress {
  /** Cards still in the deck (suspended ones included). */
  total: number;
  /** Cards rated at least once. */
  studied: number;
  new: number;
  /** Studied, not suspended cards due before the end of today. */
  dueToday: number;
  /**
   * Share of the document's active cards you would recall at the end of today (mean FSRS
   * retrievability, a new card counting as 0); null when it has no active card.
   */
  readiness: number | null;
}

const empty = (): DocProgress & { sum: number; active: number } => ({
  total: 0,
  studied: 0,
  new: 0,
  dueToday: 0,
  readiness: null,
  sum: 0,
  active: 0,
});

/** Progress per source id, in one pass over the cards. */
export function progressBySource(
  cards: CardRow[],
  now: Date,
  settings: Pick<StudySettings, 'dayStartHour' | 'fsrsWeights'>,
): Map<string, DocProgress> {
  const end = nextDayStart(now, settings);
  const acc = new Map<string, ReturnType<typeof empty>>();
  for (const card of cards) {
    if (card.retired) continue;
    const isNew = card.fsrs.state === State.New;
    const r = card.suspended || isNew ? 0 : recall(card, end, settings);
    const due = !isNew && !card.suspended && new Date(card.fsrs.due).getTime() < end.getTime();
    for (const id of new Set(card.sourceIds)) {
      const p = acc.get(id) ?? empty();
      p.total++;
      if (isNew) p.new++;
      else p.studied++;
      if (due) p.dueToday++;
      // 待核实 cards are not taught until checked: like suspended ones, outside readiness (and 已掌握).
      if (!card.suspended && !heldBack(card)) {
        p.active++;
        p.sum += r;
      }
      acc.set(id, p);
    }
  }
  const out = new Map<string, DocProgress>();
  for (const [id, { sum, active, ...p }] of acc) out.set(id, { ...p, readiness: active ? sum / active : null });
  return out;
}

export interface HeatCell {
  /** "YYYY-MM-DD" of the study day, as dayKey gives it. */
  day: string;
  date: Date;
  count: number;
  /** 0 (none) … 4 (the busiest days). */
  level: 0 | 1 | 2 | 3 | 4;
}

/**
 * The last `weeks` weeks up to `today` (a study day's key), one cell per day, starting on a
 * Monday so a 7-row grid filled column by column shows weeks as columns.
 */
export function heatmapCells(counts: DayCount[], today: string, weeks = 26): HeatCell[] {
  const byDay = new Map(counts.map((c) => [c.day, c.count]));
  const [y, m, d] = today.split('-').map(Number);
  // Noon, so a daylight-saving change never moves a date across midnight.
  const last = new Date(y, m - 1, d, 12);
  const start = new Date(last);
  start.setDate(start.getDate() - ((start.getDay() + 6) % 7) - (weeks - 1) * 7);
  const cells: HeatCell[] = [];
  for (const day = new Date(start); day <= last; day.setDate(day.getDate() + 1)) {
    const key = dayKey(day, 0);
    cells.push({ day: key, date: new Date(day), count: byDay.get(key) ?? 0, level: 0 });
  }
  const max = Math.max(0, ...cells.map((c) => c.count));
  for (const c of cells)
    c.level = c.count === 0 ? 0 : (Math.min(4, Math.max(1, Math.ceil((c.count / max) * 4))) as HeatCell['level']);
  return cells;
}

/**
 * True retention (Anki): of the ratings given to cards in review state, the share that were
 * recalled (Hard or better). Learning steps are left out: they measure short-term memory.
 */
export function trueRetention(logs: Array<{ state: number; rating: number }>): {
  passed: number;
  total: number;
  rate: number | null;
} {
  const reviews = logs.filter((l) => l.state === State.Review && l.rating >= 1);
  const passed = reviews.filter((l) => l.rating >= 2).length;
  return { passed, total: reviews.length, rate: reviews.length ? passed / reviews.length : null };
}

export interface StateCounts {
  new: number;
  learning: number;
  review: number;
  suspended: number;
  leech: number;
  retired: number;
}

/** Each card counted once: retired first, then leech, suspended, and its FSRS state. */
export function stateCounts(cards: CardRow[]): StateCounts {
  const out: StateCounts = { new: 0, learning: 0, review: 0, suspended: 0, leech: 0, retired: 0 };
  for (const card of cards) out[card.retired ? 'retired' : cardState(card)]++;
  return out;
}

/** "tifa-backup-20250301.json", by the local date. */
export function backupFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `tifa-backup-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}.json`;
}
