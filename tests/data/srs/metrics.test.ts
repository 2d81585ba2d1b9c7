import { cardFromHash } from '@/components/dashboard/use-hash';
import { describe, expect, it } from 'vitest';
import { backupFileName, heatmapCells, progressBySource, stateCounts, trueRetention } from '@/data/srs/metrics';
import type { CardRow } from '@/data/db/schema';
import type { Card } from '@/data/knowledge/types';
import { newCardState, rate, retrievability, Rating, State, type SrsState } from '@/data/srs/scheduler';
import { DEFAULT_SETTINGS } from '@/data/srs/settings';
import { planMastery } from '@/data/srs/plan';
import { toQueueCard } from '@/data/db/queue-card';
import { withFsrs } from '@/data/db/cards';
import { newCardRow } from '@/data/db/deck-sync';

const SETTINGS = { ...DEFAULT_SETTINGS, enableFuzz: false, dayStartHour: 4 };
const T0 = new Date(2025, 2, 1, 9, 0, 0);
const day = (n: number, h = 0) => new Date(T0.getTime() + n * 86_400_000 + h * 3_600_000);

function row(
  id: string,
  sourceIds: string[],
  fsrs: SrsState = newCardState(T0),
  extra: Partial<CardRow> = {},
): CardRow {
  const card = {
    id,
    noteId: id,
    kind: 'formulation-list',
    prompt: id,
    answer: id,
    evidence: [],
    importance: 0.5,
  } satisfies Card;
  return { ...withFsrs(newCardRow(card, 'bundled', T0), fsrs, false, false), sourceIds, ...extra };
}

/** A card rated Good twice: in review state, due some days later. */
const learned = () =>
  rate(rate(newCardState(T0), Rating.Good, T0, SETTINGS).state, Rating.Good, day(0, 0.2), SETTINGS).state;

describe('progressBySource', () => {
  it('counts cards per document and takes readiness as mean recall at the end of today, new cards as 0', () => {
    const s = learned();
    expect(s.state).toBe(State.Review);
    const cards = [
      row('a', ['d1'], s),
      row('b', ['d1', 'd2']),
      row('c', ['d1'], s, { suspended: 1 }), // counted, but not in readiness
      row('d', ['d1'], s, { retired: 1 }), // gone from the deck
    ];
    const p = progressBySource(cards, day(0, 1), SETTINGS);
    const endOfDay = new Date(2025, 2, 2, 4);
    const r = retrievability(s, endOfDay, SETTINGS);
    expect(r).toBeGreaterThan(0.9);
    expect(p.get('d1')).toEqual({ total: 3, studied: 2, new: 1, dueToday: 0, readiness: r / 2 });
    expect(p.get('d2')).toEqual({ total: 1, studied: 0, new: 1, dueToday: 0, readiness: 0 });
    expect(p.get('d3')).toBeUndefined();
  });

  it('counts a studied card due before the next day starts as due today', () => {
    const s = learned();
    const p = progressBySource([row('a', ['d1'], s)], new Date(s.due.getTime() - 3_600_000), SETTINGS);
    expect(p.get('d1')!.dueToday).toBe(1);
  });

  it('leaves 待核实 cards out of readiness, and equals the 学习会’s 已掌握 over one document', () => {
    const s = learned();
    const cards = [
      row('a', ['d1'], s),
      row('b', ['d1']),
      row('h', ['d1'], newCardState(T0), { held: 'd9' }),
      row('x', ['d2'], s),
    ];
    const readiness = progressBySource(cards, day(0, 1), SETTINGS).get('d1')!.readiness;
    expect(readiness).toBeCloseTo(retrievability(s, new Date(2025, 2, 2, 4), SETTINGS) / 2, 10);
    expect(
      planMastery(cards.map(toQueueCard), { date: '2025-03-10', sourceIds: ['d1'] }, day(0, 1), SETTINGS),
    ).toBeCloseTo(readiness!, 10);
  });

  it('gives no readiness to a document whose cards are all suspended', () => {
    expect(
      progressBySource([row('a', ['d1'], learned(), { suspended: 1 })], T0, SETTINGS).get('d1')!.readiness,
    ).toBeNull();
  });
});

describe('heatmapCells', () => {
  it('starts on a Monday, ends today and grades days against the busiest', () => {
    // 2025-03-05 is a Wednesday.
    const cells = heatmapCells(
      [
        { day: '2025-03-05', count: 8 },
        { day: '2025-03-03', count: 2 },
        { day: '2024-01-01', count: 99 },
      ],
      '2025-03-05',
      2,
    );
    expect(cells[0].day).toBe('2025-02-24');
    expect(cells[0].date.getDay()).toBe(1);
    expect(cells.at(-1)).toMatchObject({ day: '2025-03-05', count: 8, level: 4 });
    expect(cells).toHaveLength(7 + 3);
    expect(cells.find((c) => c.day === '2025-03-03')).toMatchObject({ count: 2, level: 1 });
    expect(cells.filter((c) => c.level === 0)).toHaveLength(8);
  });

  it('covers 26 weeks by default and works across a daylight-saving change', () => {
    const cells = heatmapCells([], '2025-11-02');
    expect(cells.length).toBeGreaterThan(25 * 7);
    expect(new Set(cells.map((c) => c.day)).size).toBe(cells.length);
    expect(cells.every((c) => c.level === 0)).toBe(true);
  });
});

describe('trueRetention', () => {
  it.each([
    [[], null],
    [[{ state: State.Learning, rating: 1 }], null],
    [
      [
        { state: State.Review, rating: 1 },
        { state: State.Review, rating: 2 },
        { state: State.Review, rating: 3 },
        { state: State.New, rating: 1 },
      ],
      2 / 3,
    ],
  ])('%j → %s', (logs, expected) => {
    expect(trueRetention(logs).rate).toBe(expected);
  });
});

describe('stateCounts', () => {
  it('counts each card once', () => {
    const s = learned();
    const cards = [
      row('a', []),
      row('b', [], s),
      row('c', [], s, { suspended: 1 }),
      row('d', [], s, { suspended: 1, leech: true }),
      row('e', [], s, { retired: 1 }),
    ];
    expect(stateCounts(cards)).toEqual({ new: 1, learning: 0, review: 1, suspended: 1, leech: 1, retired: 1 });
  });
});

describe('backupFileName', () => {
  it('uses the local date', () => {
    expect(backupFileName(new Date(2025, 0, 9, 23, 30))).toBe('tifa-backup-20250109.json');
  });
});

describe('cardFromHash', () => {
  it.each([
    ['#cards?card=figure:abc', 'figure:abc'],
    ['#cards', undefined],
    ['#cards?card=formulation-list%3A%E5%85%AD', 'formulation-list:六'],
    ['', undefined],
  ])('%s → %s', (hash, card) => {
    expect(cardFromHash(hash)).toBe(card);
  });
});
