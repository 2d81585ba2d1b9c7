// Sibling burying (data/srs/siblings.ts) looks answers up by their first two characters; here it is
// checked against the plain reading of its rule — a card is buried when its note was seen, when its
// answer is in a shown text, or when its shown text holds an earlier answer — on random cards.
import { describe, expect, it } from 'vitest';
import { Siblings, shownText, type Shown } from '@/data/srs/siblings';
import { seededRandom } from '@/data/quiz/random';

/** The rule as written: every answer against every text, one by one. */
class Reference {
  notes = new Set<string>();
  answers: string[] = [];
  texts: string[] = [];
  buried(c: Shown): boolean {
    const answer = (c.answer ?? '').replace(/\s+/g, '');
    const shown = (c.shown ?? '').replace(/\s+/g, '');
    return (
      this.notes.has(c.noteId) ||
      (answer.length >= 2 && this.texts.some((t) => t.includes(answer))) ||
      (shown.length > 0 && this.answers.some((a) => shown.includes(a)))
    );
  }
  add(c: Shown): void {
    this.notes.add(c.noteId);
    const answer = (c.answer ?? '').replace(/\s+/g, '');
    if (answer.length >= 2) this.answers.push(answer);
    const shown = (c.shown ?? '').replace(/\s+/g, '');
    if (shown) this.texts.push(shown);
  }
}

const ALPHABET = [...'脱贫攻坚两不愁三保障精准万人0123456789%年 '];

function randomCards(seed: number, n: number): Shown[] {
  const rand = seededRandom(seed);
  const word = (len: number) =>
    Array.from({ length: len }, () => ALPHABET[Math.floor(rand() * ALPHABET.length)]).join('');
  return Array.from({ length: n }, () => {
    const answer = word(1 + Math.floor(rand() * 4));
    return {
      noteId: `n${Math.floor(rand() * n * 2)}`,
      answer,
      shown: shownText(word(4 + Math.floor(rand() * 12)), answer, rand() < 0.5 ? [word(20)] : []),
    };
  });
}

describe('Siblings', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('buries exactly as the rule reads (seed %i)', (seed) => {
    const fast = new Siblings();
    const slow = new Reference();
    const cards = randomCards(seed, 300);
    const verdicts = cards.map((c) => {
      const [a, b] = [fast.buried(c), slow.buried(c)];
      if (!a) fast.add(c);
      if (!b) slow.add(c);
      return [a, b];
    });
    expect(verdicts.map(([a]) => a)).toEqual(verdicts.map(([, b]) => b));
    // Both outcomes occur, so the comparison says something.
    expect(new Set(verdicts.map(([a]) => a))).toEqual(new Set([true, false]));
  });

  it('finds an answer at the very end of a shown text, and not an answer only partly there', () => {
    const s = new Siblings([{ noteId: 'a', answer: '551万人', shown: '' }]);
    expect(s.buried({ noteId: 'b', answer: 'x', shown: shownText('从9899万人减到____', '551万人') })).toBe(true);
    expect(s.buried({ noteId: 'c', answer: 'y', shown: shownText('减到551万', '') })).toBe(false);
  });
});
