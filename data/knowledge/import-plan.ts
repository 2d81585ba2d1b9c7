// One imported document's own deck: the same engine as the bundled deck, run on its text alone.
// The source id is given (a new document's comes from its text; 重新导入 keeps the old one), so
// the card ids, which come from content, stay the same across versions and keep their progress.
import type { Card, Deck, Note, Source } from './types';
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
const PRESELECT_IMPORTANCE = 0.6;
/** However low their importance, this many of a document's best cards come ticked. */
const PRESELECT_AT_LEAST = 5;

/** A formulation the document names but does not list ("贯彻新发展理念"): its members came from the glossary. */
const listedByGlossary = (n: Note) =>
  n.kind === 'formulation' && !!n.provenance?.some((p) => p.part.startsWith('member:') && p.from === 'glossary');

/** Figures that label the meeting itself — which session (第二十届, 第四次), which day — not what it decided. */
const LABELS = new Set(['届次', '会议', '日期']);
const labelsMeeting = (n: Note) => n.kind === 'figure' && LABELS.has(n.figure?.subject ?? '');

/**
 * The cards the import preview ticks first: the headline items by importance, a short document's best few at
 * least, and on 重新导入 the cards the document already has (`current`). Of a formulation the document only names,
 * its list card alone: the member and cloze drills of 新发展理念 are not what a 公报 that mentions it teaches. A
 * figure that labels the meeting (中国共产党____中央委员会 → 第二十届) is ticked only to make up the best few.
 */
export function preselectedCards(deck: Pick<Deck, 'notes' | 'cards'>, current: ReadonlySet<string>): Set<string> {
  const named = new Set(deck.notes.filter(listedByGlossary).map((n) => n.id));
  const labels = new Set(deck.notes.filter(labelsMeeting).map((n) => n.id));
  const eligible = deck.cards.filter((c) => !named.has(c.noteId) || c.kind === 'formulation-list');
  const label = (c: Card) => (labels.has(c.noteId) ? 1 : 0);
  const best = [...eligible]
    .sort((a, b) => label(a) - label(b) || b.importance - a.importance)
    .slice(0, PRESELECT_AT_LEAST);
  const headline = eligible.filter((c) => !label(c) && c.importance >= PRESELECT_IMPORTANCE);
  const kept = deck.cards.filter((c) => current.has(c.id));
  return new Set([...best, ...headline, ...kept].map((c) => c.id));
}
