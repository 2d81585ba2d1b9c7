// Pure figures a cadre reads at a glance on #stats: streak, time spent, ratings per button,
// retention in words and the heatmap's month labels. Logs and day keys in, plain values out;
// the clock is always a parameter.
import { dayKey } from '@/data/srs/day';
import type { HeatCell } from '@/data/srs/metrics';

/** "YYYY-MM-DD" shifted by `days` calendar days (noon, so daylight saving never moves the date). */
export function addDays(key: string, days: number): string {
  const [y, m, d] = key.split('-').map(Number);
  return dayKey(new Date(y, m - 1, d + days, 12), 0);
}

/**
 * 连续学习天数: study days in a row with at least one review, ending today — or yesterday when
 * today has none yet, so the streak is not shown as broken before the day's review.
 */
export function studyStreak(days: Iterable<string>, today: string): number {
  const set = new Set(days);
  let day = set.has(today) ? today : addDays(today, -1);
  let n = 0;
  while (set.has(day)) {
    n++;
    day = addDays(day, -1);
  }
  return n;
}

/**
 * Review logs keep no duration (ts-fsrs logs only the moment of each rating), so time is
 * estimated from the gaps between ratings: a gap up to SESSION_GAP counts, at most
 * MAX_PER_CARD; a rating after a longer pause starts a session and counts FIRST_CARD.
 */
export const SESSION_GAP = 5 * 60_000;
export const MAX_PER_CARD = 60_000;
export const FIRST_CARD = 15_000;

/** Estimated milliseconds spent per study day, keyed like dayKey. */
export function timeByDay(reviews: Iterable<Date>, dayStartHour: number): Map<string, number> {
  const times = [...reviews].map((d) => d.getTime()).sort((a, b) => a - b);
  const out = new Map<string, number>();
  let prev = -Infinity;
  for (const t of times) {
    const gap = t - prev;
    const spent = gap <= SESSION_GAP ? Math.min(gap, MAX_PER_CARD) : FIRST_CARD;
    const key = dayKey(new Date(t), dayStartHour);
    out.set(key, (out.get(key) ?? 0) + spent);
    prev = t;
  }
  return out;
}

/** The Monday (as a day key) of the week that `today` falls in. */
export function weekStart(today: string): string {
  const [y, m, d] = today.split('-').map(Number);
  const back = (new Date(y, m - 1, d, 12).getDay() + 6) % 7;
  return addDays(today, -back);
}

/** Time spent today and since Monday of this week, in milliseconds. */
export function timeSpent(byDay: Map<string, number>, today: string): { today: number; week: number } {
  const monday = weekStart(today);
  let week = 0;
  for (const [day, ms] of byDay) if (day >= monday && day <= today) week += ms;
  return { today: byDay.get(today) ?? 0, week };
}

/** "不到 1 分钟", "12 分钟", "1 小时 5 分钟". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return ms > 0 ? '不到 1 分钟' : '0 分钟';
  if (minutes < 60) return `${minutes} 分钟`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} 小时 ${m} 分钟` : `${h} 小时`;
}

/** How often each button was pressed: index 0 = 重来 (rating 1) … 3 = 简单 (rating 4). */
export function ratingCounts(logs: Iterable<{ rating: number }>): [number, number, number, number] {
  const out: [number, number, number, number] = [0, 0, 0, 0];
  for (const { rating } of logs) if (rating >= 1 && rating <= 4) out[rating - 1]++;
  return out;
}

/** "30 天记住率 91%", or a plain sentence when there is nothing to measure yet. */
export function retentionInWords(rate: number | null, days = 30): string {
  return rate === null
    ? `最近 ${days} 天还没有到期复习的卡片，暂无记住率`
    : `${days} 天记住率 ${Math.round(rate * 100)}%`;
}

/** Month labels over the heatmap: the column (week) where each month's first day falls. */
export function monthLabels(cells: HeatCell[]): Array<{ column: number; label: string }> {
  const out: Array<{ column: number; label: string }> = [];
  cells.forEach((c, i) => {
    const [, m, d] = c.day.split('-').map(Number);
    const column = Math.floor(i / 7);
    if (d === 1 || i === 0) {
      // The grid's first partial month is labelled only if a full column is left before the next.
      if (i === 0 && d > 1 && cells.slice(0, 14).some((x) => x.day.endsWith('-01'))) return;
      out.push({ column, label: `${m}月` });
    }
  });
  return out;
}
