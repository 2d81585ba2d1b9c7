// data/db/logs.ts: Tifa's own ratings (`reviewLogs`) and the histories an Anki import brought
// (`histories`, schema v9) read as one history, and the readers built on it (today's counts, a
// card's history, training).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countLogs, historyRows, logsBetween, logsOfCards, studiedCardIds } from '../../../data/db/logs';
import { parseRecord } from '../../../data/db/records';
import { MAX_HISTORY_LOGS } from '../../../data/db/records-study';
import { saveReview, todayCounts } from '../../../data/db/repo';
import { cardHistory } from '../../../data/db/dashboard';
import { loadToday } from '../../../data/db/today';
import { readTrainingLogs } from '../../../data/db/fsrs-params';
import { syncDeck } from '../../../data/db/deck-sync';
import type { HistoryRow, ReviewLogRow, TifaDB } from '../../../data/db/schema';
import { Rating, State, type SrsLog } from '../../../data/srs/scheduler';
import { at, freshDb, makeDeck, SETTINGS, srsLog as log, T0 } from './helpers';

let db: TifaDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

/** A history row as an import writes it: logs sorted, `last` the newest. */
const history = (cardId: string, noteId: string, reviews: SrsLog[]): HistoryRow => ({
  cardId,
  noteId,
  logs: reviews,
  last: reviews[reviews.length - 1].review,
});

/** One of Tifa's own ratings, written directly (no card needed). */
const own = (cardId: string, review: Date, rating: Rating = Rating.Good): ReviewLogRow => ({
  ...log(review, rating),
  cardId,
  noteId: `n-${cardId}`,
});

const times = (logs: ReviewLogRow[]) => logs.map((l) => l.review.getTime());

describe('logsBetween', () => {
  beforeEach(async () => {
    await db.reviewLogs.bulkAdd([own('c1', at(1)), own('c1', at(3))]);
    // Imported: c2 reviewed on days 0, 2 and 3, c3 on day 5 only.
    await db.histories.bulkAdd([
      history('c2', 'n-c2', [log(at(0)), log(at(2)), log(at(3))]),
      history('c3', 'n-c3', [log(at(5))]),
    ]);
  });

  it('returns own and imported reviews of [from, to) oldest first, the end excluded', async () => {
    const got = await logsBetween(db, at(0), at(3));
    expect(times(got)).toEqual([at(0), at(1), at(2)].map((d) => d.getTime()));
    expect(got.map((l) => l.cardId)).toEqual(['c2', 'c1', 'c2']);
  });

  it('includes the own and the imported review exactly at the end when asked to', async () => {
    const got = await logsBetween(db, at(0), at(3), true);
    expect(times(got)).toEqual([at(0), at(1), at(2), at(3), at(3)].map((d) => d.getTime()));
    expect(
      got
        .slice(3)
        .map((l) => l.cardId)
        .sort(),
    ).toEqual(['c1', 'c2']);
  });

  it('finds a history whose newest review is after the period by a review inside it, and leaves out the others', async () => {
    // c2's history ends on day 3, after `to`: its day-0 review is inside, its later ones are not.
    const got = await logsBetween(db, at(-1), at(1));
    expect(got.map((l) => [l.cardId, l.review.getTime()])).toEqual([['c2', at(0).getTime()]]);
    expect(got[0].noteId).toBe('n-c2');
  });

  it('leaves out a history whose reviews all precede the period', async () => {
    const got = await logsBetween(db, at(4), at(6));
    expect(got.map((l) => l.cardId)).toEqual(['c3']);
  });
});

describe('logsOfCards', () => {
  beforeEach(async () => {
    await db.reviewLogs.bulkAdd([own('c1', at(4)), own('c1', at(1)), own('c2', at(2))]);
    await db.histories.bulkAdd([
      history('c1', 'n-c1', [log(at(0)), log(at(3))]),
      history('c1', 'n-c1', [log(at(2))]), // a second import of the same card
      history('c9', 'n-c9', [log(at(0))]), // not asked for
    ]);
  });

  const check = (got: Map<string, ReviewLogRow[]>) => {
    expect(times(got.get('c1')!)).toEqual([at(0), at(1), at(2), at(3), at(4)].map((d) => d.getTime()));
    expect(got.get('c1')!.every((l) => l.cardId === 'c1' && l.noteId === 'n-c1')).toBe(true);
    expect(times(got.get('c2')!)).toEqual([at(2).getTime()]);
    expect(got.has('c9')).toBe(false);
  };

  it('merges both tables per card, oldest first, for a few cards', async () => {
    const got = await logsOfCards(db, ['c1', 'c2', 'c5']);
    check(got);
    expect(got.has('c5')).toBe(false);
  });

  it('merges both tables per card, oldest first, for more than 300 cards', async () => {
    const many = ['c1', 'c2', ...Array.from({ length: 320 }, (_, i) => `x${i}`)];
    check(await logsOfCards(db, many));
  });

  it('returns nothing for no cards', async () => {
    expect((await logsOfCards(db, [])).size).toBe(0);
  });
});

describe('counting and listing', () => {
  it('counts every own rating and every imported review', async () => {
    expect(await countLogs(db)).toBe(0);
    await db.reviewLogs.bulkAdd([own('c1', at(1)), own('c2', at(2))]);
    await db.histories.bulkAdd([history('c1', 'n1', [log(at(0)), log(at(0, 5))]), history('c3', 'n3', [log(at(0))])]);
    expect(await countLogs(db)).toBe(5);
  });

  it('lists each studied card once, whether its reviews are its own, imported or both', async () => {
    await db.reviewLogs.bulkAdd([own('c1', at(1)), own('c1', at(2)), own('c2', at(2))]);
    await db.histories.bulkAdd([
      history('c1', 'n1', [log(at(0))]),
      history('c3', 'n3', [log(at(0))]),
      history('c3', 'n3', [log(at(1))]),
    ]);
    const ids = await studiedCardIds(db);
    expect([...ids].sort()).toEqual(['c1', 'c2', 'c3']);
  });
});

