// When a missed quiz question comes back: "今天 14:05" the same day, "明天 00:03" when a miss just before
// midnight is due again after it, else the day.
import { describe, expect, it } from 'vitest';
import { dueText } from '@/components/quiz/feedback-view';

describe('dueText', () => {
  const now = new Date(2026, 11, 7, 23, 55);
  it.each([
    [new Date(2026, 11, 7, 23, 59), '今天 23:59'],
    [new Date(2026, 11, 8, 0, 5), '明天 00:05'],
    [new Date(2026, 11, 9, 9, 0), '12月9日'],
    [new Date(2027, 0, 3, 9, 0), '2027年1月3日'],
  ])('%s → %s', (due, text) => {
    expect(dueText(due, now)).toBe(text);
  });

  it('knows tomorrow across a month and a year', () => {
    expect(dueText(new Date(2027, 0, 1, 0, 1), new Date(2026, 11, 31, 23, 58))).toBe('明天 00:01');
  });
});
