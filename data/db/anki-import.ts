// Writes an Anki import (lib/anki/read-rows.ts: rows already checked against records.ts) in ONE
// transaction: a failure or a closed tab leaves nothing. A card already in the store (the same Anki
// note imported before) keeps its row and its progress; only the others and their logs are added.
import type { CardRow, NoteRow, ReviewLogRow, SourceRow, TifaDB } from './schema';
import { rethrowQuota, StoreError } from './errors';

export interface AnkiWrite {
  sources: SourceRow[];
  notes: NoteRow[];
  cards: CardRow[];
  logs: ReviewLogRow[];
}

export interface AnkiWriteCounts {
  documents: number;
  added: number;
  /** Cards already in the store, left as they were. */
  existing: number;
  logs: number;
}

export async function writeAnkiImport(db: TifaDB, rows: AnkiWrite): Promise<AnkiWriteCounts> {
  if (!rows.cards.length) throw new StoreError('所选卡组里没有可以导入的卡片，没有导入任何内容。', 'invalid');
  const counts: AnkiWriteCounts = { documents: rows.sources.length, added: 0, existing: 0, logs: 0 };
  try {
    await db.transaction('rw', [db.sources, db.notes, db.cards, db.reviewLogs], async () => {
      const old = await db.cards.bulkGet(rows.cards.map((c) => c.id));
      const fresh = rows.cards.filter((_, i) => !old[i]);
      const freshIds = new Set(fresh.map((c) => c.id));
      const oldNotes = await db.notes.bulkGet(rows.notes.map((n) => n.id));
      // A note already in the store (another document's, or a retired one) keeps its evidence and gains this deck.
      const notes = rows.notes.map((n, i) => {
        const prev = oldNotes[i];
        if (!prev) return n;
        return { ...prev, retired: 0 as const, sourceIds: [...new Set([...prev.sourceIds, ...n.sourceIds])] };
      });
      await db.sources.bulkPut(rows.sources);
      await db.notes.bulkPut(notes);
      await db.cards.bulkAdd(fresh);
      const logs = rows.logs.filter((l) => freshIds.has(l.cardId));
      await db.reviewLogs.bulkAdd(logs);
      counts.added = fresh.length;
      counts.existing = rows.cards.length - fresh.length;
      counts.logs = logs.length;
    });
  } catch (err) {
    rethrowQuota(err);
  }
  return counts;
}
