// A document's date as every view writes it (the hover card, the documents page, the card views):
// ISO in, Chinese out, and 日期待核实 for a date the engine doubts (the rewritten-year document).
import { describe, expect, it } from 'vitest';
import { formatIsoDate, sourceDateText } from '@/components/common/format';

describe('a document date in words', () => {
  it.each([
    ['2020-03-06', '2020年3月6日'],
    ['2019-12', '2019年12月'],
    [undefined, ''],
  ])('date %s → %s', (iso, expected) => {
    expect(formatIsoDate(iso)).toBe(expected);
  });

  it('says 日期待核实 instead of a doubtful date', () => {
    expect(sourceDateText({ date: '2024-11-29', dateUnverified: true })).toBe('日期待核实');
    expect(sourceDateText({ date: '2020-03-06' })).toBe('2020年3月6日');
  });
});
