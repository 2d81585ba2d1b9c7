// Writes an Anki import (lib/anki/read-rows.ts: rows already checked against records.ts) in ONE
// transaction: a failure or a closed tab leaves nothing. A card already in the store (the same Anki
// note imported before, or Tifa's own card exported to Anki and coming back) keeps its row; its
// progress is the newer of the two (the imported schedule only when its last review is later), and
// of the imported logs only the reviews the store lacks are added: a round trip never duplicates one.
// The reviews go in as histories, a card's in one row (schema v9): the browser's cost is per row.
import type { CardRow, NoteRow, ReviewLogRow, SourceRow, TifaDB } from './schema';
import { rethrowQuota, StoreError } from './errors';
import { historyRows, logsOfCards, logTables } from './logs';

export interface AnkiWrite {
  sources: SourceRow[];
  notes: NoteRow[];
  cards: CardRow[];
  logs: ReviewLogRow[];
}

export interface AnkiWriteCounts {
  documents: number;
  added: number;
  /** Cards already in the store (their progress merged). */
  existing: number;
  logs: number;
}

/** Two reviews of one card less than a second apart are the same review (Anki's revlog id is its ms, moved by one on a clash). */
const SAME_REVIEW_MS = 1000;

const lastReview = (c: CardRow) => c.fsrs.last_review?.getTime() ?? -Infinity;

/**
 * The imported logs the store does not hold yet: a card already in the store keeps its own logs and
 * gains only the reviews it lacks, as that card's; a card new to the store may still have reviews here
 * (its document was deleted, which keeps the history, and is now imported again): never twice.
 */
async function logsToAdd(db: TifaDB, old: Map<string, CardRow>, logs: ReviewLogRow[]): Promise<ReviewLogRow[]> {
  const held = await logsOfCards(
    db,
    logs.map((l) => l.cardId),
  );
  const isHeld = (l: ReviewLogRow) =>
    (held.get(l.cardId) ?? []).some((h) => Math.abs(h.review.getTime() - l.review.getTime()) < SAME_REVIEW_MS);
  return logs
    .filter((l) => !isHeld(l))
    .map((l) => (old.has(l.cardId) ? { ...l, noteId: old.get(l.cardId)!.noteId } : l));
}

export async function writeAnkiImport(db: TifaDB, rows: AnkiWrite): Promise<AnkiWriteCounts> {
  if (!rows.cards.length) throw new StoreError('所选卡组里没有可以导入的卡片，没有导入任何内容。', 'invalid');
  const counts: AnkiWriteCounts = { documents: 0, added: 0, existing: 0, logs: 0 };
  try {
    await db.transaction('rw', [db.sources, db.notes, db.cards, ...logTables(db)], async () => {
      const stored = await db.cards.bulkGet(rows.cards.map((c) => c.id));
      const old = new Map(stored.filter((c): c is CardRow => c !== undefined).map((c) => [c.id, c]));
      const fresh = rows.cards.filter((c) => !old.has(c.id));
      // Newer progress from Anki: the imported schedule (and suspension) on the stored row.
      const newer = rows.cards.flatMap((c) => {
        const prev = old.get(c.id);
        return prev && lastReview(c) > lastReview(prev) ? [{ ...prev, fsrs: c.fsrs, suspended: c.suspended }] : [];
      });
      // Notes and documents only as far as a new card needs them: a card coming home keeps its own.
      const usedNotes = new Set(fresh.map((c) => c.noteId));
      const usedSources = new Set(fresh.flatMap((c) => c.sourceIds));
      const wanted = rows.notes.filter((n) => usedNotes.has(n.id));
      const oldNotes = await db.notes.bulkGet(wanted.map((n) => n.id));
      // A note already in the store (another document's, or a retired one) keeps its evidence and gains this deck.
      const notes = wanted.map((n, i) => {
        const prev = oldNotes[i];
        if (!prev) return n;
        return { ...prev, retired: 0 as const, sourceIds: [...new Set([...prev.sourceIds, ...n.sourceIds])] };
      });
      const sources = rows.sources.filter((s) => usedSources.has(s.id));
      await db.sources.bulkPut(sources);
      await db.notes.bulkPut(notes);
      await db.cards.bulkAdd(fresh);
      await db.cards.bulkPut(newer);
      const logs = await logsToAdd(db, old, rows.logs);
      await db.histories.bulkAdd(historyRows(logs));
      counts.documents = sources.length;
      counts.added = fresh.length;
      counts.existing = old.size;
      counts.logs = logs.length;
    });
  } catch (err) {
    rethrowQuota(err);
  }
  return counts;
}
