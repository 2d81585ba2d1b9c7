// An imported document in the store: its preview checked against the deck, then the document and
// the cards the user chose written in ONE transaction (a failure or a closed tab leaves nothing),
// a newer version replacing it (same-content cards keep their progress, vanished ones retire with
// their history), and its removal (cards another document attests stay; review logs are kept).
import type { Card, Conflict, Deck, Evidence, Note, Source } from '../knowledge/types';
import { mergeEvidence } from '../knowledge/merge';
import { importSourceId, textHash } from '../knowledge/import-plan';
import { figureConflicts } from '../knowledge/import-conflicts';
import type { CardRow, ConflictRow, NoteRow, Origin, SourceRow, TifaDB } from './schema';
import { conflictRow, newCardRow, noteRow, refreshedCard, sourceIdsOf } from './deck-sync';
import { rethrowQuota, StoreError } from './errors';

/** What the preview shows and 加入学习 writes. */
export interface ImportPlan {
  source: Source;
  text: string;
  format: string;
  /** The deck built from this document alone (data/knowledge/deck.ts). */
  deck: Deck;
  /** Conflicts with documents already in the deck (figureConflicts). */
  conflicts: Conflict[];
}

export interface ImportCounts {
  added: number;
  kept: number;
  retired: number;
  removed: number;
}

export { importSourceId, textHash };
export const importOrigin = (sourceId: string): Origin => `import:${sourceId}`;

/** The document already in the store that this text (or this title and date) is, if any. */
export async function findImported(
  db: TifaDB,
  text: string,
  source: Pick<Source, 'title' | 'date'>,
): Promise<SourceRow | undefined> {
  const same = await db.texts.where('hash').equals(textHash(text)).first();
  if (same) return db.sources.get(same.id);
  return db.sources.filter((s) => s.title === source.title && (s.date ?? '') === (source.date ?? '')).first();
}

/** Conflicts between the new document's figures and the figure notes already in the store. */
export async function conflictsWithDeck(db: TifaDB, sourceId: string, deck: Deck): Promise<Conflict[]> {
  const notes = await db.notes
    .where('kind')
    .equals('figure')
    .filter((n) => !n.retired)
    .toArray();
  const subjects = new Set(deck.notes.map((n) => n.figure?.subject).filter(Boolean));
  const relevant = notes.filter((n) => subjects.has(n.figure?.subject));
  const cards = relevant.length
    ? await db.cards
        .where('noteId')
        .anyOf(relevant.map((n) => n.id))
        .filter((c) => !c.retired)
        .toArray()
    : [];
  const dates = new Map((await db.sources.toArray()).map((s) => [s.id, s.date]));
  const known = relevant.map((note) => ({
    note,
    cardIds: cards.filter((c) => c.noteId === note.id).map((c) => c.id),
    sourceDate: dates.get(note.evidence.find((e) => e.source !== sourceId)?.source ?? ''),
  }));
  return figureConflicts(sourceId, deck.sources[0]?.date, deck.notes, deck.cards, known);
}

type Attested = { evidence: Evidence[]; sourceIds: string[]; origin: Origin; retired: 0 | 1 };

const others = (row: { evidence: Evidence[] }, sid: string) => row.evidence.filter((e) => e.source !== sid);

/** A row this document stops attesting: kept for the other documents, else retired (re-import) or gone (删除). */
export function detach<T extends Attested>(row: T, sid: string, owners: Map<string, Origin>): T | null {
  const rest = others(row, sid);
  if (!rest.length) return null;
  const owner = owners.get(rest[0].source) ?? row.origin;
  return {
    ...row,
    evidence: rest,
    sourceIds: sourceIdsOf(rest),
    origin: row.origin === owners.get(sid) ? owner : row.origin,
  };
}

function union(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  const all = [...new Set([...(a ?? []), ...(b ?? [])])];
  return all.length ? all : undefined;
}

function attachCard(old: CardRow | undefined, card: Card, sid: string, origin: Origin, now: Date): CardRow {
  if (!old) return newCardRow(card, origin, now);
  const own = old.retired === 1 || old.origin === origin;
  const base = own ? { ...refreshedCard(old, card), origin: old.retired ? origin : old.origin } : old;
  const evidence = own
    ? mergeEvidence(card.evidence, old.retired ? [] : others(old, sid))
    : mergeEvidence(others(old, sid), card.evidence);
  const row: CardRow = { ...base, evidence, sourceIds: sourceIdsOf(evidence), retired: 0 };
  const conflicts = union(base.conflicts, card.conflicts);
  if (conflicts) row.conflicts = conflicts;
  return row;
}

