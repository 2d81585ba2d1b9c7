// The 学习会 in the store: saved and cleared through the settings (study-plan-record.ts says how
// it is stored), and today's share of it read for the queue (data/srs/plan.ts decides).
import * as v from 'valibot';
import type { CardRow, TifaDB } from './schema';
import { getSettings, saveSettings, todayCounts } from './repo';
import { StoreError } from './errors';
import { StudyPlanInput } from './study-plan-record';
import { daysUntil, planOf, planToday, type PlanStatus, type StudyPlan } from '../srs/plan';
import type { StudySettings } from '../srs/settings';
import { toQueueCard } from './queue-card';

/**
 * Saves the session's date and documents (ids of documents no longer in the store are dropped).
 * Without a date the documents are only studied first (先学这些文件); with neither, nothing is planned.
 */
export async function saveStudyPlan(db: TifaDB, input: unknown, now: Date): Promise<StudyPlan | undefined> {
  const parsed = v.safeParse(StudyPlanInput, input, { abortEarly: true });
  if (!parsed.success) throw new StoreError(parsed.issues[0].message, 'invalid');
  const { date } = parsed.output;
  if (date !== undefined && daysUntil(date, now, await getSettings(db)) < 0) {
    throw new StoreError('学习会日期已经过去，请选择今天或以后的日期。', 'invalid');
  }
  const known = new Set(await db.sources.toCollection().primaryKeys());
  const sourceIds = parsed.output.sourceIds.filter((id) => known.has(id));
  if (parsed.output.sourceIds.length && !sourceIds.length) throw new StoreError('选中的文件已被删除，请重新选择。', 'invalid');
  if (date === undefined && !sourceIds.length) {
    await clearStudyPlan(db);
    return undefined;
  }
  await saveSettings(db, { cramUntil: date, cramSources: sourceIds.length ? sourceIds : undefined });
  return date === undefined ? { sourceIds } : { date, sourceIds };
}

export async function clearStudyPlan(db: TifaDB): Promise<void> {
  await saveSettings(db, { cramUntil: undefined, cramSources: undefined });
}

/** The session's cards: those of its documents, or every card when it names none. */
function readPlanCards(db: TifaDB, plan: StudyPlan): Promise<CardRow[]> {
  const all = plan.sourceIds.length ? db.cards.where('sourceIds').anyOf(plan.sourceIds).distinct() : db.cards.toCollection();
  return all.filter((c) => c.retired === 0).toArray();
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

/** The 学习会's status now, for the pages that show it (the popup has it from loadToday). */
export async function loadPlanStatus(db: TifaDB, now: Date): Promise<PlanStatus | null> {
  const settings = await getSettings(db);
  const done = await todayCounts(db, now, settings.dayStartHour);
  return (await loadPlanToday(db, now, settings, done))?.status ?? null;
}
