// Counts over the review log, by study day. A study day starts at `dayStartHour` local time
// (Anki's "next day starts at"), so a late-night session counts toward the day it belongs to.
import type { TifaDB } from './schema';
import { State } from '../srs/scheduler';

import { dayKey, dayStart } from '../srs/day';
import { logsBetween } from './logs';

export interface DayCount {
  day: string;
  count: number;
}

/** Reviews per study day in [from, to), days without reviews left out; sorted by day. */
export async function reviewCountsByDay(db: TifaDB, from: Date, to: Date, dayStartHour = 0): Promise<DayCount[]> {
  const counts = new Map<string, number>();
  for (const log of await logsBetween(db, from, to)) {
    const k = dayKey(log.review, dayStartHour);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].map(([day, count]) => ({ day, count })).sort((a, b) => a.day.localeCompare(b.day));
}

export interface TodayCounts {
  /** New cards introduced today (counts against the daily new-card limit). */
  newDone: number;
  /** Ratings of cards in review state (counts against the review limit). */
  reviewsDone: number;
  /** Notes reviewed today: their sibling cards wait until tomorrow. */
  reviewedNoteIds: string[];
  /** Cards first studied today (the 学习会 counts its share with them). */
  newCardIds: string[];
  /** Cards rated today: what they showed buries the cards it gives away (data/srs/siblings.ts). */
  reviewedCardIds: string[];
  /** Ratings given today, every one counted. */
  ratings: number;
}

export async function todayCounts(db: TifaDB, now: Date, dayStartHour: number): Promise<TodayCounts> {
  const logs = await logsBetween(db, dayStart(now, dayStartHour), now, true);
  // A log's `state` is the card's state before that rating (ts-fsrs), so New means "first seen".
  const newCards = new Set(logs.filter((l) => l.state === State.New).map((l) => l.cardId));
  return {
    newDone: newCards.size,
    reviewsDone: logs.filter((l) => l.state === State.Review).length,
    reviewedNoteIds: [...new Set(logs.map((l) => l.noteId))],
    newCardIds: [...newCards],
    reviewedCardIds: [...new Set(logs.map((l) => l.cardId))],
    ratings: logs.length,
  };
}
