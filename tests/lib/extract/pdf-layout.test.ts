// Reading order and joining on hand-placed runs (PDF units: y grows upwards, 12-point characters).
import { describe, expect, it } from 'vitest';
import { dropPageNumbers, joinPages, pageLines, type Run } from '@/lib/extract/pdf-layout';

const W = 300;
/** A run of CJK text at a line number (0 = top) starting at column x. */
const run = (line: number, x: number, s: string, size = 12): Run => ({
  x,
  y: 500 - line * 18,
  w: s.length * size,
  h: size,
  s,
});
const page = (runs: Run[]) => dropPageNumbers(pageLines(runs, W));

describe('pdf layout', () => {
  it('joins a paragraph’s lines and starts a new one at an indent', () => {
    const lines = page([
      run(0, 24, '一二三四五六七八九十一二三四五六七八九十'.slice(0, 18)),
      run(1, 0, '一二三四五六七八九十一二三四五六七八九十'),
      run(2, 0, '完。'),
      run(3, 24, '新的一段。'),
    ]);
    expect(joinPages([lines])).toBe(
      '一二三四五六七八九十一二三四五六七八一二三四五六七八九十一二三四五六七八九十完。\n新的一段。',
    );
  });

  it('keeps a blank line between pages where a paragraph ends, and drops page numbers', () => {
    const p1 = page([run(0, 24, '第一页的一段话到此结束。'), run(40, 130, '- 1 -')]);
    const p2 = page([run(0, 130, '2'), run(1, 24, '第二页的一段话。')]);
    expect(joinPages([p1, p2])).toBe('第一页的一段话到此结束。\n\n第二页的一段话。');
  });

  it('reads a two-column stretch column by column, under a full-width heading', () => {
    const left = (l: number, s: string) => run(l, 0, s);
    const right = (l: number, s: string) => run(l, 156, s);
    const lines = page([
      run(0, 0, '标题横跨两栏的一行字标题横跨两栏的一行字标题横跨'),
      left(1, '左一左一左一左一左一左'),
      right(1, '右一右一右一右一右一右'),
      left(2, '左二左二左二左二左二左'),
      right(2, '右二右二右二右二右二右'),
      left(3, '左三左三左三左三左三左'),
      right(3, '右三右三右三右三右三右'),
      left(4, '左四。'),
      right(4, '右四。'),
    ]);
    expect(lines.map((l) => l.text)).toEqual([
      '标题横跨两栏的一行字标题横跨两栏的一行字标题横跨',
      ...['左一', '左二', '左三'].map((s) => s.repeat(5) + s[0]),
      '左四。',
      ...['右一', '右二', '右三'].map((s) => s.repeat(5) + s[0]),
      '右四。',
    ]);
  });

  it('reads a two-column table row by row, keeping each figure beside its label', () => {
    const rows = [
      ['国内生产总值增长', '5%左右'],
      ['城镇新增就业', '1200万人以上'],
      ['城镇调查失业率', '5.5%左右'],
      ['居民消费价格涨幅', '2%左右'],
    ];
    const lines = page(rows.flatMap(([label, value], i) => [run(i, 0, label), run(i, 220, value)]));
    expect(lines.map((l) => l.text)).toEqual(rows.map(([label, value]) => `${label} ${value}`));
  });

  it('joins a hyphenated English word and spaces English words across a line break', () => {
    const lines = page([
      { x: 0, y: 500, w: 290, h: 12, s: 'the high-quality develop-' },
      { x: 0, y: 482, w: 290, h: 12, s: 'ment of the new' },
      { x: 0, y: 464, w: 60, h: 12, s: 'era.' },
    ]);
    expect(joinPages([lines])).toBe('the high-quality development of the new era.');
  });
});
