import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, validateSettings } from '../../../data/srs/settings';

describe('validateSettings', () => {
  it('fills in defaults for missing or foreign input', () => {
    expect(validateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(validateSettings('nonsense')).toEqual(DEFAULT_SETTINGS);
    expect(validateSettings({ newPerDay: 5 })).toEqual({ ...DEFAULT_SETTINGS, newPerDay: 5 });
  });

  it.each([
    ['desiredRetention', 1.5, 0.99],
    ['desiredRetention', 0.2, 0.7],
    ['desiredRetention', '0.85', 0.85],
    ['newPerDay', -3, 0],
    ['newPerDay', '12', 12],
    ['newPerDay', 7.6, 8],
    ['newPerDay', Number.NaN, 20],
    ['reviewsPerDay', 1e9, 99999],
    ['maximumInterval', 0, 1],
    ['leechThreshold', 0, 1],
    ['dayStartHour', 24, 23],
    ['enableFuzz', 'yes', true],
    ['learningSteps', '1m 10m 1h', ['1m', '10m', '1h']],
    ['learningSteps', [], []],
    ['learningSteps', ['1m', 'soon'], ['1m', '10m']],
    ['relearningSteps', ['0m'], ['10m']],
  ])('%s = %j → %j', (key, value, expected) => {
    expect(validateSettings({ [key]: value })[key as keyof typeof DEFAULT_SETTINGS]).toEqual(expected);
  });

  it('keeps a real cram date and its sources, drops impossible dates', () => {
    expect(validateSettings({ cramUntil: '2026-03-05', cramSources: ['a', 'a', 3, ''] })).toMatchObject({
      cramUntil: '2026-03-05',
      cramSources: ['a'],
    });
    expect(validateSettings({ cramUntil: '2026-02-30' }).cramUntil).toBeUndefined();
    expect(validateSettings({ cramUntil: '明天' }).cramUntil).toBeUndefined();
  });
});
