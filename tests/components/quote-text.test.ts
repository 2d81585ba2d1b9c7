import { describe, expect, it } from 'vitest';
import { displayQuote, markPieces } from '@/components/common/quote-text';

describe('displayQuote', () => {
  it.each([
    // [quote, marks, expected text, expected marked text]
    [
      '专题研究疫情防控工\n\n\n\n2 \n \n\n作和复工复产工作。',
      [[6, 25]],
      '专题研究疫情防控工作和复工复产工作。',
      '防控工作和复工复产',
    ],
    ['贫困人口从2012年年底的9899 万人减到551万人', [[13, 20]], '贫困人口从2012年年底的9899万人减到551万人', '9899万人'],
    ['五\n\n个一批', [[0, 6]], '五个一批', '五个一批'],
    ['Sustainable Development\nGoals', [[0, 11]], 'Sustainable Development Goals', 'Sustainable'],
  ] as Array<[string, Array<[number, number]>, string, string]>)('%j', (quote, marks, text, marked) => {
    const shown = displayQuote(quote, marks);
    expect(shown.text).toBe(text);
    const pieces = markPieces(shown.text, shown.marks);
    expect(
      pieces
        .filter((p) => p.marked)
        .map((p) => p.text)
        .join(''),
    ).toBe(marked);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
  });
});

describe('markPieces', () => {
  const quote = '坚持六个精准，实施五个一批';
  it.each([
    ['no marks', [], [{ text: quote, marked: false }]],
    [
      'one mark',
      [[2, 6]],
      [
        { text: '坚持', marked: false },
        { text: '六个精准', marked: true },
        { text: '，实施五个一批', marked: false },
      ],
    ],
    [
      'unsorted, overlapping, out of range',
      [
        [9, 99],
        [2, 6],
        [4, 7],
      ],
      [
        { text: '坚持', marked: false },
        { text: '六个精准，', marked: true },
        { text: '实施', marked: false },
        { text: '五个一批', marked: true },
      ],
    ],
  ] as Array<[string, Array<[number, number]>, unknown]>)('%s', (_, marks, expected) => {
    expect(markPieces(quote, marks)).toEqual(expected);
  });
});
