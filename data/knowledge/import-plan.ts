// One imported document's own deck: the same engine as the bundled deck, run on its text alone.
// The source id is given (a new document's comes from its text; 重新导入 keeps the old one), so
// the card ids, which come from content, stay the same across versions and keep their progress.
import type { Deck, Source } from './types';
import { buildDeck } from './deck';
import { hash64 } from './merge';

export interface ImportText {
  file: string;
  text: string;
  titleHint?: string;
  url?: string;
}

/** Hash of a document's text, blind to whitespace: the same text imported twice is found by it. */
export const textHash = (text: string): string => hash64(text.replace(/\s+/g, ''));
/** A new document's id: from its text, so the same text is the same document. */
export const importSourceId = (text: string): string => `imp-${textHash(text)}`;

/** Sentences in a text, for the progress line. */
export const sentenceCount = (text: string): number =>
  text.split(/[。！？!?；;\n]+/).filter((s) => s.trim().length > 4).length;

export function importDeck(doc: ImportText, sourceId: string): Deck {
  const deck = buildDeck([{ file: `${sourceId}.txt`, text: doc.text }]);
  const found = deck.sources[0];
  const source: Source = { ...found, id: sourceId, file: doc.file.replace(/^.*[\\/]/, '') || doc.file };
  // The engine's title is the first line when it reads as one; a text that opens on prose (pasted without
  // its headline) has none and takes the container's title, or is left for the user to name in the preview.
  if (doc.titleHint && (!found.title || found.title.length > 60 || found.title === sourceId))
    source.title = doc.titleHint.trim();
  if (doc.url) {
    source.url = doc.url;
    source.file = doc.url;
  }
  return { ...deck, sources: [source] };
}

/** Cards the preview ticks first: the headline items, by importance. */
export const PRESELECT_IMPORTANCE = 0.6;
/** However low their importance, this many of a document's best cards come ticked. */
export const PRESELECT_AT_LEAST = 5;
