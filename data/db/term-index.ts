// The term index content scripts match pages with, built from the notes in the store: the bundled
// deck and every imported document alike, so a note written later is highlighted too.
import { HIGHLIGHTED_KINDS, highlightTerms } from '../knowledge/highlight-terms';
import { buildTermIndex, type TermIndex } from '../match/index-terms';
import type { NoteRow, TifaDB } from './schema';
import { noteStates, type StudiedState } from '../match/term-states';
import { State } from '../srs/scheduler';
import { heldOnlyNotes } from './held';
import { heldBack } from '../knowledge/suspect';

/** Notes whose terms light up on pages: current (not retired by a deck update) and not held back (待核实). */
export function highlightedNotes(notes: readonly NoteRow[], held: ReadonlySet<string>): NoteRow[] {
  return notes.filter((n) => !n.retired && !held.has(n.id));
}

/** The tables the index is made from: a write to any of them makes a cached index stale. */
export const TERM_INDEX_TABLES = ['notes'] as const;

/**
 * The held-back notes (待核实) and a key naming them: a verdict on a held card is a write to `cards`,
 * which a cached index does not follow (every review writes there), so a cache compares this key,
 * a cheap indexed read of a few dozen held cards, and hands the set on to the rebuild.
 */
export async function heldNotes(db: TifaDB): Promise<{ held: Set<string>; key: string }> {
  const held = await heldOnlyNotes(db);
  return { held, key: [...held].sort().join(',') };
}

/** `held`: the held-back notes when the caller has read them already; `onRead` (benchmarks) hears when the notes have been read. */
export async function termIndexFromDb(
  db: TifaDB,
  opts: { held?: ReadonlySet<string>; onRead?: (at: number) => void } = {},
): Promise<TermIndex> {
  // Only the kinds that light up (by the kind index): figures, half the notes, are never read.
  // One range per kind (getAll on the index), not anyOf (a cursor that jumps between keys).
  const [notes, held] = await Promise.all([
    Promise.all(HIGHLIGHTED_KINDS.map((kind) => db.notes.where('kind').equals(kind).toArray())).then((x) => x.flat()),
    opts.held ?? heldOnlyNotes(db),
  ]);
  opts.onRead?.(performance.now());
  return buildTermIndex(highlightTerms(highlightedNotes(notes, held)));
}

/** Every note with a studied or asked-for card, and how far along it is: the colours of its terms on pages. */
export async function studiedNoteStates(db: TifaDB): Promise<Record<string, StudiedState>> {
  const [studied, wanted] = await Promise.all([
    db.cards.where('state').anyOf([State.Learning, State.Review, State.Relearning]).toArray(),
    db.cards.where('wanted').aboveOrEqual(0).toArray(),
  ]);
  return noteStates(
    [...studied, ...wanted].map((c) => ({
      noteId: c.noteId,
      state: c.fsrs.state,
      scheduledDays: c.fsrs.scheduled_days,
      retired: c.retired === 1,
      wanted: c.wanted !== undefined,
      held: heldBack(c),
    })),
  );
}
