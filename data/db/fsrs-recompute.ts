// Recomputes every studied card's memory state after the FSRS parameters changed (data/srs/memory.ts),
// in chunks of cards, each chunk one transaction that reads the cards and their logs and writes them
// back: a review saved meanwhile is never lost, and a run cut short leaves whole chunks done. A switch
// marks the store (RECOMPUTE_KEY, in the switch's own transaction) and only a run that completes clears
// the mark, so a closed page resumes the work the next time 优化参数 is opened.
import type { CardRow, TifaDB } from './schema';
import { getSettings } from './settings';
import { recomputedMemory } from '../srs/memory';
import { logsOfCards, logTables } from './logs';

export const RECOMPUTE_KEY = 'fsrsRecompute';
const CHUNK = 200;

/** Marks the store for a recomputation; call inside the transaction that switches the parameters. */
export async function markRecompute(db: TifaDB, now: Date): Promise<void> {
  await db.settings.put({ key: RECOMPUTE_KEY, value: { since: now.toISOString() } });
}

/** The pending mark (its time), if a switch has not been followed by a complete recomputation. */
export async function pendingRecompute(db: TifaDB): Promise<string | undefined> {
  const value = (await db.settings.get(RECOMPUTE_KEY))?.value as { since?: unknown } | undefined;
  return typeof value?.since === 'string' ? value.since : undefined;
}

export interface RecomputeCounts {
  /** Cards looked at (every card in the store). */
  cards: number;
  /** Cards whose stability or difficulty changed. */
  changed: number;
}

/**
 * Recomputes every card with the parameters in use now (read once, at the start). `onProgress`
 * after each chunk. Clears the mark `since` (if it is still the pending one) once every chunk is done.
 */
export async function recomputeMemoryStates(
  db: TifaDB,
  onProgress?: (done: number, total: number) => void,
  since?: string,
): Promise<RecomputeCounts> {
  const settings = await getSettings(db);
  const ids = (await db.cards.toCollection().primaryKeys()) as string[];
  const counts: RecomputeCounts = { cards: ids.length, changed: 0 };
  for (let at = 0; at < ids.length; at += CHUNK) {
    const chunk = ids.slice(at, at + CHUNK);
    await db.transaction('rw', [db.cards, ...logTables(db)], async () => {
      const cards = (await db.cards.bulkGet(chunk)).filter((c): c is CardRow => c !== undefined);
      const logs = await logsOfCards(
        db,
        cards.map((c) => c.id),
      );
      const changed = cards.flatMap((c) => {
        const m = recomputedMemory(c.fsrs, logs.get(c.id) ?? [], settings);
        if (!m || (m.stability === c.fsrs.stability && m.difficulty === c.fsrs.difficulty)) return [];
        return [{ ...c, fsrs: { ...c.fsrs, ...m } }];
      });
      await db.cards.bulkPut(changed);
      counts.changed += changed.length;
    });
    onProgress?.(Math.min(ids.length, at + CHUNK), ids.length);
  }
  if (since !== undefined)
    await db.transaction('rw', db.settings, async () => {
      if ((await pendingRecompute(db)) === since) await db.settings.delete(RECOMPUTE_KEY);
    });
  return counts;
}
