import { describe, expect, it } from 'vitest';
import { matchesText } from '@/components/dashboard/use-card-search';
import type { CardRow } from '@/data/db/schema';

const card = {
  prompt: '“六个精准”是哪六个？',
  answer: '扶持对象精准……',
  members: ['扶持对象精准', '项目安排精准'],
  edited: { answer: '我的答案' },
} as CardRow;

describe('matchesText', () => {
  it.each([
    [[], true],
    [['六个精准'], true],
    [['项目安排'], true], // a member
    [['我的答案'], true], // the user's edit
    [['扶持对象'], true], // the deck's answer, still searchable after an edit
    [['六個精準', '六个精准'], true], // typed traditional, and its simplified form
    [['两不愁'], false],
  ])('%j → %s', (needles, expected) => {
    expect(matchesText(card, needles)).toBe(expected);
  });
});
