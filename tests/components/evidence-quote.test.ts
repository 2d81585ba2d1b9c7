import { describe, expect, it } from 'vitest';
import { displayQuote, markPieces } from '@/components/common/evidence-quote';

describe('displayQuote', () => {
  it.each([
    // [quote, marks, expected text, expected marked text]
    ['专题研究疫情防控工\n\n\n\n2 \n \n\n作和复工复产工作。', [[6, 25]], '专题研究疫情防控工作和复工复产工作。', '防控工作和复工复产'],
    ['贫困人口从2012年年底的9899 万人减到551万人', [[13, 20]], '贫困人口从2012年年底的9899万人减到551万人', '9899万人'],
    ['五\n\n个一批', [[0, 6]], '五个一批', '五个一批'],
    ['Sustainable Development\nGoals', [[0, 11]], 'Sustainable Development Goals', 'Sustainable'],
  ] as Array<[string, Array<[number, number]>, string, string]>)('%j', (quote, marks, text, marked) => {
    const shown = displayQuote(quote, marks);
    expect(shown.text).toBe(text);
    const pieces = markPieces(shown.text, shown.marks);
    expect(pieces.filter((p) => p.marked).map((p) => p.text).join('')).toBe(marked);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
  });
});
