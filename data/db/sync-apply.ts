// Applies another device's sync file to this store (docs/sync.md), in one transaction with the read
// position: a file is applied wholly or not at all. Ratings are stored once (by uid); the cards they
// touch are replayed with ts-fsrs from their whole merged history; fields and settings are
// last-writer-wins per register.
import type { CardRow, HistoryRow, ReviewLogRow, TifaDB } from './schema';
import { logsOfCards, logTables, studiedCardIds } from './logs';
import { getSettings } from './repo';
import { withFsrs } from './cards';
import { validateSettings, type StudySettings } from '../srs/settings';
import { addToRanges, inRanges, replayCard, wins, type IdRanges } from '../sync/replay';
import type { CardField, SyncFile, SyncOp } from '../sync/format';
import { printOf, readSelf, writeSelf, type SyncPeer, type SyncSelf } from './sync-state';
import { applyDocument, applyDocumentDeleted, documentTables } from './sync-docs';
import { markRecompute, RECOMPUTE_KEY } from './fsrs-recompute';
import { WEIGHTS_KEY } from './fsrs-params';

export interface ApplyCounts {
  reviews: number;
  undos: number;
  edits: number;
  settings: number;
  documents: number;
}

/** Settings that change how ratings turn into intervals: a change replays every studied card. */
export const SCHEDULING_KEYS: ReadonlySet<string> = new Set([
  'desiredRetention',
  'maximumInterval',
  'enableFuzz',
  'learningSteps',
  'relearningSteps',
  'leechThreshold',
]);

/**
 * This device's own bookkeeping, kept in the settings table but never sent nor taken from another
 * device: a recomputation pending here is not done because another device finished its own.
 */
export const LOCAL_SETTING_KEYS: ReadonlySet<string> = new Set([RECOMPUTE_KEY]);

export const noCounts = (): ApplyCounts => ({ reviews: 0, undos: 0, edits: 0, settings: 0, documents: 0 });

const sameProgress = (a: CardRow, b: CardRow) =>
  a.leech === b.leech && a.suspended === b.suspended && JSON.stringify(a.fsrs) === JSON.stringify(b.fsrs);

/**
 * Recomputes the given cards from their merged ratings and records their new fingerprints in `self`.
 * Runs inside the caller's transaction (cards, reviewLogs).
 */
export async function replayCards(
  db: TifaDB,
  self: SyncSelf,
  cardIds: Iterable<string>,
  settings: StudySettings,
): Promise<void> {
  const ids = [...new Set(cardIds)];
  if (!ids.length) return;
  const cards = (await db.cards.bulkGet(ids)).filter((c): c is CardRow => !!c);
  const byCard = await logsOfCards(
    db,
    cards.map((c) => c.id),
  );
  const changed: CardRow[] = [];
  for (const card of cards) {
    const { state, leech } = replayCard(byCard.get(card.id) ?? [], settings, {
      created: card.addedAt,
      reset: self.resets[card.id] === undefined ? undefined : new Date(self.resets[card.id]),
    });
    const next = withFsrs(card, state, leech, leech && !card.leech);
    // Writing a card costs index updates: only the ones the replay changed (on the device that gave
    // the ratings, usually none).
    if (!sameProgress(card, next)) changed.push(next);
    self.cards[card.id] = printOf(next);
  }
  if (changed.length) await db.cards.bulkPut(changed);
}

/** The local ids of `device`'s ratings stored here, as ranges: read from the store the first time. */
async function receivedFrom(db: TifaDB, device: string, peer: SyncPeer | undefined): Promise<IdRanges> {
  if (peer?.received) return peer.received;
  const have = await db.reviewLogs.where('uid').between(`${device}/`, `${device}/\uffff`).toArray();
  return addToRanges(
    [],
    have.map((l) => Number(l.uid!.slice(device.length + 1))),
  );
}

