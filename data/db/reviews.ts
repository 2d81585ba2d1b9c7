// Ratings: one transaction writes the card's new state and its review log; the last one can be undone.
import type { CardRow, TifaDB } from './schema';
import { rate, reviveState, type Grade, type SrsState } from '../srs/scheduler';
import type { StudySettings } from '../srs/settings';
import { StoreError, rethrowQuota } from './errors';
import { mustGet, withFsrs } from './cards';
import { cardEditKey, noteEdits } from './sync-edits';

/** Everything needed to put a card back exactly as it was before one rating. */
export interface ReviewUndo {
  cardId: string;
  logId: number;
  fsrs: SrsState;
  suspended: 0 | 1;
  leech: boolean;
}

export interface ReviewResult {
  card: CardRow;
  /** True when this rating made the card a leech (it is now suspended). */
  leech: boolean;
  undo: ReviewUndo;
}

export async function saveReview(
  db: TifaDB,
  cardId: string,
  rating: Grade,
  now: Date,
  settings: StudySettings,
): Promise<ReviewResult> {
  try {
    return await db.transaction('rw', db.cards, db.reviewLogs, async () => {
      const old = await mustGet(db, cardId);
      const { state, log, leech = false } = rate(old.fsrs, rating, now, settings);
      const card = withFsrs(old, state, leech, leech);
      await db.cards.put(card);
      const logId = await db.reviewLogs.add({ ...log, cardId, noteId: old.noteId });
      const undo: ReviewUndo = { cardId, logId, fsrs: old.fsrs, suspended: old.suspended, leech: old.leech };
      return { card, leech, undo };
    });
  } catch (err) {
    rethrowQuota(err);
  }
}

/**
 * Puts the card back as it was before the rating `prev` records, and removes that rating's log.
 * Only the card's latest rating can be undone: one a later review followed (a quiz, another
 * window) or one already undone is refused. `prev` may have been through JSON (storage.session).
 */
export async function undoLastReview(db: TifaDB, cardId: string, prev: ReviewUndo): Promise<void> {
  if (prev.cardId !== cardId) throw new StoreError('撤销的不是这张卡片的评分。', 'invalid');
  const fsrs = reviveState(prev.fsrs);
  await db.transaction('rw', db.cards, db.reviewLogs, db.syncState, async () => {
    await mustGet(db, cardId);
    const latest = await db.reviewLogs.where('cardId').equals(cardId).last();
    if (latest?.id !== prev.logId)
      throw new StoreError('这张卡片在那次评分之后又复习过，或那次评分已撤销，无法撤销。', 'invalid');
    await db.cards.update(cardId, {
      fsrs,
      due: fsrs.due,
      state: fsrs.state,
      suspended: prev.suspended,
      leech: prev.leech,
    });
    await db.reviewLogs.delete(prev.logId);
    // Sync sends the undo of a rating it sent already (sync-push.ts looks for it when told).
    await noteEdits(db, [cardEditKey(cardId, 'undo')], new Date());
  });
}
