import { describe, expect, it } from 'vitest';
import { default_w, fsrs, createEmptyCard, Rating } from 'ts-fsrs';
import { FSRS, FSRSItem, FSRSReview, DEFAULT_PARAMETERS } from '../../support/fsrs-rs';
import {
  DEFAULT_WEIGHTS,
  describeChange,
  evaluateWeights,
  intervalChange,
  isBetter,
  predictRecall,
  validateWeights,
} from '@/data/srs/fsrs-params';
import { cardHistories } from '@/data/srs/fsrs-items';
import { validateSettings, DEFAULT_SETTINGS } from '@/data/srs/settings';
import { previewIntervals, rate, retrievability } from '@/data/srs/scheduler';
import { history, simulateLogs, SIM_CLOCK, TRUE_WEIGHTS } from './simulate';

describe('validateWeights: ts-fsrs 5.4 and fsrs-rs 5.2 number FSRS-6 alike (21 weights)', () => {
  it('ts-fsrs defaults are 21 weights and valid', () => {
    expect(default_w).toHaveLength(21);
    expect(validateWeights([...default_w])).toEqual([...default_w]);
  });

  it('takes the optimizer float32 output, rounding it back inside the bounds (0.8 comes back as 0.800000011920929)', () => {
    const w = [...default_w];
    w[20] = 0.8;
    const f32 = new Float32Array(w);
    expect(f32[20]).toBeGreaterThan(0.8);
    expect(validateWeights(f32)?.[20]).toBe(0.8);
  });

  it('widens an FSRS-5 set (19 weights, fsrs-rs-nodejs 0.9) with its fixed decay 0.5', () => {
    const w = validateWeights([...DEFAULT_PARAMETERS]);
    expect(w).toHaveLength(21);
    expect(w?.[20]).toBe(0.5);
  });

  it.each([
    ['not an array', 'w'],
    ['too short', default_w.slice(0, 20)],
    ['too long', [...default_w, 1]],
    ['a string inside', [...default_w.slice(0, 20), '0.15']],
    ['NaN', [...default_w.slice(0, 20), NaN]],
    ['decay above FSRS-6 bound', [...default_w.slice(0, 20), 0.9]],
    ['negative initial stability', [-1, ...default_w.slice(1)]],
    ['difficulty weight out of range', [...default_w.slice(0, 4), 11, ...default_w.slice(5)]],
  ])('refuses %s', (_name, input) => {
    expect(validateWeights(input)).toBeUndefined();
  });
});

describe('the scheduler uses the stored parameters', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  const slow = [...TRUE_WEIGHTS];
  slow[2] = 40; // the first Good gives a stability of 40 days

  it('settings keep a valid set and drop an invalid one (from storage or a backup)', () => {
    expect(validateSettings({ fsrsWeights: slow }).fsrsWeights).toEqual(slow);
    expect(validateSettings({ fsrsWeights: [1, 2, 3] }).fsrsWeights).toBeUndefined();
    expect(validateSettings({}).fsrsWeights).toBeUndefined();
  });

  it('a new card rated Good with learning steps off is due after w2 days', () => {
    const settings = { ...DEFAULT_SETTINGS, learningSteps: [], enableFuzz: false };
    const card = createEmptyCard(now);
    const days = (s: typeof settings) =>
      (rate(card, Rating.Good, now, s).state.due.getTime() - now.getTime()) / 86_400_000;
    expect(days(settings)).toBe(Math.round(default_w[2]));
    expect(days({ ...settings, fsrsWeights: slow })).toBe(40);
    expect(previewIntervals(card, now, { ...settings, fsrsWeights: slow })[2].label).toBe('1.3个月');
  });

  it('retrievability follows the trained decay (w20)', () => {
    const card = rate(createEmptyCard(now), Rating.Good, now, { ...DEFAULT_SETTINGS, learningSteps: [] }).state;
    const later = new Date(now.getTime() + 20 * 86_400_000);
    const flat = [...default_w];
    flat[20] = 0.8;
    expect(retrievability(card, later, {})).toBeCloseTo(fsrs().get_retrievability(card, later, false), 10);
    expect(retrievability(card, later, { fsrsWeights: flat })).not.toBeCloseTo(retrievability(card, later, {}), 2);
  });
});

describe('evaluateWeights and predictRecall', () => {
  const histories = cardHistories(simulateLogs({ cards: 300, days: 200, seed: 3 }), SIM_CLOCK);

  it('predict each long-term rating from the same memory state as fsrs-rs (fsrs-rs-nodejs memoryState)', () => {
    // FSRS-5 weights: fsrs-rs-nodejs 0.9 computes FSRS-5, which FSRS-6 with w19 ≈ 0, w20 = 0.5 reproduces.
    const w5 = TRUE_WEIGHTS.slice(0, 19);
    const rs = new FSRS(w5);
    const ours = predictRecall(histories, TRUE_WEIGHTS);
    const theirs: number[] = [];
    for (const h of histories.slice(0, 60)) {
      for (let i = 1; i < h.length; i++) {
        if (h[i].deltaT === 0) continue;
        const { stability } = rs.memoryState(
          new FSRSItem(h.slice(0, i).map((r) => new FSRSReview(r.rating, r.deltaT))),
        );
        theirs.push(Math.pow(1 + (19 / 81) * (h[i].deltaT / stability), -0.5));
      }
    }
    expect(theirs.length).toBeGreaterThan(100);
    theirs.forEach((p, i) => expect(ours[i]).toBeCloseTo(p, 4));
  });

  it('score the weights that made the history better than the defaults', () => {
    const truth = evaluateWeights(histories, TRUE_WEIGHTS);
    const defaults = evaluateWeights(histories, DEFAULT_WEIGHTS);
    expect(truth.count).toBeGreaterThan(500);
    expect(truth.logLoss).toBeLessThan(defaults.logLoss);
    expect(truth.rmse).toBeLessThan(defaults.rmse);
    expect(truth.rmse).toBeGreaterThan(0);
  });
});

describe('intervalChange', () => {
  const histories = [history([3, 0], [3, 3]), history([3, 0], [3, 4], [3, 10])];
  it('is 0 for the same set, positive for a set that remembers longer, and says so in Chinese', () => {
    expect(intervalChange(histories, DEFAULT_WEIGHTS, DEFAULT_WEIGHTS, 0.9)).toBeCloseTo(0, 10);
    const longer = [...DEFAULT_WEIGHTS];
    longer[8] += 0.3; // recall grows stability more
    const change = intervalChange(histories, DEFAULT_WEIGHTS, longer, 0.9);
    expect(change).toBeGreaterThan(0.05);
    expect(describeChange(change)).toMatch(/^按你的记忆情况，复习间隔平均将变长 \d+%。$/);
    expect(describeChange(-0.123)).toBe('按你的记忆情况，复习间隔平均将变短 12%。');
    expect(describeChange(0.001)).toBe('按你的记忆情况，复习间隔基本不变。');
  });
});

describe('isBetter: switch only when the new set predicts better', () => {
  const e = (logLoss: number, rmse: number) => ({ logLoss, rmse, count: 1000 });
  it.each([
    [e(0.42, 0.05), e(0.41, 0.04), true],
    [e(0.42, 0.05), e(0.42, 0.04), false],
    [e(0.42, 0.05), e(0.41, 0.06), false],
    [e(0.42, 0.05), e(0.43, 0.03), false],
  ])('%o → %o: %s', (current, next, want) => {
    expect(isBetter(current, next)).toBe(want);
  });
});
