// Today's share of the 学习会, read for the queue (data/srs/plan.ts decides). Kept apart from the
// form's save code (study-plan.ts, valibot), so the popup loads only this.
import type { CardRow, TifaDB } from './schema';
import { toQueueCard } from './queue-card';
import { daysUntil, inPlan, planOf, planToday, type PlanStatus, type StudyPlan } from '../srs/plan';
import type { StudySettings } from '../srs/settings';

/** The session's cards: those of its documents (or every card when it names none), only its cards when it names them. */
async function readPlanCards(db: TifaDB, plan: StudyPlan): Promise<CardRow[]> {
  const all = plan.sourceIds.length
    ? db.cards.where('sourceIds').anyOf(plan.sourceIds).distinct()
    : db.cards.toCollection();
  // Filtered here, not in the query: a plain read is one getAll, a filtered one steps a cursor card by card.
  return (await all.toArray()).filter((c) => c.retired === 0 && (!plan.cardIds || inPlan(c, plan)));
}

export interface PlanToday {
  status: PlanStatus;
  /** The rows of status.todayIds, so the queue can take them without reading them again. */
  rows: CardRow[];
}

/** Today's share of the 学习会, or null with none (or once its day has passed: normal scheduling). */
export async function loadPlanToday(
  db: TifaDB,
  now: Date,
  settings: StudySettings,
  done: { newCardIds: string[]; reviewedNoteIds: string[] },
): Promise<PlanToday | null> {
  const plan = planOf(settings);
  if (!plan || (plan.date !== undefined && daysUntil(plan.date, now, settings) < 0)) return null;
  const rows = await readPlanCards(db, plan);
  const status = planToday(rows.map(toQueueCard), plan, now, settings, {
    introducedIds: new Set(done.newCardIds),
    reviewedNoteIds: new Set(done.reviewedNoteIds),
  });
  if (!status) return null;
  const want = new Set(status.todayIds);
  return { status, rows: rows.filter((c) => want.has(c.id)) };
}
