// Imported documents in sync (docs/sync.md). A push sends each document imported or re-imported since
// the last one (noticed by its text's hash and import time, no hook in the importer) as a snapshot of
// its rows, and each one deleted; a pull writes them here. Progress never travels with a document: a
// card's FSRS state is replayed from its merged ratings, and a card this device already has keeps its
// own edits, suspension and history.
import type { CardRow, ConflictRow, TifaDB } from './schema';
import { DOCUMENT_BYTES, opBytes, type SyncOp } from '../sync/format';
import { documentPrint, type DocumentSnapshot } from '../sync/document';
import { newCardState } from '../srs/scheduler';
import { textHash } from '../knowledge/import-plan';
import { deleteDocument, detach } from './import';
import { withoutUserFields } from './deck-sync';
import type { SyncSelf } from './sync-state';

/** The tables a document's ops read and write (deleteDocument also edits the study session setting). */
export const documentTables = (db: TifaDB) => [db.sources, db.notes, db.cards, db.conflicts, db.texts, db.settings];

/** Ops for the documents imported, re-imported or deleted since the last push; updates `self`. */
export async function documentOps(db: TifaDB, self: SyncSelf, now: Date): Promise<SyncOp[]> {
  const ops: SyncOp[] = [];
  const docs = { ...self.docs };
  const stamp = { at: now.getTime(), device: self.device };
  const texts = await db.texts.toArray();
  for (const text of texts) {
    const print = documentPrint(text);
    if (docs[text.id] === print) continue;
    const source = await db.sources.get(text.id);
    if (!source) continue;
    const [notes, cards] = await Promise.all([
      db.notes.where('sourceIds').equals(text.id).toArray(),
      db.cards.where('sourceIds').equals(text.id).toArray(),
    ]);
    const conflicts = await db.conflicts
      .filter((c) => c.source === text.id || c.evidence.some((e) => e.source === text.id))
      .toArray();
    const op: SyncOp = { t: 'document', doc: { source, text, notes, cards, conflicts }, at: now };
    // Too large for one sync file (a real document is far smaller): it stays on this computer.
    if (opBytes(op) <= DOCUMENT_BYTES) ops.push(op);
    docs[text.id] = print;
    self.stamps[`doc|${text.id}`] = stamp;
  }
  const present = new Set(texts.map((t) => t.id));
  for (const sid of Object.keys(docs)) {
    if (present.has(sid)) continue;
    ops.push({ t: 'document-deleted', source: sid, at: now });
    delete docs[sid];
    self.stamps[`doc|${sid}`] = stamp;
  }
  self.docs = docs;
  return ops;
}

/** The deck's content of a card; what belongs to the user here (progress, edits, suspension) stays. */
function mergeCard(local: CardRow | undefined, remote: CardRow, sid: string): CardRow {
  if (local) {
    const content = withoutUserFields(remote);
    const row: CardRow = { ...local, ...content, origin: local.origin };
    if (!remote.conflicts) delete row.conflicts;
    if (!remote.held) delete row.held;
    return row;
  }
  // New here: it starts new at its own creation time; its ratings (received, or to come) are replayed.
  const fsrs = newCardState(remote.addedAt);
  const origin = remote.origin.startsWith('import:') ? remote.origin : `import:${sid}`;
  return { ...remote, origin, fsrs, due: fsrs.due, state: fsrs.state, leech: false, seen: { count: 0 } };
}

/** A conflict the user settled here stays settled. */
function mergeConflict(local: ConflictRow | undefined, remote: ConflictRow): ConflictRow {
  if (!local?.resolved) return remote;
  return { ...remote, resolved: local.resolved, choice: local.choice, resolvedAt: local.resolvedAt };
}

/**
 * Writes another device's document inside the caller's transaction (documentTables + syncState),
 * adding the cards to replay to `touched`. Rows this document no longer names lose its evidence, or
 * retire when it was their only one, as a re-import does.
 */
export async function applyDocument(
  db: TifaDB,
  doc: DocumentSnapshot,
  self: SyncSelf,
  touched: Set<string>,
): Promise<void> {
  const sid = doc.source.id;
  const owners = new Map((await db.sources.toArray()).map((s) => [s.id, s.origin]));
  owners.set(sid, doc.source.origin);
  // The hash finds a document imported twice: computed here, never taken from the file.
  const text = { ...doc.text, hash: textHash(doc.text.text) };
  await db.sources.put(doc.source);
  await db.texts.put(text);

  const noteIds = new Set(doc.notes.map((n) => n.id));
  const staleNotes = (await db.notes.where('sourceIds').equals(sid).toArray()).filter((n) => !noteIds.has(n.id));
  await db.notes.bulkPut([
    ...doc.notes,
    ...staleNotes.map((n) => detach(n, sid, owners) ?? { ...n, retired: 1 as const }),
  ]);

  const cardIds = new Set(doc.cards.map((c) => c.id));
  const local = await db.cards.bulkGet(doc.cards.map((c) => c.id));
  const staleCards = (await db.cards.where('sourceIds').equals(sid).toArray()).filter((c) => !cardIds.has(c.id));
  await db.cards.bulkPut([
    ...doc.cards.map((c, i) => mergeCard(local[i], c, sid)),
    ...staleCards.map((c) => detach(c, sid, owners) ?? { ...c, retired: 1 as const }),
  ]);
  for (const id of cardIds) touched.add(id);

  const localConflicts = await db.conflicts.bulkGet(doc.conflicts.map((c) => c.id));
  await db.conflicts.bulkPut(doc.conflicts.map((c, i) => mergeConflict(localConflicts[i], c)));
  self.docs = { ...self.docs, [sid]: documentPrint(text) };
}

/** 删除 on another device: the same removal here (review logs stay). */
export async function applyDocumentDeleted(db: TifaDB, sid: string, self: SyncSelf): Promise<boolean> {
  const docs = { ...self.docs };
  delete docs[sid];
  self.docs = docs;
  if (!(await db.sources.get(sid))) return false;
  await deleteDocument(db, sid);
  return true;
}