function attachNote(old: NoteRow | undefined, note: Note, sid: string, origin: Origin): NoteRow {
  if (!old) return noteRow(note, origin);
  const own = old.retired === 1 || old.origin === origin;
  const evidence = own
    ? mergeEvidence(note.evidence, old.retired ? [] : others(old, sid))
    : mergeEvidence(others(old, sid), note.evidence);
  const base = own ? { ...noteRow(note, old.retired ? origin : old.origin) } : old;
  return { ...base, evidence, sourceIds: sourceIdsOf(evidence), retired: 0 };
}

const touches = (c: ConflictRow | Conflict, sid: string) =>
  c.source === sid || c.evidence.some((e) => e.source === sid);

/**
 * Writes the document and the chosen cards (with their notes and conflicts) in one transaction.
 * The document's earlier version, if any (same source id), is replaced: cards it no longer has
 * are retired with their history unless another document attests them.
 */
export async function writeImport(
  db: TifaDB,
  plan: ImportPlan,
  chosen: ReadonlySet<string>,
  now: Date,
): Promise<ImportCounts> {
  const sid = plan.source.id;
  const counts: ImportCounts = { added: 0, kept: 0, retired: 0, removed: 0 };
  const cards = plan.deck.cards.filter((c) => chosen.has(c.id));
  if (!cards.length) throw new StoreError('请至少选择一张卡片。', 'invalid');
  const noteIds = new Set(cards.map((c) => c.noteId));
  const cardIds = new Set(cards.map((c) => c.id));
  const conflicts = [...plan.deck.conflicts, ...plan.conflicts].filter(
    (c) =>
      (!c.notes?.length && !c.cards?.length) ||
      c.notes?.some((n) => noteIds.has(n)) ||
      c.cards?.some((id) => cardIds.has(id)),
  );
  // Each chosen card carries the conflicts that touch it; so do the other documents' cards.
  const conflictsOf = new Map<string, string[]>();
  for (const c of plan.conflicts)
    for (const id of c.cards ?? []) conflictsOf.set(id, [...(conflictsOf.get(id) ?? []), c.id]);
  try {
    await db.transaction('rw', [db.sources, db.notes, db.cards, db.conflicts, db.texts], async () => {
      const previous = await db.sources.get(sid);
      const origin = previous?.origin ?? importOrigin(sid);
      const owners = new Map((await db.sources.toArray()).map((s) => [s.id, s.origin]));
      owners.set(sid, origin);
      await db.sources.put({ ...plan.source, origin });
      await db.texts.put({
        id: sid,
        text: plan.text,
        hash: textHash(plan.text),
        format: plan.format,
        file: plan.source.file,
        importedAt: now,
      });

      const oldNotes = new Map((await db.notes.where('sourceIds').equals(sid).toArray()).map((n) => [n.id, n]));
      const notes = plan.deck.notes.filter((n) => noteIds.has(n.id));
      const existingNotes = await db.notes.bulkGet(notes.map((n) => n.id));
      const noteWrites = notes.map((n, i) => attachNote(existingNotes[i], n, sid, origin));
      for (const n of oldNotes.values()) {
        if (noteIds.has(n.id)) continue;
        noteWrites.push(detach(n, sid, owners) ?? { ...n, retired: 1 });
      }
      await db.notes.bulkPut(noteWrites);

      const oldCards = await db.cards.where('sourceIds').equals(sid).toArray();
      const existing = await db.cards.bulkGet(cards.map((c) => c.id));
      const cardWrites: CardRow[] = cards.map((card, i) => {
        const old = existing[i];
        if (old && !old.retired) counts.kept++;
        else counts.added++;
        const withConflicts = conflictsOf.has(card.id)
          ? { ...card, conflicts: union(card.conflicts, conflictsOf.get(card.id)) }
          : card;
        return attachCard(old, withConflicts, sid, origin, now);
      });
      for (const old of oldCards) {
        if (cardIds.has(old.id) || old.retired) continue;
        const kept = detach(old, sid, owners);
        if (!kept) counts.retired++;
        cardWrites.push(kept ?? { ...old, retired: 1 });
      }
      // The other documents' cards a new conflict touches carry its warning too.
      const touchedIds = [...conflictsOf.keys()].filter((id) => !cardIds.has(id));
      const touched = await db.cards.bulkGet(touchedIds);
      for (const row of touched)
        if (row) cardWrites.push({ ...row, conflicts: union(row.conflicts, conflictsOf.get(row.id)) });
      await db.cards.bulkPut(cardWrites);

      const oldConflicts = new Map(
        (await db.conflicts.filter((c) => touches(c, sid) || conflicts.some((n) => n.id === c.id)).toArray()).map(
          (c) => [c.id, c],
        ),
      );
      const conflictWrites = conflicts.map((c) =>
        conflictRow(c, oldConflicts.get(c.id)?.origin ?? origin, oldConflicts.get(c.id)),
      );
      for (const c of oldConflicts.values())
        if (!conflicts.some((n) => n.id === c.id) && !c.retired) conflictWrites.push({ ...c, retired: 1 });
      await db.conflicts.bulkPut(conflictWrites);
    });
  } catch (err) {
    rethrowQuota(err);
  }
  return counts;
}

