// A 学习资料包's bundled documents on a member's computer (docs/pack.md): the organiser's edits of the
// chosen cards' question or answer arrive as the card's edit — the field the member's own edits use, so
// a bundled deck update never overwrites them — except a field the member edited: the member's own edit
// stays. The organiser's unedited deck text never overwrites the member's (whose deck may be newer).
// Progress, history and suspension are never touched; only the named bundled document's cards are.
import type { CardRow, TifaDB } from './schema';
import { BUNDLED } from './schema';
import { cardEditKey, noteEdits } from './sync-edits';
import type { BundledPackDoc } from '../pack/format';

type Field = 'prompt' | 'answer';
type Fields = { prompt?: string; answer?: string };
const FIELDS: Field[] = ['prompt', 'answer'];

/**
 * Writes the organiser's edits of `d`'s cards as their edits, inside the caller's transaction (cards,
 * syncState), field by field: a field whose edit is not what the pack wrote there (`written`, updated
 * here) is the member's own and stays. Returns the ids of the cards where a member's edit was kept over
 * a different organiser's text.
 */
export async function applyBundled(
  db: TifaDB,
  d: BundledPackDoc,
  written: Record<string, Fields>,
  now: Date,
): Promise<string[]> {
  const rows = await db.cards.bulkGet(d.cards.map((c) => c.id));
  const writes: CardRow[] = [];
  const keys: string[] = [];
  const kept: string[] = [];
  d.cards.forEach((c, i) => {
    const row = rows[i];
    // A hostile pack may name any id: only the named bundled document's own cards are edited.
    if (!row || row.origin !== BUNDLED || !row.sourceIds.includes(d.source.id)) return;
    const edited: Fields = { ...row.edited };
    const wrote: Fields = {};
    let keep = false;
    for (const f of FIELDS) {
      if (edited[f] !== undefined && edited[f] !== written[c.id]?.[f]) {
        keep ||= edited[f] !== c[f];
        continue;
      }
      // The organiser's edit; none where the organiser shows the deck's text (the member's deck may be newer).
      const theirs = c.edited?.includes(f) ? c[f] : undefined;
      if (theirs === undefined || theirs === row[f].trim()) delete edited[f];
      else edited[f] = wrote[f] = theirs;
      if (edited[f] !== row.edited?.[f]) keys.push(cardEditKey(row.id, f));
    }
    if (keep) kept.push(row.id);
    if (Object.keys(wrote).length) written[c.id] = wrote;
    else delete written[c.id];
    if (FIELDS.some((f) => edited[f] !== row.edited?.[f]))
      writes.push({ ...row, edited: Object.keys(edited).length ? edited : undefined });
  });
  await db.cards.bulkPut(writes);
  await noteEdits(db, keys, now);
  return kept;
}
