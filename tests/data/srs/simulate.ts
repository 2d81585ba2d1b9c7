// A learner whose memory follows FSRS with known parameters, reviewing on the days ts-fsrs schedules:
// each answer is drawn from the recall probability the true parameters give (Again when forgotten;
// Hard, Good or Easy when recalled). The review log comes out as Tifa stores it, at 20:00 Beijing time
// (UTC+8, day start 4:00), so converting it exercises the same code as a user's own log.
import { createEmptyCard, fsrs, State, type Grade } from 'ts-fsrs';
import { FSRSItem, FSRSReview } from '../../support/fsrs-rs';
import type { FlatItems, LogForTraining } from '@/data/srs/fsrs-items';
import { seededRandom } from '@/data/quiz/random';

/**
 * The truth for tests: an FSRS-5-shaped set (w20 = 0.5, FSRS-5's fixed decay; w19 at its FSRS-6
 * floor, and only same-day reviews, which this learner never makes, would read it) so that
 * fsrs-rs-nodejs 0.9 (FSRS-5, 19 weights) can represent it as well as fsrs-browser (FSRS-6, 21).
 * Its values sit away from both libraries' defaults, so recovering them is not just returning defaults.
 */
export const TRUE_WEIGHTS = [
  0.5, 1.5, 4, 12, 6, 0.6, 2, 0.01, 1.6, 0.15, 1.0, 1.8, 0.1, 0.3, 2.0, 0.3, 2.5, 0.5, 0.1, 0.01, 0.5,
];

export const SIM_CLOCK = { dayStartHour: 4, utcOffsetMinutes: 480 };
const DAY = 86_400_000;
// 2025-01-01 20:00 in Beijing.
const START = Date.UTC(2025, 0, 1, 12);

export interface SimOptions {
  cards: number;
  days: number;
  seed?: number;
  weights?: readonly number[];
  retention?: number;
}

/** Review logs of `cards` cards, each first studied on a random day in the first half of `days`. */
export function simulateLogs(opts: SimOptions): LogForTraining[] {
  const rnd = seededRandom(opts.seed ?? 1);
  const w = [...(opts.weights ?? TRUE_WEIGHTS)];
  const f = fsrs({
    w,
    request_retention: opts.retention ?? 0.85,
    enable_fuzz: false,
    enable_short_term: false,
    maximum_interval: 3650,
  });
  const logs: LogForTraining[] = [];
  for (let c = 0; c < opts.cards; c++) {
    let day = Math.floor(rnd() * (opts.days / 2));
    let card = createEmptyCard(new Date(START + day * DAY));
    while (day < opts.days) {
      const now = new Date(START + day * DAY);
      let rating: Grade;
      if (card.state === State.New) rating = (1 + Math.floor(rnd() * 4)) as Grade;
      else if (rnd() >= f.get_retrievability(card, now, false)) rating = 1;
      else rating = (rnd() < 0.15 ? 2 : rnd() < 0.1 ? 4 : 3) as Grade;
      logs.push({ cardId: `c${c}`, rating, state: card.state, review: now });
      card = f.next(card, now, rating).card;
      day = Math.max(day + 1, Math.round((card.due.getTime() - START) / DAY));
    }
  }
  return logs;
}

/** The same items as fsrs-rs-nodejs's FSRSItem objects, for the native optimizer. */
/** One card's reviews as training reads them, from [rating, days since the previous one] pairs. */
export const history = (...reviews: Array<[number, number]>) => reviews.map(([rating, deltaT]) => ({ rating, deltaT }));

/** A Tifa review-log row for a simulated rating (the fields the dashboard's other pages read, too). */
export function simulatedLogRow(l: LogForTraining) {
  const review = l.review as Date;
  return {
    cardId: l.cardId,
    noteId: `n-${l.cardId}`,
    rating: l.rating,
    state: l.state,
    review,
    due: review,
    stability: 1,
    difficulty: 5,
    elapsed_days: 0,
    last_elapsed_days: 0,
    scheduled_days: 0,
    learning_steps: 0,
  };
}

export function nodeItems(flat: FlatItems): FSRSItem[] {
  const items: FSRSItem[] = [];
  let at = 0;
  for (const len of flat.lengths) {
    const reviews: FSRSReview[] = [];
    for (let j = 0; j < len; j++, at++) reviews.push(new FSRSReview(flat.ratings[at], flat.deltaTs[at]));
    items.push(new FSRSItem(reviews));
  }
  return items;
}
