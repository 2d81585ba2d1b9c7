import { describe, expect, it } from 'vitest';
import { addToRanges, inRanges, rangesSize, removeFromRanges, replayCard, wins } from '../../../data/sync/replay';
import { rate, newCardState, Rating, type Grade } from '../../../data/srs/scheduler';
import { DEFAULT_SETTINGS } from '../../../data/srs/settings';

const S = { ...DEFAULT_SETTINGS, enableFuzz: false };
const T = Date.UTC(2026, 0, 5, 8);
const day = (d: number, h = 0) => new Date(T + d * 86_400_000 + h * 3_600_000);

/** What one person rating in this order would get, step by step, as the popup computes it. */
function live(ratings: Array<[Grade, Date]>) {
  let state = newCardState(day(0));
  for (const [g, when] of ratings) state = rate(state, g, when, S).state;
  return state;
}

describe('replayCard', () => {
  it('gives what the popup computed, whatever order the ratings arrive in', () => {
    const ratings: Array<[Grade, Date]> = [
      [Rating.Good, day(1)],
      [Rating.Again, day(4)],
      [Rating.Good, day(4, 1)],
      [Rating.Easy, day(9)],
    ];
    const logs = ratings.map(([rating, review], i) => ({ rating, review, uid: `d-aaaaaaaa/${i}` }));
    expect(replayCard([...logs].reverse(), S, { created: day(0) }).state).toEqual(live(ratings));
  });

  it('two devices reviewing the same card offline both count', () => {
    const a = [{ rating: Rating.Good, review: day(1), uid: 'd-aaaaaaaa/1' }];
    const b = [{ rating: Rating.Good, review: day(3), uid: 'd-bbbbbbbb/1' }];
    const merged = replayCard([...b, ...a], S, { created: day(0) }).state;
    expect(merged.reps).toBe(2);
    expect(merged).toEqual(
      live([
        [Rating.Good, day(1)],
        [Rating.Good, day(3)],
      ]),
    );
    expect(merged).not.toEqual(replayCard(a, S, { created: day(0) }).state);
  });

  it('ratings at the same instant are ordered by uid, so every device gets the same state', () => {
    const x = { rating: Rating.Again, review: day(2), uid: 'd-aaaaaaaa/1' };
    const y = { rating: Rating.Easy, review: day(2), uid: 'd-bbbbbbbb/1' };
    expect(replayCard([x, y], S, { created: day(0) })).toEqual(replayCard([y, x], S, { created: day(0) }));
  });

  it('a reset: earlier ratings stop counting; manual entries (rating 0) never count', () => {
    const logs = [
      { rating: Rating.Good, review: day(1) },
      { rating: Rating.Manual, review: day(2) },
      { rating: Rating.Hard, review: day(6) },
    ];
    const replayed = replayCard(logs, S, { created: day(0), reset: day(5) }).state;
    expect(replayed.reps).toBe(1);
    expect(replayCard([], S, { created: day(0), reset: day(5) }).state).toEqual(newCardState(day(5)));
  });

  it('flags a leech when the replayed lapses reach the threshold', () => {
    const logs = [
      { rating: Rating.Good, review: day(1) },
      ...Array.from({ length: 3 }, (_, i) => [
        { rating: Rating.Good, review: day(10 * i + 5) },
        { rating: Rating.Again, review: day(10 * i + 9) },
      ]).flat(),
    ];
    expect(replayCard(logs, { ...S, leechThreshold: 3 }, { created: day(0) }).leech).toBe(true);
    expect(replayCard(logs, { ...S, leechThreshold: 4 }, { created: day(0) }).leech).toBe(false);
  });
});

describe('registers and id ranges', () => {
  it('the later change wins; at the same time the larger device id, on every device alike', () => {
    expect(wins({ at: 2, device: 'd-a' }, { at: 1, device: 'd-b' })).toBe(true);
    expect(wins({ at: 1, device: 'd-b' }, { at: 2, device: 'd-a' })).toBe(false);
    expect(wins({ at: 1, device: 'd-b' }, { at: 1, device: 'd-a' })).toBe(true);
    expect(wins({ at: 1, device: 'd-a' }, { at: 1, device: 'd-b' })).toBe(false);
    expect(wins({ at: 1, device: 'd-a' }, undefined)).toBe(true);
  });

  it('keeps sent ids as ranges', () => {
    const r = addToRanges(addToRanges([], [1, 2, 3, 7]), [4, 9, 8]);
    expect(r).toEqual([
      [1, 4],
      [7, 9],
    ]);
    expect(rangesSize(r)).toBe(7);
    expect([0, 1, 4, 5, 6, 7, 9, 10].map((i) => inRanges(r, i))).toEqual([
      false,
      true,
      true,
      false,
      false,
      true,
      true,
      false,
    ]);
    expect(removeFromRanges(r, new Set([1, 8]))).toEqual([
      [2, 4],
      [7, 7],
      [9, 9],
    ]);
  });
});
