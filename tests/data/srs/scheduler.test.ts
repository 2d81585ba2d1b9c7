import { describe, expect, it } from 'vitest';
import {
  intervalLabel,
  newCardState,
  previewIntervals,
  rate,
  Rating,
  retrievability,
  reviveLog,
  reviveState,
  State,
  undo,
  type Grade,
  type SrsState,
} from '../../../data/srs/scheduler';
import { DEFAULT_SETTINGS, type StudySettings } from '../../../data/srs/settings';

const S: StudySettings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const T0 = new Date('2026-03-01T09:00:00+08:00');
const MIN = 60_000;
const DAY = 86_400_000;

/** Rates each grade at the moment the card comes due, returning every step. */
function run(grades: Grade[], settings = S) {
  let state = newCardState(T0);
  let now = T0;
  return grades.map((g) => {
    const res = rate(state, g, now, settings);
    const step = { ...res, now };
    state = res.state;
    now = res.state.due;
    return step;
  });
}

function graduated(): { state: SrsState; now: Date } {
  const [, second] = run([Rating.Good, Rating.Good]);
  return { state: second.state, now: second.state.due };
}

describe('learning steps (1m, 10m)', () => {
  it.each([
    ['Again', [Rating.Again], State.Learning, 1 * MIN],
    ['Hard', [Rating.Hard], State.Learning, 6 * MIN],
    ['Good', [Rating.Good], State.Learning, 10 * MIN],
    ['Good, Again', [Rating.Good, Rating.Again], State.Learning, 1 * MIN],
    ['Again, Good', [Rating.Again, Rating.Good], State.Learning, 10 * MIN],
    ['Good, Good graduates', [Rating.Good, Rating.Good], State.Review, 2 * DAY],
  ] as const)('%s → state %i after the interval', (_name, grades, state, interval) => {
    const steps = run([...grades]);
    const last = steps[steps.length - 1];
    expect(last.state.state).toBe(state);
    expect(last.state.due.getTime() - last.now.getTime()).toBe(interval);
    expect(last.state.reps).toBe(grades.length);
  });

  it('a lapse sends a review card to relearning for 10 minutes and counts it', () => {
    const { state, now } = graduated();
    const res = rate(state, Rating.Again, now, S);
    expect(res.state.state).toBe(State.Relearning);
    expect(res.state.lapses).toBe(1);
    expect(res.state.due.getTime() - now.getTime()).toBe(10 * MIN);
    expect(res.leech).toBe(false);
  });
});

describe('interval labels', () => {
  it.each([
    [30_000, '1分钟'],
    [1 * MIN, '1分钟'],
    [10 * MIN, '10分钟'],
    [2 * 60 * MIN, '2小时'],
    [1 * DAY, '1天'],
    [3 * DAY, '3天'],
    [60 * DAY, '2个月'],
    [45 * DAY, '1.5个月'],
    [438 * DAY, '1.2年'],
    [730 * DAY, '2年'],
  ])('%i ms → %s', (ms, label) => {
    expect(intervalLabel(ms)).toBe(label);
  });

  it('a new card previews 1分钟 / 6分钟 / 10分钟 / 8天', () => {
    const p = previewIntervals(newCardState(T0), T0, S);
    expect(p.map((x) => x.rating)).toEqual([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]);
    expect(p.map((x) => x.label)).toEqual(['1分钟', '6分钟', '10分钟', '8天']);
    expect(p[2].due).toEqual(new Date(T0.getTime() + 10 * MIN));
  });

  it('previews agree with what rating then does', () => {
    const { state, now } = graduated();
    const p = previewIntervals(state, now, S);
    for (const x of p) expect(rate(state, x.rating, now, S).state.due).toEqual(x.due);
  });
});

