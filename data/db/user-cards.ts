// Cards a user makes: from text selected on a page, or "加入学习" on a highlighted term that has no
// card yet. Each is stored through syncDeck under an origin of its own, so no deck update retires it.
import type { Card, Deck, Evidence, Note, Source } from '../knowledge/types';
import type { SelectionCardRequest } from '../messages';
import type { TifaDB } from './schema';
import { syncDeck } from './deck-sync';
import { contentId } from '../knowledge/stable-id';

const BLANK = '＿＿＿＿';

/** A cloze card from a sentence on a page, the selection blanked out, the page as its source. */
export function selectionCard(input: SelectionCardRequest): { source: Source; note: Note; card: Card } | null {
  const sentence = input.sentence.replace(/\s+/g, ' ').trim();
  const selection = input.selection.replace(/\s+/g, ' ').trim();
  const at = sentence.indexOf(selection);
  if (!selection || at < 0 || selection === sentence) return null;
  const source: Source = {
    id: contentId('page', input.url),
    file: input.url,
    title: input.pageTitle.trim() || input.url,
    url: input.url,
  };
  const evidence: Evidence = { source: source.id, quote: sentence, marks: [[at, at + selection.length]] };
  const noteId = contentId('user', `${sentence}\u0000${selection}`);
  const note: Note = { id: noteId, kind: 'term', name: selection, evidence: [evidence], importance: 0.95 };
  const card: Card = {
    id: `${noteId}:cloze`,
    noteId,
    kind: 'user-cloze',
    prompt: sentence.slice(0, at) + BLANK + sentence.slice(at + selection.length),
    answer: selection,
    evidence: [evidence],
    importance: 0.95,
  };
  return { source, note, card };
}

/** A cloze card for a term that has only evidence: the term blanked out of its source sentence. */
export function termCard(note: Note): Card | null {
  const evidence = note.evidence.find((e) => e.quote.includes(note.name));
  if (!evidence) return null;
  const at = evidence.quote.indexOf(note.name);
  const quote = evidence.quote.replace(/\s+/g, '');
  const flatAt = quote.indexOf(note.name);
  return {
    id: `${note.id}:term-cloze`,
    noteId: note.id,
    kind: 'term-cloze',
    prompt: `填空：${quote.slice(0, flatAt)}${BLANK}${quote.slice(flatAt + note.name.length)}`,
    answer: note.name,
    evidence: [{ ...evidence, marks: [[at, at + note.name.length]] }],
    importance: Math.max(note.importance, 0.9),
  };
}

function miniDeck(sources: Source[], notes: Note[], cards: Card[]): Deck {
  return { version: 1, sources, notes, cards, conflicts: [], terms: [] };
}

export async function addSelectionCard(db: TifaDB, input: SelectionCardRequest, now: Date): Promise<Card | null> {
  const made = selectionCard(input);
  if (!made) return null;
  await syncDeck(db, miniDeck([made.source], [made.note], [made.card]), now, `user:${made.card.id}`);
  return made.card;
}

export async function addTermCard(db: TifaDB, noteId: string, now: Date): Promise<Card | null> {
  const note = await db.notes.get(noteId);
  if (!note) return null;
  const card = termCard(note);
  if (!card) return null;
  // The note and its sources are the deck's already: only the card is added.
  await syncDeck(db, miniDeck([], [], [card]), now, `user:${card.id}`);
  return card;
}
