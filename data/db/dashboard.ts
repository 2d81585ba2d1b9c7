// Reads and writes only the dashboard needs: a card's history, the review log over a period,
// and wiping the store (the bundled deck is then reinstalled; the user may import a backup).
import type { ReviewLogRow, TifaDB } from './schema';
import { logsOfCards } from './logs';
import type { Deck } from '../knowledge/types';
import { syncDeck } from './deck-sync';

/** Every rating of a card, newest first. */
export async function cardHistory(db: TifaDB, cardId: string): Promise<ReviewLogRow[]> {
  return [...((await logsOfCards(db, [cardId])).get(cardId) ?? [])].reverse();
}

/** Empties every table in one transaction: either all is gone or nothing is. */
export async function clearAllData(db: TifaDB, reinstall?: { deck: Deck; now: Date }): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
    // The bundled deck comes back in the same transaction: never an empty store in between.
    if (reinstall) await syncDeck(db, reinstall.deck, reinstall.now);
  });
}
