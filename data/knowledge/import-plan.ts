// One imported document's own deck: the same engine as the bundled deck, run on its text alone.
// The source id is given (a new document's comes from its text; 重新导入 keeps the old one), so
// the card ids, which come from content, stay the same across versions and keep their progress.
import type { Deck, Note, Source } from './types';
import { buildDeck } from './deck';

export interface ImportText {
  file: string;
  text: string;
  titleHint?: string;
  url?: string;
}

export function importDeck(doc: ImportText, sourceId: string): Deck {
  const deck = buildDeck([{ file: `${sourceId}.txt`, text: doc.text }]);
  const found = deck.sources[0];
  const source: Source = { ...found, id: sourceId, file: doc.file.replace(/^.*[\\/]/, '') || doc.file };
  // The engine's title is the first line unless it found a better one; a bare first line that is
  // the whole first paragraph (a pasted text without a heading) gives way to the container's title.
  if (doc.titleHint && (found.title.length > 60 || found.title === sourceId)) source.title = doc.titleHint.trim();
  if (doc.url) {
    source.url = doc.url;
    source.file = doc.url;
  }
  return { ...deck, sources: [source] };
}

/** The kind of note a card belongs to, for the preview's groups. */
export function noteKindOf(deck: Deck): Map<string, Note['kind']> {
  return new Map(deck.notes.map((n) => [n.id, n.kind]));
}

/** Cards the preview ticks first: the headline items, by importance. */
export const PRESELECT_IMPORTANCE = 0.6;
