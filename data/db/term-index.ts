// The term index content scripts match pages with, built from the notes in the store: the bundled
// deck and every imported document alike, so a note written later is highlighted too.
import { highlightTerms } from '../knowledge/highlight-terms';
import { buildTermIndex, type TermIndex } from '../match/index-terms';
import type { NoteRow, TifaDB } from './schema';

/**
 * Notes held back until checked (待核实) stay off pages. The one place that decides it: the
 * held-back flag is not in the schema yet; when it is, test it here (and nowhere else).
 */
export function isHeldBack(_note: NoteRow): boolean {
  return false;
}

/** Notes whose terms light up on pages: current (not retired by a deck update) and not held back. */
export function highlightedNotes(notes: readonly NoteRow[]): NoteRow[] {
  return notes.filter((n) => !n.retired && !isHeldBack(n));
}

/** The tables the index is made from: a write to any of them makes a cached index stale. */
export const TERM_INDEX_TABLES = ['notes'] as const;

export async function termIndexFromDb(db: TifaDB): Promise<TermIndex> {
  return buildTermIndex(highlightTerms(highlightedNotes(await db.notes.toArray())));
}
