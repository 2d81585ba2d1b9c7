// The popup's peek: today's counts, the 学习会 line and the first card's prompt as last read, kept
// outside the database (storage.session) so the popup can paint its first card before its scripts
// load and the database opens. Written wherever today's queue is read for the badge (after every
// write to the store, at each day start) and by the popup itself; dropped the moment any context
// hears of a write. Valid only from when it was read until the queue could change by the clock
// alone (Today.until). The popup's app then reads the store as always and takes the painted card
// over; the peek is never the truth, only what the truth was a moment ago.
import type { Today } from '../db/today';
import { cardText } from '../knowledge/card-text';
import type { PlanLineFigures } from './plan';

/** The peek's key in storage.session (memory only, not readable by content scripts, gone with the browser). */
export const PEEK_KEY = 'tifa-peek';

/** The 学习会 line's figures (components/common/plan-text.ts words them). */
export interface PeekPlan extends PlanLineFigures {
  newPerDay: number;
}

export interface Peek {
  /** When the queue was read, and until when it stays as read (ms). */
  at: number;
  until: number;
  total: number;
  new: number;
  learning: number;
  review: number;
  plan?: PeekPlan;
  /** Ratings given today (shown when the day is done). */
  doneToday: number;
  /** The queue's first card: its id and the prompt as the card shows it. Absent when the day is done. */
  card?: { id: string; prompt: string };
}

/** The peek of a queue read at `now`. */
export function toPeek(today: Today, now: Date): Peek {
  const { counts, plan, first } = today;
  return {
    at: now.getTime(),
    until: today.until.getTime(),
    total: counts.total,
    new: counts.new,
    learning: counts.learning,
    review: counts.review,
    doneToday: today.doneToday,
    ...(plan && plan.daysLeft !== null
      ? {
          plan: {
            daysLeft: plan.daysLeft,
            mastered: plan.mastered,
            unseen: plan.unseen,
            perDay: plan.perDay,
            tight: plan.tight,
            crowded: plan.crowded,
            newPerDay: today.settings.newPerDay,
          },
        }
      : {}),
    ...(first && first.id === today.queue[0] ? { card: { id: first.id, prompt: cardText(first).prompt } } : {}),
  };
}

const COUNT = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0 && (x as number) < 1e7;
const TIME = (x: unknown): x is number => Number.isFinite(x);
const TEXT = (x: unknown, max: number): x is string => typeof x === 'string' && x.length > 0 && x.length <= max;

function readPlan(x: unknown): PeekPlan | undefined | false {
  if (x === undefined) return undefined;
  if (typeof x !== 'object' || x === null) return false;
  const p = x as Record<string, unknown>;
  const ok =
    COUNT(p.daysLeft) &&
    (p.mastered === null || (typeof p.mastered === 'number' && p.mastered >= 0 && p.mastered <= 1)) &&
    COUNT(p.unseen) &&
    COUNT(p.perDay) &&
    COUNT(p.newPerDay) &&
    typeof p.tight === 'boolean' &&
    typeof p.crowded === 'boolean';
  if (!ok) return false;
  const { daysLeft, mastered, unseen, perDay, tight, crowded, newPerDay } = p as unknown as PeekPlan;
  return { daysLeft, mastered, unseen, perDay, tight, crowded, newPerDay };
}

/**
 * The stored peek if it is whole and still true at `now`: read at or before `now` and not past its
 * `until`. Anything else (absent, of another shape, from a clock set back, expired) is no peek.
 */
export function readPeek(raw: unknown, now: number): Peek | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const g = raw as Record<string, unknown>;
  if (!TIME(g.at) || !TIME(g.until) || !(g.at <= now && now < g.until)) return undefined;
  if (![g.total, g.new, g.learning, g.review, g.doneToday].every(COUNT)) return undefined;
  const plan = readPlan(g.plan);
  if (plan === false) return undefined;
  let card: Peek['card'];
  if (g.card !== undefined) {
    const c = g.card as Record<string, unknown> | null;
    if (typeof c !== 'object' || c === null || !TEXT(c.id, 200) || !TEXT(c.prompt, 5000)) return undefined;
    card = { id: c.id, prompt: c.prompt };
  }
  return {
    at: g.at,
    until: g.until,
    total: g.total as number,
    new: g.new as number,
    learning: g.learning as number,
    review: g.review as number,
    doneToday: g.doneToday as number,
    ...(plan ? { plan } : {}),
    ...(card ? { card } : {}),
  };
}
