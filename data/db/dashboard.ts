// Reads and writes only the dashboard needs: a card's history, the review log over a period,
// and wiping the store (the user then imports a backup, or the deck loads on the next update).
import Dexie from 'dexie';
import type { ReviewLogRow, TifaDB } from './schema';

/** Every rating of a card, newest first. */
export async function cardHistory(db: TifaDB, cardId: string): Promise<ReviewLogRow[]> {
  return db.reviewLogs
    .where('[cardId+review]')
    .between([cardId, Dexie.minKey], [cardId, Dexie.maxKey], true, true)
    .reverse()
    .toArray();
}

/** Ratings given in [from, to). */
export async function reviewLogsBetween(db: TifaDB, from: Date, to: Date): Promise<ReviewLogRow[]> {
  return db.reviewLogs.where('review').between(from, to, true, false).toArray();
}

/** Empties every table in one transaction: either all is gone or nothing is. */
export async function clearAllData(db: TifaDB): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
  });
}
