// A card's text as shown, apart from the hover card's code (term-card.ts), so that the popup,
// which shows cards, does not load the glossary the hover card explains terms with.
import type { CardRow } from '../db/schema';

/** The prompt and answer to show: the user's edit wins over the deck's text. */
export function cardText(card: CardRow): { prompt: string; answer: string } {
  return { prompt: card.edited?.prompt ?? card.prompt, answer: card.edited?.answer ?? card.answer };
}
