// Which cards a quiz asks about: by document, and "今天的薄弱项" by lowest retrievability.
import { describe, expect, it } from 'vitest';
import type { Card } from '@/data/knowledge/types';
import { seededRandom } from '@/data/quiz/random';
import { eligibleCards, selectCards, weakestFirst, type QuizCard } from '@/data/quiz/select';
import { newCardState, rate, Rating } from '@/data/srs/scheduler';
import { DEFAULT_SETTINGS } from '@/data/srs/settings';

const NOW = new Date(2025, 2, 10, 9);
const SETTINGS = { ...DEFAULT_SETTINGS, enableFuzz: false };
const day = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

const base = (id: string, extra: Partial<QuizCard> = {}): QuizCard => ({
  ...({
    id,
    noteId: `n-${id}`,
    kind: 'formulation-cloze',
    prompt: id,
    answer: id,
    evidence: [{ source: 's1', quote: id }],
    importance: 0.5,
  } as Card),
  fsrs: newCardState(day(30)),
  sourceIds: ['s1'],
  ...extra,
});

/** A card reviewed once `daysAgo` with `rating`: older and worse means less likely remembered. */
const reviewed = (id: string, daysAgo: number, rating: Rating.Good | Rating.Easy) =>
  base(id, { fsrs: rate(newCardState(day(daysAgo)), rating, day(daysAgo), SETTINGS).state });

describe('weakestFirst', () => {
  it('puts reviewed cards with the lowest retrievability first, then new cards by importance', () => {
    const cards = [
      base('new-low', { importance: 0.2 }),
      reviewed('easy-yesterday', 1, Rating.Easy),
      base('new-high', { importance: 0.9 }),
      reviewed('good-long-ago', 20, Rating.Good),
      reviewed('good-yesterday', 1, Rating.Good),
    ];
    expect(weakestFirst(cards, NOW, {}).map((c) => c.id)).toEqual([
      'good-long-ago',
      'good-yesterday',
      'easy-yesterday',
      'new-high',
      'new-low',
    ]);
  });
});

describe('eligibleCards', () => {
  it.each<[string, Partial<QuizCard>, string[] | undefined, boolean]>([
    ['a card of the chosen document', { sourceIds: ['s1', 's2'] }, ['s2'], true],
    ['a card of another document', { sourceIds: ['s1'] }, ['s2'], false],
    ['any card when no document is chosen', {}, undefined, true],
    ['a suspended card', { suspended: 1 }, undefined, false],
    ['a retired card', { retired: 1 }, undefined, false],
    ['a card without sourceIds, by its evidence', { sourceIds: undefined }, ['s1'], true],
  ])('%s', (_, extra, sourceIds, kept) => {
    expect(eligibleCards([base('x', extra)], { sourceIds })).toHaveLength(kept ? 1 : 0);
  });
});

describe('selectCards', () => {
  const cards = Array.from({ length: 30 }, (_, i) => base(`c${i}`, { importance: i < 5 ? 1 : 0.1 }));

  it('is the same order for the same seed', () => {
    const a = selectCards(cards, { mode: 'normal', now: NOW, settings: {}, rand: seededRandom(9) }).map((c) => c.id);
    expect(
      selectCards(cards, { mode: 'normal', now: NOW, settings: {}, rand: seededRandom(9) }).map((c) => c.id),
    ).toEqual(a);
    expect(a).toHaveLength(30);
  });

  it('favours important cards', () => {
    const first = selectCards(cards, { mode: 'normal', now: NOW, settings: {}, rand: seededRandom(1) })
      .slice(0, 10)
      .map((c) => c.id);
    expect(first.filter((id) => Number(id.slice(1)) < 5).length).toBeGreaterThanOrEqual(3);
  });

  it('keeps only cards that can become a chosen kind of question', () => {
    const got = selectCards(cards, {
      mode: 'weak',
      now: NOW,
      settings: {},
      rand: seededRandom(1),
      canAsk: (c) => c.id.endsWith('3'),
    });
    expect(got.map((c) => c.id)).toEqual(['c3', 'c13', 'c23']);
  });
});

describe('cards held back as 待核实', () => {
  it('are asked only once the user confirmed them; never when discarded', () => {
    const cards = [
      base('plain'),
      base('held', { held: 's3' }),
      base('confirmed', { held: 's3', verdict: 'confirmed' }),
      base('discarded', { held: 's3', verdict: 'discarded' }),
    ];
    expect(eligibleCards(cards, {}).map((c) => c.id)).toEqual(['plain', 'confirmed']);
    const picked = selectCards(cards, { mode: 'normal', now: NOW, settings: {}, rand: seededRandom(1) }).map(
      (c) => c.id,
    );
    expect(picked.sort()).toEqual(['confirmed', 'plain']);
  });
});
