// Cards held back as 待核实: they rest on a document whose years disagree with the other documents.
// The user confirms each (it joins review like any other card) or discards it (it never shows).
import type { CardRow, TifaDB } from './schema';
import { heldOnlyNoteIds, type Verdict } from '../knowledge/suspect';
import { StoreError } from './errors';

/** Held cards still waiting for the user's decision, in the deck's order of importance. */
export async function listHeld(db: TifaDB): Promise<CardRow[]> {
  const rows = await db.cards
    .where('held')
    .above('')
    .filter((c) => !c.retired && c.verdict === undefined)
    .toArray();
  return rows.sort((a, b) => b.importance - a.importance || (a.id < b.id ? -1 : 1));
}

/** Records the user's decision; `null` puts the card back to 待核实. */
export async function setVerdict(db: TifaDB, id: string, verdict: Verdict | null): Promise<void> {
  const n = await db.cards.update(id, { verdict: verdict ?? undefined });
  if (!n) throw new StoreError('找不到这张卡片，可能已被删除。', 'not-found');
}

/** Notes whose every live card is held back or discarded: their terms are not highlighted on pages. */
export async function heldOnlyNotes(db: TifaDB): Promise<Set<string>> {
  const held = await db.cards.where('held').above('').toArray();
  const noteIds = [...new Set(held.map((c) => c.noteId))];
  if (!noteIds.length) return new Set();
  return heldOnlyNoteIds(
    await db.cards
      .where('noteId')
      .anyOf(noteIds)
      .filter((c) => !c.retired)
      .toArray(),
  );
}
