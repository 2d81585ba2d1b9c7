// Finds this device's changes since its last push by comparing the store with what sync recorded
// (docs/sync.md: no hooks in the code that rates, edits or resets), and records them as sent once
// the files are safely on the server.
import type { CardRow, HistoryRow, ReviewLogRow, TifaDB } from './schema';
import { logsOfCards, logTables, studiedCardIds } from './logs';
import { getSettings } from './repo';
import { addToRanges, rangesSize, removeFromRanges } from '../sync/replay';
import type { SyncOp } from '../sync/format';
import { getSyncSelf, printOf, readSelf, writeSelf, type CardPrint, type SyncSelf } from './sync-state';
import { LOCAL_SETTING_KEYS, replayCards, SCHEDULING_KEYS } from './sync-apply';
import { documentOps, documentTables } from './sync-docs';
import { cardEditKey, clearEdits, editedCards, readEdits, settingEditKey } from './sync-edits';

export interface Outgoing {
  ops: SyncOp[];
  /** The bookkeeping to store once every op is on the server. */
  next: SyncSelf;
  /** Local ids of the ratings sent, to be stamped with their uid. */
  logIds: number[];
  /** Local ids of the imported histories sent, likewise. */
  historyIds: number[];
  /** Cards whose own new ratings or resets are replayed, as the other devices will replay them. */
  touched: string[];
  /** The edit times read (sync-edits.ts), forgotten once sent. */
  edits: Record<string, number>;
  /** Every card was compared (not only the noted ones). */
  full: boolean;
}

const uidOf = (device: string, id: number) => `${device}/${id}`;
const historyUidOf = (device: string, id: number) => `${device}/h${id}`;

/** Every this many pushes, all cards are compared with what was last sent, not only the noted ones. */
export const FULL_SCAN_EVERY = 16;

async function undoneOwn(db: TifaDB, self: SyncSelf): Promise<number[]> {
  const prefix = `${self.device}/`;
  const present = await db.reviewLogs.where('uid').startsWith(prefix).count();
  if (present >= rangesSize(self.pushed)) return [];
  // Rare (a rating undone after it was sent): find which ones.
  const ids = new Set(await db.reviewLogs.where('uid').startsWith(prefix).primaryKeys());
  const gone: number[] = [];
  for (const [a, b] of self.pushed) for (let i = a; i <= b; i++) if (!ids.has(i)) gone.push(i);
  return gone;
}

/**
 * A change is stamped with the time the user made it (never later than now; unknown: now), and after
 * the register's stamp here: a change made after another computer's was applied here must win there
 * too, even if this computer's clock is behind.
 */
function stampOf(self: SyncSelf, edits: Record<string, number>, key: string, now: Date): Date {
  const made = edits[key] === undefined ? now.getTime() : Math.min(edits[key], now.getTime());
  const current = self.stamps[key];
  return new Date(current && current.device !== self.device ? Math.max(made, current.at + 1) : made);
}

function fieldOps(
  self: SyncSelf,
  id: string,
  was: CardPrint | undefined,
  now: CardPrint,
  edits: Record<string, number>,
  at: Date,
): SyncOp[] {
  const ops: SyncOp[] = [];
  const fields = [
    ['prompt', 0],
    ['answer', 1],
    ['suspended', 2],
  ] as const;
  for (const [field, i] of fields) {
    const before = was ? was[i] : field === 'suspended' ? 0 : null;
    if (before !== now[i])
      ops.push({ t: 'field', card: id, field, value: now[i], at: stampOf(self, edits, cardEditKey(id, field), at) });
  }
  return ops;
}

/**
 * 重置 (back to new) leaves no record of its own: a card was reset when it counts fewer reviews than
 * it has ratings since its last reset (an undone rating lowers both, so it is no reset).
 */
async function resetOps(db: TifaDB, self: SyncSelf, candidates: Map<string, Date>): Promise<SyncOp[]> {
  const ops: SyncOp[] = [];
  for (const [id, when] of candidates) {
    const card = await db.cards.get(id);
    if (!card) continue;
    const since = self.resets[id] ?? 0;
    const logs = (await logsOfCards(db, [id])).get(id) ?? [];
    const ratings = logs.filter((l) => l.rating >= 1 && l.review.getTime() >= since).length;
    if (ratings > card.fsrs.reps) ops.push({ t: 'reset', card: id, at: when });
  }
  return ops;
}

