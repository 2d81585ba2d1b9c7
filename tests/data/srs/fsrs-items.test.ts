import { describe, expect, it } from 'vitest';
import { cardHistories, longTermReviews, studyDay, trainingItems, type LogForTraining } from '@/data/srs/fsrs-items';
import { history } from './simulate';

// Beijing (UTC+8), a study day starting at 4:00 as Tifa's default.
const CLOCK = { dayStartHour: 4, utcOffsetMinutes: 480 };
/** A Beijing local time as a Date. */
const bj = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2026, 2, day, hour - 8, minute));
const log = (cardId: string, rating: number, review: Date, state = 2): LogForTraining => ({
  cardId,
  rating,
  state,
  review,
});

describe('studyDay', () => {
  it('counts 01:30 for the day before and 04:00 for the new day, in the user time zone', () => {
    expect(studyDay(bj(10, 1, 30).getTime(), CLOCK)).toBe(studyDay(bj(9, 22).getTime(), CLOCK));
    expect(studyDay(bj(10, 4).getTime(), CLOCK)).toBe(studyDay(bj(9, 22).getTime(), CLOCK) + 1);
    // 23:30 and 00:30 Beijing fall on two UTC days (15:30, 16:30 UTC) but one study day.
    expect(studyDay(bj(10, 23, 30).getTime(), CLOCK)).toBe(studyDay(bj(11, 0, 30).getTime(), CLOCK));
    // With the day starting at midnight they are two days.
    const midnight = { ...CLOCK, dayStartHour: 0 };
    expect(studyDay(bj(11, 0, 30).getTime(), midnight)).toBe(studyDay(bj(10, 23, 30).getTime(), midnight) + 1);
  });
});

describe('cardHistories', () => {
  it('orders each card by time, gives study days since the previous rating, 0 for the first and for the same day', () => {
    const logs = [
      log('a', 3, bj(12, 20)),
      log('a', 3, bj(1, 9), 0),
      log('a', 3, bj(1, 9, 10), 1),
      log('b', 1, bj(5, 8), 0),
      log('a', 2, bj(4, 2)), // 02:00 on the 4th is still the 3rd's study day
      log('b', 3, bj(6, 8), 3),
    ];
    expect(cardHistories(logs, CLOCK)).toEqual([history([3, 0], [3, 0], [2, 2], [3, 9]), history([1, 0], [3, 1])]);
  });

  it('starts a new history when a reset card is studied again (a rating of a New card), and skips manual entries', () => {
    const logs = [
      log('a', 3, bj(1, 9), 0),
      log('a', 3, bj(5, 9)),
      log('a', 0, bj(6, 9)),
      log('a', 4, bj(20, 9), 0),
      log('a', 3, bj(30, 9)),
    ];
    expect(cardHistories(logs, CLOCK)).toEqual([history([3, 0], [3, 4]), history([4, 0], [3, 10])]);
  });

  it('reads dates stored as ISO strings (a restored backup) and skips a review it cannot date', () => {
    const logs = [
      log('a', 3, bj(1, 9), 0),
      { ...log('a', 3, bj(3, 9)), review: bj(3, 9).toISOString() },
      { ...log('a', 3, bj(4, 9)), review: 'nonsense' },
    ];
    expect(cardHistories(logs, CLOCK)).toEqual([history([3, 0], [3, 2])]);
  });
});

describe('trainingItems', () => {
  it('makes one item per rating a day or more after the previous one: the card ratings up to it (fsrs-rs training set)', () => {
    const histories = [history([3, 0], [3, 0], [3, 2], [1, 5]), history([4, 0])];
    const items = trainingItems(histories);
    expect(Array.from(items.lengths)).toEqual([3, 4]);
    expect(Array.from(items.ratings)).toEqual([3, 3, 3, 3, 3, 3, 1]);
    expect(Array.from(items.deltaTs)).toEqual([0, 0, 2, 0, 0, 2, 5]);
    expect(longTermReviews(histories)).toBe(2);
  });
});
