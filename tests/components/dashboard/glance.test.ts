import { describe, expect, it } from 'vitest';
import {
  addDays,
  FIRST_CARD,
  formatDuration,
  monthLabels,
  ratingCounts,
  retentionInWords,
  studyStreak,
  timeByDay,
  timeSpent,
  weekStart,
} from '@/components/dashboard/glance';
import { heatmapCells } from '@/data/srs/metrics';

describe('studyStreak', () => {
  it('counts days in a row ending today', () => {
    expect(studyStreak(['2025-02-27', '2025-02-28', '2025-03-01'], '2025-03-01')).toBe(3);
  });
  it('keeps yesterday’s streak alive before today’s review, and stops at a gap', () => {
    expect(studyStreak(['2025-02-25', '2025-02-27', '2025-02-28'], '2025-03-01')).toBe(2);
  });
  it('is 0 after a missed day', () => {
    expect(studyStreak(['2025-02-27'], '2025-03-01')).toBe(0);
    expect(studyStreak([], '2025-03-01')).toBe(0);
  });
  it('crosses month and year ends', () => {
    expect(studyStreak(['2024-12-31', '2025-01-01'], '2025-01-01')).toBe(2);
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('time spent', () => {
  const at = (h: number, m: number, s = 0) => new Date(2025, 2, 3, h, m, s); // Monday 3 March 2025
  it('sums the gaps between ratings, capped, with a fixed time for the first card of a session', () => {
    const byDay = timeByDay([at(9, 0, 0), at(9, 0, 20), at(9, 0, 50), at(9, 3, 0), at(20, 0, 0)], 4);
    // 15 s + 20 s + 30 s + 60 s (a 130 s gap, capped) + 15 s (a new session in the evening).
    expect(byDay.get('2025-03-03')).toBe(FIRST_CARD + 20_000 + 30_000 + 60_000 + FIRST_CARD);
  });
  it('puts a late-night review on the study day it belongs to', () => {
    const byDay = timeByDay([new Date(2025, 2, 4, 1, 0)], 4);
    expect([...byDay.keys()]).toEqual(['2025-03-03']);
  });
  it('adds up today and this week from Monday', () => {
    const byDay = new Map([
      ['2025-03-02', 600_000], // Sunday: last week
      ['2025-03-03', 120_000],
      ['2025-03-05', 300_000],
    ]);
    expect(weekStart('2025-03-05')).toBe('2025-03-03');
    expect(weekStart('2025-03-03')).toBe('2025-03-03');
    expect(weekStart('2025-03-09')).toBe('2025-03-03');
    expect(timeSpent(byDay, '2025-03-05')).toEqual({ today: 300_000, week: 420_000 });
  });
  it('reads in plain Chinese', () => {
    expect(formatDuration(0)).toBe('0 分钟');
    expect(formatDuration(20_000)).toBe('不到 1 分钟');
    expect(formatDuration(12 * 60_000)).toBe('12 分钟');
    expect(formatDuration(65 * 60_000)).toBe('1 小时 5 分钟');
    expect(formatDuration(120 * 60_000)).toBe('2 小时');
  });
});

describe('ratings and retention', () => {
  it('counts each button', () => {
    expect(ratingCounts([{ rating: 1 }, { rating: 3 }, { rating: 3 }, { rating: 4 }, { rating: 0 }])).toEqual([
      1, 0, 2, 1,
    ]);
  });
  it('says the retention in words', () => {
    expect(retentionInWords(0.914)).toBe('30 天记住率 91%');
    expect(retentionInWords(null)).toMatch(/暂无记住率/);
  });
});

describe('monthLabels', () => {
  it('labels the column where each month begins', () => {
    // 4 weeks up to Sunday 16 March 2025: the grid starts Monday 17 February.
    const cells = heatmapCells([], '2025-03-16', 4);
    expect(cells[0].day).toBe('2025-02-17');
    // 1 March is the 13th cell: column 1. February (only 12 days in sight) is left unlabelled.
    expect(monthLabels(cells)).toEqual([{ column: 1, label: '3月' }]);
  });
  it('labels a partial first month when the next month is far enough', () => {
    const cells = heatmapCells([], '2025-03-30', 8);
    expect(cells[0].day).toBe('2025-02-03');
    expect(monthLabels(cells)).toEqual([
      { column: 0, label: '2月' },
      { column: 3, label: '3月' },
    ]);
  });
});
