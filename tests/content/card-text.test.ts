import { describe, expect, it } from 'vitest';
import { dueLabel, seenLabel, stateLabel } from '@/components/content/card-text';

const now = new Date(2024, 10, 20, 9, 30); // 2024-11-20, local time

describe('dueLabel', () => {
  it.each([
    ['later this year', new Date(2024, 10, 28, 8).toISOString(), '下次复习：11月28日'],
    ['later today', new Date(2024, 10, 20, 23).toISOString(), '下次复习：今天'],
    ['overdue', new Date(2024, 9, 1).toISOString(), '下次复习：今天'],
    ['next year', new Date(2025, 0, 3).toISOString(), '下次复习：2025年1月3日'],
    ['not a date', 'soon', ''],
  ])('%s', (_, due, expected) => {
    expect(dueLabel(due, now)).toBe(expected);
  });
});

describe('labels', () => {
  it.each([
    ['new', false, '新卡片'],
    ['learning', false, '学习中'],
    ['review', false, '复习中'],
    ['relearning', false, '重新学习中'],
    ['review', true, '已暂停'],
  ] as const)('state %s (suspended %s) → %s', (state, suspended, expected) => {
    expect(stateLabel(state, suspended)).toBe(expected);
  });

  it('counts sightings', () => {
    expect(seenLabel({ count: 3, last: '2024-11-20' })).toBe('见过 3 次');
    expect(seenLabel(undefined)).toBe('');
  });
});
