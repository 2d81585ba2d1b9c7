// Today's study, as the popup, the badge and the dashboard see it: one function so the three
// never disagree about the count.
import type { CardRow, TifaDB } from './schema';
import { getSettings, todayCounts } from './repo';
import { dayStart } from './stats';
import { buildQueue, dueCounts, forecast, type DueCounts, type QueueCard } from '../srs/queue';
import type { StudySettings } from '../srs/settings';

export interface Today {
  settings: StudySettings;
  /** Card ids to study now, in order. */
  queue: string[];
  counts: DueCounts;
  /** Reviews falling due tomorrow plus tomorrow's new cards. */
  tomorrow: number;
  /** Ratings given today. */
  doneToday: number;
}

export function toQueueCard(card: CardRow): QueueCard {
  return {
    id: card.id,
    noteId: card.noteId,
    importance: card.importance,
    suspended: card.suspended === 1,
    retired: card.retired === 1,
    state: card.fsrs,
    sourceIds: card.sourceIds,
  };
}

export async function loadToday(db: TifaDB, now: Date): Promise<Today> {
  const settings = await getSettings(db);
  const [rows, done] = await Promise.all([
    db.cards.where('retired').equals(0).toArray(),
    todayCounts(db, now, settings.dayStartHour),
  ]);
  const cards = rows.map(toQueueCard);
  const today = { newDone: done.newDone, reviewsDone: done.reviewsDone, reviewedNoteIdsToday: new Set(done.reviewedNoteIds) };
  const queue = buildQueue(cards, now, settings, today);
  const counts = dueCounts(cards, now, settings, today);
  const unseen = cards.filter((c) => !c.suspended && (c.state as { state?: number }).state === 0).length;
  const [, dueTomorrow = 0] = forecast(cards, now, 2, settings);
  const tomorrow = dueTomorrow + Math.min(settings.newPerDay, Math.max(0, unseen - counts.new));
  const doneToday = await db.reviewLogs.where('review').between(dayStart(now, settings.dayStartHour), now, true, true).count();
  return { settings, queue, counts, tomorrow, doneToday };
}