/** Stores the ratings not stored yet (a file sent twice, after a lost answer, adds nothing). */
async function applyReviews(
  db: TifaDB,
  device: string,
  ops: Array<Extract<SyncOp, { t: 'review' }>>,
  received: IdRanges,
  touched: Set<string>,
): Promise<{ added: number; received: IdRanges }> {
  const fresh: ReviewLogRow[] = [];
  const ids: number[] = [];
  const seen = new Set<number>();
  for (const op of ops) {
    // A device sends only its own ratings: anything else in its folder is refused.
    if (!op.uid.startsWith(`${device}/`)) continue;
    const n = Number(op.uid.slice(device.length + 1));
    if (seen.has(n) || inRanges(received, n)) continue;
    seen.add(n);
    ids.push(n);
    const { id: _drop, ...log } = op.log;
    fresh.push({ ...log, uid: op.uid });
    touched.add(op.log.cardId);
  }
  if (fresh.length) await db.reviewLogs.bulkAdd(fresh);
  return { added: fresh.length, received: ids.length ? addToRanges(received, ids) : received };
}

/** Stores the imported histories not stored yet (by uid), each as its device sent it; returns the reviews added. */
async function applyHistories(
  db: TifaDB,
  device: string,
  ops: Array<Extract<SyncOp, { t: 'history' }>>,
  touched: Set<string>,
): Promise<number> {
  // A device sends only its own histories: anything else in its folder is refused.
  const mine = ops.filter((op) => op.uid.startsWith(`${device}/h`));
  if (!mine.length) return 0;
  const have = new Set(
    (
      await db.histories
        .where('uid')
        .anyOf(mine.map((op) => op.uid))
        .toArray()
    ).map((h) => h.uid),
  );
  const fresh = new Map<string, HistoryRow>();
  for (const op of mine) {
    if (have.has(op.uid) || fresh.has(op.uid)) continue;
    const { id: _drop, ...row } = op.history;
    fresh.set(op.uid, { ...row, uid: op.uid });
    touched.add(row.cardId);
  }
  if (fresh.size) await db.histories.bulkAdd([...fresh.values()]);
  return [...fresh.values()].reduce((n, h) => n + h.logs.length, 0);
}

async function applyField(db: TifaDB, op: Extract<SyncOp, { t: 'field' }>): Promise<boolean> {
  const card = await db.cards.get(op.card);
  if (!card) return false;
  if (op.field === 'suspended') {
    // Bringing a card back also clears its leech flag, as setSuspended does.
    await db.cards.update(op.card, op.value ? { suspended: 1 } : { suspended: 0, leech: false });
    return true;
  }
  const edited = { ...card.edited };
  const value = typeof op.value === 'string' ? op.value.trim() : '';
  if (!value || value === card[op.field]) delete edited[op.field];
  else edited[op.field] = value;
  await db.cards.update(op.card, { edited: Object.keys(edited).length ? edited : undefined });
  return true;
}

/** Cards waited for at most: a folder of hostile files cannot grow this device's bookkeeping without bound. */
const MAX_WAITING = 5_000;

/** Keeps an edit of a card this device does not have yet (its document has not arrived) until it does. */
function holdField(self: SyncSelf, op: Extract<SyncOp, { t: 'field' }>): void {
  const waiting = (self.waiting ??= {});
  if (!waiting[op.card] && Object.keys(waiting).length >= MAX_WAITING) return;
  waiting[op.card] = { ...waiting[op.card], [op.field]: op.value };
}

/** Applies the held edits whose cards have arrived (with this file or since); returns how many. */
async function applyWaiting(db: TifaDB, self: SyncSelf): Promise<number> {
  const waiting = self.waiting;
  if (!waiting) return 0;
  let applied = 0;
  const ids = Object.keys(waiting);
  const cards = await db.cards.bulkGet(ids);
  for (const [i, card] of cards.entries()) {
    if (!card) continue;
    for (const [field, value] of Object.entries(waiting[ids[i]]))
      if (await applyField(db, { t: 'field', card: card.id, field: field as CardField, value, at: new Date(0) }))
        applied++;
    self.cards[card.id] = printOf((await db.cards.get(card.id))!);
    delete waiting[ids[i]];
  }
  if (!Object.keys(waiting).length) delete self.waiting;
  return applied;
}

