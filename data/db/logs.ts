// Every review a card has had, read as one history from the two places it is kept: Tifa's own
// ratings (`reviewLogs`, one row each: undone, synced and counted one by one) and the histories an
// Anki import brought (`histories`, one row per card per import, never changed). Every reader of
// the review log goes through here; a transaction that reads it includes both tables (logTables).
// Inside a caller's transaction only Dexie's own promises keep it open (Dexie.Promise.all, then): a native
// Promise.all between two reads lets the browser commit it before the caller's next read (the popup's
// 学习会 read failed so).
import Dexie from 'dexie';
import type { HistoryRow, ReviewLogRow, TifaDB } from './schema';
import { MAX_HISTORY_LOGS } from './records-study';

export const logTables = (db: TifaDB) => [db.reviewLogs, db.histories];

/** A history row's reviews as review-log rows (with the card's ids; only Tifa's own ratings have `id`). */
export function entriesOf(row: HistoryRow): ReviewLogRow[] {
  return row.logs.map((log) => ({ ...log, cardId: row.cardId, noteId: row.noteId }));
}

const byReview = (a: ReviewLogRow, b: ReviewLogRow) => a.review.getTime() - b.review.getTime();

/** Reviews in [from, to) (or [from, to] when `toIncluded`), oldest first. */
export function logsBetween(db: TifaDB, from: Date, to: Date, toIncluded = false): Promise<ReviewLogRow[]> {
  const [t0, t1] = [from.getTime(), to.getTime()];
  const inside = (l: ReviewLogRow) => {
    const t = l.review.getTime();
    return t >= t0 && (toIncluded ? t <= t1 : t < t1);
  };
  // A history's reviews in the period: its newest is at or after `from`.
  return Dexie.Promise.all([
    db.reviewLogs.where('review').between(from, to, true, toIncluded).toArray(),
    db.histories.where('last').aboveOrEqual(from).toArray(),
  ]).then(([own, rows]) => (rows.length ? [...own, ...rows.flatMap(entriesOf).filter(inside)].sort(byReview) : own));
}

/** Each card's reviews, oldest first (cards without any are absent). Many cards: every row read once. */
export function logsOfCards(db: TifaDB, cardIds: Iterable<string>): Promise<Map<string, ReviewLogRow[]>> {
  const wanted = new Set(cardIds);
  const out = new Map<string, ReviewLogRow[]>();
  if (!wanted.size) return Dexie.Promise.resolve(out);
  const add = (l: ReviewLogRow) => {
    if (!wanted.has(l.cardId)) return;
    const list = out.get(l.cardId);
    if (list) list.push(l);
    else out.set(l.cardId, [l]);
  };
  // Range reads only (getAll): a few cards one by one, many cards by reading every row once.
  const ids = [...wanted];
  const own: Promise<ReviewLogRow[]> =
    ids.length > 300
      ? db.reviewLogs.toArray()
      : Dexie.Promise.all(ids.map((id) => db.reviewLogs.where('cardId').equals(id).toArray())).then((l) => l.flat());
  const rows: Promise<HistoryRow[]> =
    ids.length > 300 ? db.histories.toArray() : db.histories.where('cardId').anyOf(ids).toArray();
  return Dexie.Promise.all([own, rows]).then(([ownLogs, histories]) => {
    for (const row of histories) entriesOf(row).forEach(add);
    ownLogs.forEach(add);
    for (const list of out.values()) list.sort(byReview);
    return out;
  });
}

/** Every review, in no particular order. */
export function allLogs(db: TifaDB): Promise<ReviewLogRow[]> {
  return Dexie.Promise.all([db.reviewLogs.toArray(), db.histories.toArray()]).then(([own, rows]) =>
    rows.length ? [...own, ...rows.flatMap(entriesOf)] : own,
  );
}

/** How many reviews there are. */
export function countLogs(db: TifaDB): Promise<number> {
  return Dexie.Promise.all([db.reviewLogs.count(), db.histories.toArray()]).then(
    ([own, rows]) => own + rows.reduce((n, row) => n + row.logs.length, 0),
  );
}

/** The cards that have any review. */
export function studiedCardIds(db: TifaDB): Promise<string[]> {
  return Dexie.Promise.all([
    db.reviewLogs.orderBy('cardId').uniqueKeys(),
    db.histories.orderBy('cardId').uniqueKeys(),
  ]).then(([own, imported]) => [...new Set([...(own as string[]), ...(imported as string[])])]);
}

/**
 * Histories for imported reviews, one row per card (oldest first; a card of more than MAX_HISTORY_LOGS
 * reviews in several rows), the logs stripped of the card's ids.
 */
export function historyRows(logs: readonly ReviewLogRow[]): HistoryRow[] {
  const byCard = new Map<string, ReviewLogRow[]>();
  for (const log of logs) {
    const list = byCard.get(log.cardId);
    if (list) list.push(log);
    else byCard.set(log.cardId, [log]);
  }
  return [...byCard].flatMap(([cardId, list]) => {
    const sorted = [...list].sort(byReview);
    const rows: HistoryRow[] = [];
    for (let at = 0; at < sorted.length; at += MAX_HISTORY_LOGS) {
      const part = sorted.slice(at, at + MAX_HISTORY_LOGS);
      const logs = part.map(({ cardId: _c, noteId: _n, id: _i, uid: _u, ...log }) => log);
      rows.push({ cardId, noteId: part[0].noteId, logs, last: part[part.length - 1].review });
    }
    return rows;
  });
}
