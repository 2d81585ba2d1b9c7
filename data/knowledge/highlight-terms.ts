// Which written forms of the notes light up on pages. Pure and free of the converter, so the
// service worker builds, from the notes in the store, exactly the terms the deck builder builds
// from the documents: the traditional forms travel with each note (Note.variants), made once
// when the deck is built.
import type { Note, Term } from './types';
import { hasMadeName } from '../glossary';

/** Shorter forms light up everywhere; longer ones are sentences, not terms. */
const MIN_TEXT = 2;
const MAX_TEXT = 24;

type Role = Term['role'];

/** The kinds of note whose texts light up on pages; figures never do. */
export const HIGHLIGHTED_KINDS: ReadonlyArray<Note['kind']> = ['formulation', 'term'];

/**
 * The texts of one note a reader may meet on a page, with the role each plays (none for figures). Not a
 * name the engine made (三个讲清楚: provenance `made`): a page that says it may mean another list.
 */
export function noteTexts(note: Note): Array<{ text: string; role: Role }> {
  if (note.kind === 'term') return [{ text: note.name.trim(), role: 'term' }];
  if (note.kind !== 'formulation') return [];
  const made = hasMadeName(note);
  const texts: Array<{ text: string; role: Role }> = [
    ...(made ? [] : [{ text: note.name, role: 'name' as const }]),
    ...(note.aliases ?? []).map((text) => ({ text, role: 'alias' as const })),
    ...(note.members ?? []).map((text) => ({ text, role: 'member' as const })),
  ];
  return texts.map(({ text, role }) => ({ text: text.trim(), role }));
}

export function highlightable(text: string): boolean {
  return text.length >= MIN_TEXT && text.length <= MAX_TEXT;
}

/**
 * Where one text belongs to several notes, the first claim wins: every name and alias before any
 * member, members before terms, and within a pass a later wording first, then the more important note (then the smaller id),
 * so the result does not depend on the order the notes are read in (deck or database).
 */
const PASSES: Array<{ kind: Note['kind']; roles: Role[] }> = [
  { kind: 'formulation', roles: ['name', 'alias'] },
  { kind: 'formulation', roles: ['member'] },
  { kind: 'term', roles: ['term'] },
];

export function highlightTerms(notes: readonly Note[]): Term[] {
  // A formulation in its later wording (四个全面 since 2020-10-29) leads over the earlier one of the same name.
  const later = (a: Note, b: Note) =>
    (b.since ?? '') > (a.since ?? '') ? 1 : (b.since ?? '') < (a.since ?? '') ? -1 : 0;
  const ordered = [...notes].sort(
    (a, b) => later(a, b) || b.importance - a.importance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const terms = new Map<string, Term>();
  for (const pass of PASSES) {
    for (const note of ordered) {
      if (note.kind !== pass.kind) continue;
      for (const { text, role } of noteTexts(note)) {
        if (!pass.roles.includes(role) || !highlightable(text) || terms.has(text)) continue;
        const variants = note.variants?.[text];
        terms.set(text, { text, ...(variants?.length ? { variants } : {}), noteId: note.id, role });
      }
    }
  }
  return [...terms.values()];
}