async function applySetting(db: TifaDB, op: Extract<SyncOp, { t: 'setting' }>, self: SyncSelf): Promise<boolean> {
  if (LOCAL_SETTING_KEYS.has(op.key)) return false;
  if (op.value === null) {
    await db.settings.delete(op.key);
    delete self.settings[op.key];
    return true;
  }
  // Only keys and values the settings form itself could write; anything else is ignored.
  const clamped = validateSettings({ [op.key]: op.value }) as unknown as Record<string, unknown>;
  if (!(op.key in clamped) || JSON.stringify(clamped[op.key]) !== JSON.stringify(op.value)) return false;
  await db.settings.put({ key: op.key, value: op.value });
  self.settings[op.key] = JSON.stringify(op.value);
  // Trained weights: every card's memory state is recomputed with them, as on the device that trained
  // them (due dates kept); lib/sync/run.ts runs it after the sync.
  if (op.key === WEIGHTS_KEY) await markRecompute(db, op.at);
  return true;
}

/** Applies the file and moves the read position of its device, in one transaction. */
export async function applySyncFile(db: TifaDB, file: SyncFile): Promise<ApplyCounts> {
  const counts = noCounts();
  await db.transaction('rw', [...documentTables(db), ...logTables(db), db.syncState], async () => {
    const self = (await readSelf(db))!;
    const peer = (await db.syncState.get(`peer:${file.device}`)) as SyncPeer | undefined;
    // Another window of this browser applied it already.
    if (peer && peer.seq >= file.seq) return;
    const touched = new Set<string>();
    const reviews = file.ops.filter((o) => o.t === 'review');
    const lastId = async () => ((await db.reviewLogs.orderBy(':id').lastKey()) as number | undefined) ?? 0;
    // With no rating of this device's own waiting to be sent, the push need not look at these.
    const caughtUp = (await lastId()) <= self.logCursor;
    const got = await applyReviews(db, file.device, reviews, await receivedFrom(db, file.device, peer), touched);
    if (caughtUp && got.added) self.logCursor = await lastId();
    const histories = file.ops.filter((o) => o.t === 'history');
    counts.reviews = got.added + (await applyHistories(db, file.device, histories, touched));
    for (const op of file.ops) {
      const stamp = { at: 'at' in op ? op.at.getTime() : 0, device: file.device };
      if (op.t === 'undo') {
        const log = await db.reviewLogs.where('uid').equals(op.uid).first();
        if (!log) continue;
        await db.reviewLogs.delete(log.id!);
        touched.add(log.cardId);
        counts.undos++;
      } else if (op.t === 'document' || op.t === 'document-deleted') {
        const sid = op.t === 'document' ? op.doc.source.id : op.source;
        if (!wins(stamp, self.stamps[`doc|${sid}`])) continue;
        self.stamps[`doc|${sid}`] = stamp;
        if (op.t === 'document') await applyDocument(db, op.doc, self, touched);
        else if (!(await applyDocumentDeleted(db, sid, self))) continue;
        counts.documents++;
      } else if (op.t === 'reset') {
        if (stamp.at <= (self.resets[op.card] ?? 0)) continue;
        self.resets[op.card] = stamp.at;
        touched.add(op.card);
      } else if (op.t === 'field') {
        const key = `card|${op.card}|${op.field}`;
        if (!wins(stamp, self.stamps[key])) continue;
        self.stamps[key] = stamp;
        if (await applyField(db, op)) counts.edits++;
        else holdField(self, op);
        const card = await db.cards.get(op.card);
        if (card) self.cards[op.card] = printOf(card);
      } else if (op.t === 'setting') {
        const key = `setting|${op.key}`;
        if (!wins(stamp, self.stamps[key])) continue;
        self.stamps[key] = stamp;
        if (!(await applySetting(db, op, self))) continue;
        counts.settings++;
        if (SCHEDULING_KEYS.has(op.key)) for (const id of await studiedCardIds(db)) touched.add(id);
      }
    }
    counts.edits += await applyWaiting(db, self);
    await replayCards(db, self, touched, await getSettings(db));
    await writeSelf(db, self);
    await db.syncState.put({ key: `peer:${file.device}`, seq: file.seq, received: got.received });
  });
  return counts;
}