describe('historyRows', () => {
  it('groups the logs per card, sorts them, sets `last` and keeps only the review fields in each log', () => {
    const logs: ReviewLogRow[] = [
      { ...own('c1', at(3)), id: 7, uid: 'd-abcdefgh12/7' },
      { ...own('c2', at(1)), id: 8 },
      { ...own('c1', at(0)), id: 9 },
      { ...own('c1', at(2)), uid: 'd-abcdefgh12/9' },
    ];
    const rows = historyRows(logs);
    expect(rows.map((r) => r.cardId)).toEqual(['c1', 'c2']);
    const [c1, c2] = rows;
    expect(c1.noteId).toBe('n-c1');
    expect(c1.logs.map((l) => l.review.getTime())).toEqual([at(0), at(2), at(3)].map((d) => d.getTime()));
    expect(c1.last).toEqual(at(3));
    expect(c2.last).toEqual(at(1));
    for (const l of [...c1.logs, ...c2.logs]) {
      expect(Object.keys(l).sort()).toEqual(Object.keys(log(T0)).sort());
    }
    expect(c1).not.toHaveProperty('id');
    expect(c1).not.toHaveProperty('uid');
  });

  it('puts a card of more than MAX_HISTORY_LOGS reviews in several rows, each a valid record', () => {
    const many = Array.from({ length: 2 * MAX_HISTORY_LOGS + 5 }, (_, i) => own('c1', at(i / 10)));
    const rows = historyRows(many.reverse());
    expect(rows.map((r) => r.logs.length)).toEqual([MAX_HISTORY_LOGS, MAX_HISTORY_LOGS, 5]);
    expect(rows.map((r) => r.last)).toEqual(rows.map((r) => r.logs[r.logs.length - 1].review));
    expect(rows[1].logs[0].review.getTime()).toBeGreaterThan(rows[0].last.getTime());
    for (const row of rows) expect(parseRecord('histories', row)).toHaveProperty('row');
    expect(parseRecord('histories', { ...rows[0], logs: many.slice(0, MAX_HISTORY_LOGS + 1) })).toEqual({
      problem: `复习记录超过 ${MAX_HISTORY_LOGS} 条`,
    });
  });
});

describe('readers of the whole history', () => {
  beforeEach(() => syncDeck(db, makeDeck(), at(-10)));

  it("counts toward today's counts a review done in Anki this morning and imported, but not yesterday's", async () => {
    const now = at(0, 3); // noon
    // c1 first seen in Anki yesterday, again this morning; c2 first seen in Anki this morning.
    await db.histories.bulkAdd([
      history('c1', 'n1', [log(at(-1), Rating.Good, State.New), log(at(0, -1), Rating.Good, State.Review)]),
      history('c2', 'n1', [log(at(0, -2), Rating.Good, State.New)]),
      history('c4', 'n2', [log(at(-2), Rating.Good, State.New)]),
    ]);
    await saveReview(db, 'c3', Rating.Good, at(0, 1), SETTINGS);
    const today = await todayCounts(db, now, 4);
    expect(today.ratings).toBe(3);
    expect(today.newDone).toBe(2); // c2 imported, c3 own
    expect(today.reviewsDone).toBe(1); // c1's review this morning
    expect([...today.newCardIds].sort()).toEqual(['c2', 'c3']);
    expect([...today.reviewedCardIds].sort()).toEqual(['c1', 'c2', 'c3']);
    expect([...today.reviewedNoteIds].sort()).toEqual(['n1']);
    // The popup's read (one transaction over both tables) counts them too.
    expect((await loadToday(db, now)).doneToday).toBe(3);
  });

  it("lists a card's imported and own reviews together, newest first", async () => {
    await db.histories.add(history('c1', 'n1', [log(at(-3), Rating.Hard), log(at(-1), Rating.Again)]));
    await db.histories.add(history('c2', 'n1', [log(at(-2))]));
    await saveReview(db, 'c1', Rating.Easy, at(1), SETTINGS);
    const got = await cardHistory(db, 'c1');
    expect(got.map((l) => [l.review.getTime(), l.rating])).toEqual([
      [at(1).getTime(), Rating.Easy],
      [at(-1).getTime(), Rating.Again],
      [at(-3).getTime(), Rating.Hard],
    ]);
    expect(got.every((l) => l.cardId === 'c1')).toBe(true);
  });

  it('gives the optimizer the imported reviews with its own', async () => {
    await db.histories.add(history('c2', 'n1', [log(at(-3), Rating.Good, State.New), log(at(-1), Rating.Hard)]));
    await saveReview(db, 'c1', Rating.Good, at(0), SETTINGS);
    const got = await readTrainingLogs(db);
    const key = (l: { cardId: string; rating: number; review: Date | string | number }) =>
      `${l.cardId}|${l.rating}|${new Date(l.review).getTime()}`;
    expect(got.map(key).sort()).toEqual(
      [
        `c1|${Rating.Good}|${at(0).getTime()}`,
        `c2|${Rating.Good}|${at(-3).getTime()}`,
        `c2|${Rating.Hard}|${at(-1).getTime()}`,
      ].sort(),
    );
    expect(got.find((l) => l.cardId === 'c2' && l.rating === Rating.Good)!.state).toBe(State.New);
  });
});
