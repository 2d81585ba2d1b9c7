import { describe, expect, it } from 'vitest';
import { noteStates, type CardProgress } from '../../../data/match/term-states';

const card = (noteId: string, state: number, scheduledDays = 0, extra: Partial<CardProgress> = {}): CardProgress => ({
  noteId,
  state,
  scheduledDays,
  ...extra,
});

describe("noteStates: the colour of a note's terms on a page", () => {
  it.each<[string, CardProgress[], string | undefined]>([
    ['only new cards: new (absent)', [card('n', 0), card('n', 0)], undefined],
    ['a card in learning', [card('n', 1)], 'learning'],
    ['a card relearning after a lapse, another mature', [card('n', 2, 40), card('n', 3)], 'learning'],
    ['in review with a short interval', [card('n', 2, 6)], 'learning'],
    ['in review, 21 days or more', [card('n', 2, 21)], 'known'],
    ['mature plus unstudied siblings', [card('n', 0), card('n', 2, 30), card('n', 0)], 'known'],
    ['mature and immature review cards, in either order', [card('n', 2, 30), card('n', 2, 3)], 'learning'],
    ['immature first, then mature', [card('n', 2, 3), card('n', 2, 30)], 'learning'],
    ['asked for with 加入学习, not yet studied', [card('n', 0, 0, { wanted: true })], 'learning'],
    ['retired cards do not count', [card('n', 2, 30, { retired: true })], undefined],
    ['a card held back as 待核实 does not count', [card('n', 1, 0, { held: true })], undefined],
    [
      'held and studied siblings: the studied one counts',
      [card('n', 2, 30, { held: true }), card('n', 2, 30)],
      'known',
    ],
  ])('%s', (_name, cards, expected) => {
    expect(noteStates(cards).n).toBe(expected);
  });

  it('keeps notes apart', () => {
    expect(noteStates([card('a', 1), card('b', 2, 50), card('c', 0)])).toEqual({ a: 'learning', b: 'known' });
  });
});
