import { describe, expect, it } from 'vitest';
import { joinSegments, locate } from '../../../data/match/segments';

describe('joinSegments', () => {
  it('joins without separators and records where each segment starts', () => {
    expect(joinSegments(['六个', '精准', '扶贫'])).toEqual({ text: '六个精准扶贫', starts: [0, 2, 4, 6] });
    expect(joinSegments([])).toEqual({ text: '', starts: [0] });
  });
});

describe('locate', () => {
  const texts = ['坚持', '六个', '', '精准', '扶贫方略'];
  const { text, starts } = joinSegments(texts);
  const pieceText = (p: { segment: number; start: number; end: number }) => texts[p.segment].slice(p.start, p.end);

  it.each([
    ['inside one segment', '方略', [[4, 2, 4]]],
    ['a whole segment', '坚持', [[0, 0, 2]]],
    ['two segments: 六个<b>精准</b>, skipping an empty one', '六个精准', [[1, 0, 2], [3, 0, 2]]],
    ['parts of three segments', '持六个精准扶', [[0, 1, 2], [1, 0, 2], [3, 0, 2], [4, 0, 1]]],
    ['starting right after an empty segment', '精准扶贫', [[3, 0, 2], [4, 0, 2]]],
  ])('%s', (_name, term, expected) => {
    const start = text.indexOf(term);
    const pieces = locate({ start, end: start + term.length }, starts);
    expect(pieces.map((p) => [p.segment, p.start, p.end])).toEqual(expected);
    expect(pieces.map(pieceText).join('')).toBe(term);
  });

  it.each([
    ['empty', 3, 3],
    ['reversed', 4, 2],
    ['past the end', 10, 20],
    ['negative', -1, 2],
  ])('returns no pieces for a %s range', (_name, start, end) => {
    expect(locate({ start, end }, starts)).toEqual([]);
  });
});