/** Everything this device changed since its last push, as ops, and the bookkeeping after sending them. */
export async function collectOutgoing(db: TifaDB, now: Date): Promise<Outgoing> {
  await getSyncSelf(db);
  return db.transaction('r', [...documentTables(db), ...logTables(db), db.syncState], async () => {
    const self = (await readSelf(db))!;
    const edits = await readEdits(db);
    // Documents first: a receiver then has the cards before their ratings and edits.
    const ops: SyncOp[] = await documentOps(db, self, now);
    const touched = new Set<string>();
    // Plain range reads (getAll), never a filtered cursor: cheap in every IndexedDB, fake ones too.
    const fresh: ReviewLogRow[] = (await db.reviewLogs.where(':id').above(self.logCursor).toArray()).filter(
      (l) => !l.uid,
    );
    const lastId = ((await db.reviewLogs.orderBy(':id').lastKey()) as number | undefined) ?? self.logCursor;
    // Imported histories before this device's own ratings, each once (a history is never changed).
    const histories: HistoryRow[] = (
      await db.histories
        .where(':id')
        .above(self.historyCursor ?? 0)
        .toArray()
    ).filter((h) => !h.uid);
    const lastHistory = ((await db.histories.orderBy(':id').lastKey()) as number | undefined) ?? 0;
    for (const row of histories) {
      const { id, uid: _none, ...plain } = row;
      ops.push({ t: 'history', uid: historyUidOf(self.device, id!), history: plain as HistoryRow });
      touched.add(row.cardId);
    }
    for (const log of fresh) {
      const { id, uid: _none, ...plain } = log;
      ops.push({ t: 'review', uid: uidOf(self.device, id!), log: plain as ReviewLogRow });
      touched.add(log.cardId);
    }
    // Every card once in a while (a safety net for a change no writer noted), else only the cards
    // rated, edited, suspended, reset or un-rated since the last push: reading 10,000 cards is the
    // slowest part of a daily sync.
    const full = (self.sinceScan ?? FULL_SCAN_EVERY) >= FULL_SCAN_EVERY;
    const hinted = editedCards(edits);
    for (const log of [...histories, ...fresh]) hinted.cards.add(log.cardId);
    const cards = full
      ? await db.cards.toArray()
      : (await db.cards.bulkGet([...hinted.cards])).filter((c): c is CardRow => !!c);
    self.sinceScan = full ? 1 : self.sinceScan! + 1;
    const gone = full || hinted.undo ? await undoneOwn(db, self) : [];
    for (const id of gone) ops.push({ t: 'undo', uid: uidOf(self.device, id), at: now });
    const firstNew = new Map<string, Date>();
    for (const log of fresh) if (log.state === 0 && !firstNew.has(log.cardId)) firstNew.set(log.cardId, log.review);
    const candidates = new Map<string, Date>();
    for (const card of cards) {
      const print = printOf(card);
      const was = self.cards[card.id];
      const fields = fieldOps(self, card.id, was, print, edits, now);
      for (const op of fields)
        if (op.t === 'field') self.stamps[`card|${card.id}|${op.field}`] = { at: op.at.getTime(), device: self.device };
      ops.push(...fields);
      // Rated as a new card though it was not new, or fewer reviews than before: perhaps a reset.
      const first = firstNew.get(card.id);
      if (was && !was[4] && (first || print[3] < was[3]))
        candidates.set(card.id, first ? new Date(first.getTime() - 1) : card.fsrs.due);
      self.cards[card.id] = print;
    }
    for (const op of await resetOps(db, self, candidates)) {
      ops.push(op);
      self.resets[(op as { card: string }).card] = (op as { at: Date }).at.getTime();
      touched.add((op as { card: string }).card);
    }
    for (const row of await db.settings.toArray()) {
      if (LOCAL_SETTING_KEYS.has(row.key)) continue;
      const json = JSON.stringify(row.value);
      if (self.settings[row.key] === json) continue;
      const at = stampOf(self, edits, settingEditKey(row.key), now);
      ops.push({ t: 'setting', key: row.key, value: row.value, at });
      self.settings[row.key] = json;
      self.stamps[`setting|${row.key}`] = { at: at.getTime(), device: self.device };
    }
    const present = new Set((await db.settings.toCollection().primaryKeys()) as string[]);
    for (const key of Object.keys(self.settings)) {
      if (present.has(key)) continue;
      const at = stampOf(self, edits, settingEditKey(key), now);
      ops.push({ t: 'setting', key, value: null, at });
      delete self.settings[key];
      self.stamps[`setting|${key}`] = { at: at.getTime(), device: self.device };
    }
    // New scheduling settings reschedule every studied card, here as on the devices that receive them.
    if (ops.some((op) => op.t === 'setting' && SCHEDULING_KEYS.has(op.key))) {
      for (const id of await studiedCardIds(db)) touched.add(id);
    }
    const logIds = fresh.map((l) => l.id!);
    self.pushed = removeFromRanges(addToRanges(self.pushed, logIds), new Set(gone));
    self.logCursor = Math.max(self.logCursor, lastId);
    self.historyCursor = Math.max(self.historyCursor ?? 0, lastHistory);
    const historyIds = histories.map((h) => h.id!);
    return { ops, next: self, logIds, historyIds, touched: [...touched], edits, full };
  });
}

/** After the files are on the server: stamp the sent ratings and store the bookkeeping. */
export async function commitOutgoing(db: TifaDB, out: Outgoing, seq: number): Promise<void> {
  await db.transaction('rw', [db.cards, ...logTables(db), db.settings, db.syncState], async () => {
    const next = { ...out.next, seq };
    await db.reviewLogs.bulkUpdate(out.logIds.map((id) => ({ key: id, changes: { uid: uidOf(next.device, id) } })));
    await db.histories.bulkUpdate(
      out.historyIds.map((id) => ({ key: id, changes: { uid: historyUidOf(next.device, id) } })),
    );
    // Replayed from the merged history, so this device holds exactly what the others will compute.
    await replayCards(db, next, out.touched, await getSettings(db));
    await writeSelf(db, next);
    await clearEdits(db, out.edits);
  });
}