/**
 * 删除: the document, its text, its conflicts, and its cards and notes unless another document
 * attests them (those lose only this document's evidence). Review logs stay, so a backup keeps them.
 */
export async function deleteDocument(db: TifaDB, sid: string): Promise<ImportCounts> {
  const counts: ImportCounts = { added: 0, kept: 0, retired: 0, removed: 0 };
  try {
    await db.transaction('rw', [db.sources, db.notes, db.cards, db.conflicts, db.texts, db.settings], async () => {
      const owners = new Map((await db.sources.toArray()).map((s) => [s.id, s.origin]));
      if (!owners.has(sid)) throw new StoreError('这份文件已不在学习中心里。', 'not-found');
      const gone = await db.conflicts.filter((c) => touches(c, sid)).primaryKeys();
      const goneSet = new Set(gone);
      const strip = <T extends { conflicts?: string[] }>(row: T): T => {
        if (!row.conflicts?.some((id) => goneSet.has(id))) return row;
        const rest = row.conflicts.filter((id) => !goneSet.has(id));
        const out = { ...row };
        if (rest.length) out.conflicts = rest;
        else delete out.conflicts;
        return out;
      };

      const notes = await db.notes.where('sourceIds').equals(sid).toArray();
      const keptNotes = notes.map((n) => detach(n, sid, owners)).filter((n): n is NoteRow => !!n);
      await db.notes.bulkDelete(notes.filter((n) => !keptNotes.some((k) => k.id === n.id)).map((n) => n.id));
      await db.notes.bulkPut(keptNotes);

      const cards = await db.cards.where('sourceIds').equals(sid).toArray();
      const keptCards: CardRow[] = [];
      const removed: string[] = [];
      for (const c of cards) {
        const kept = detach(c, sid, owners);
        if (kept) keptCards.push(strip(kept));
        else removed.push(c.id);
      }
      counts.kept = keptCards.length;
      counts.removed = removed.length;
      if (goneSet.size) {
        const done = new Set([...removed, ...keptCards.map((c) => c.id)]);
        const warned = await db.cards
          .filter((c) => !done.has(c.id) && !!c.conflicts?.some((id) => goneSet.has(id)))
          .toArray();
        keptCards.push(...warned.map(strip));
      }
      await db.cards.bulkDelete(removed);
      await db.cards.bulkPut(keptCards);
      await db.conflicts.bulkDelete(gone);
      await db.sources.delete(sid);
      await db.texts.delete(sid);
      // A study session's document list forgets it too; with none left the session is over (an empty
      // list would mean every document).
      const cram = await db.settings.get('cramSources');
      if (Array.isArray(cram?.value) && cram.value.includes(sid)) {
        const left = cram.value.filter((x) => x !== sid);
        if (left.length) await db.settings.put({ key: 'cramSources', value: left });
        else await db.settings.bulkDelete(['cramSources', 'cramUntil', 'cramCards']);
      }
    });
  } catch (err) {
    rethrowQuota(err);
  }
  return counts;
}
