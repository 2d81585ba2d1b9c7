// Z undoes a rating for ten minutes after it was given, across popups; older ones are dropped.
import { describe, expect, it } from 'vitest';
import { recentUndo, UNDO_MINUTES, type KeptUndo } from '@/components/popup/undo-store';

const at = (minutesAgo: number, now: number): KeptUndo => ({
  cardId: `c${minutesAgo}`,
  logId: minutesAgo,
  fsrs: {} as KeptUndo['fsrs'],
  suspended: 0,
  leech: false,
  at: now - minutesAgo * 60_000,
});

describe('recentUndo', () => {
  const now = Date.UTC(2026, 11, 7, 8);

  it('keeps the ratings of the last ten minutes, oldest first', () => {
    expect(UNDO_MINUTES).toBe(10);
    const kept = recentUndo([at(30, now), at(10, now), at(9.9, now), at(1, now)], now);
    expect(kept.map((u) => u.cardId)).toEqual(['c9.9', 'c1']);
  });

  it('drops a rating stamped in the future (a clock set back) and keeps at most twenty', () => {
    expect(recentUndo([at(-1, now)], now)).toEqual([]);
    const many = Array.from({ length: 25 }, (_, i) => at(5 - i * 0.1, now));
    expect(recentUndo(many, now)).toHaveLength(20);
    expect(recentUndo(many, now).at(-1)).toEqual(many.at(-1));
  });
});
