// A document's figure clozes, by answer: what the tests of figure prompts ask of a constructed text.
import { buildDeck } from '@/data/knowledge/deck';

/** The deck of `text`, its figure clozes, and the prompts that ask for a given answer. */
export function figureAsker(text: string, file = 'digest.txt') {
  const deck = buildDeck([{ file, text }]);
  const cards = deck.cards.filter((c) => c.kind === 'figure-cloze');
  const asked = (answer: string) => cards.filter((c) => c.answer === answer).map((c) => c.prompt);
  return { deck, cards, asked };
}