describe('leeches', () => {
  /** Lapses a graduated card n times (Again, then Good out of relearning). */
  function lapses(n: number) {
    let { state, now } = graduated();
    const leech: boolean[] = [];
    for (let i = 0; i < n; i++) {
      const r = rate(state, Rating.Again, now, S);
      leech.push(r.leech);
      const back = rate(r.state, Rating.Good, r.state.due, S);
      expect(back.leech).toBe(false);
      state = back.state;
      now = state.due;
    }
    return { leech, state };
  }

  it('the 8th lapse flags a leech, the 1st to 7th do not; again every 4 after', () => {
    const { leech, state } = lapses(12);
    expect(state.lapses).toBe(12);
    expect(leech.map((l, i) => (l ? i + 1 : 0)).filter(Boolean)).toEqual([8, 12]);
  });

  it('follows the threshold setting', () => {
    const { state, now } = graduated();
    const r = rate(state, Rating.Again, now, { ...S, leechThreshold: 1 });
    expect(r.leech).toBe(true);
  });
});

describe('undo', () => {
  it.each([
    ['new', [] as Grade[]],
    ['learning', [Rating.Good] as Grade[]],
    ['review', [Rating.Good, Rating.Good] as Grade[]],
  ])('restores a %s card exactly from the saved state', (_n, before) => {
    const steps = run([...before, Rating.Again]);
    const last = steps[steps.length - 1];
    const prev = steps.length > 1 ? steps[steps.length - 2].state : newCardState(T0);
    const saved = JSON.parse(JSON.stringify(prev));
    expect(undo(last.state, last.log, saved)).toEqual(prev);
  });

  it('without the saved state, rollback restores all but due, which becomes the review time', () => {
    const { state, now } = graduated();
    const later = new Date(now.getTime() + DAY);
    const r = rate(state, Rating.Good, later, S);
    const back = undo(JSON.parse(JSON.stringify(r.state)), JSON.parse(JSON.stringify(r.log)));
    expect({ ...back, due: state.due }).toEqual(state);
    expect(back.due).toEqual(later);
  });
});

describe('round trip through JSON and IndexedDB', () => {
  it('reviveState gives back the same state, and rating it gives the same result', () => {
    const { state, now } = graduated();
    for (const copy of [JSON.parse(JSON.stringify(state)), structuredClone(state)]) {
      const revived = reviveState(copy);
      expect(revived).toEqual(state);
      expect(revived.due).toBeInstanceOf(Date);
      expect(rate(copy, Rating.Good, now, S)).toEqual(rate(state, Rating.Good, now, S));
    }
  });

  it('accepts null last_review and state names; rejects junk', () => {
    const raw = { ...JSON.parse(JSON.stringify(newCardState(T0))), last_review: null, state: 'New' };
    expect(reviveState(raw)).toEqual(newCardState(T0));
    expect(() => reviveState({ ...raw, due: 'yesterday' })).toThrow(TypeError);
    expect(() => reviveState({ ...raw, stability: '3' })).toThrow(TypeError);
    expect(() => reviveState({ ...raw, state: 'Forgotten' })).toThrow(TypeError);
    expect(() => reviveState(null)).toThrow(TypeError);
  });

  it('revives a log', () => {
    const [step] = run([Rating.Good]);
    expect(reviveLog(JSON.parse(JSON.stringify(step.log)))).toEqual(step.log);
  });
});

describe('retrievability', () => {
  it('is 0 for a new card, 1 just after review, about the desired retention when due', () => {
    expect(retrievability(newCardState(T0), T0, {})).toBe(0);
    const { state } = graduated();
    expect(retrievability(state, state.last_review!, {})).toBe(1);
    expect(retrievability(state, state.due, {})).toBeCloseTo(0.9, 1);
    const far = retrievability(state, new Date(state.due.getTime() + 100 * DAY), {});
    expect(far).toBeGreaterThan(0);
    expect(far).toBeLessThan(0.9);
  });
});

describe('a clock turned back', () => {
  it('a card last reviewed "in the future" still previews and rates, as if reviewed just now', () => {
    const reviewed = rate(
      rate(newCardState(T0), Rating.Good, T0, S).state,
      Rating.Good,
      new Date(T0.getTime() + 10 * MIN),
      S,
    ).state;
    const future = { ...reviewed, last_review: new Date(T0.getTime() + 400 * 86_400_000) };
    const labels = previewIntervals(future, T0, S).map((p) => p.label);
    expect(labels.every((l) => !/NaN/.test(l))).toBe(true);
    const { state } = rate(future, Rating.Good, T0, S);
    expect(state.due.getTime()).toBeGreaterThan(T0.getTime());
    expect(state.last_review!.getTime()).toBe(T0.getTime());
  });
});
