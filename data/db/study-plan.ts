// The 学习会 in the store: saved and cleared through the settings (study-plan-record.ts says how
// it is stored); today's share of it is read by plan-today.ts.
import * as v from 'valibot';
import type { TifaDB } from './schema';
import { getSettings, saveSettings, todayCounts } from './repo';
import { StoreError } from './errors';
import { StudyPlanInput } from './study-plan-record';
import { daysUntil, type PlanStatus, type StudyPlan } from '../srs/plan';
import { loadPlanToday } from './plan-today';

/**
 * Saves the session's date and documents (ids of documents no longer in the store are dropped), and
 * the cards when it covers only some of them (a 学习资料包's selection; a plan saved without them covers all).
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
  if (parsed.output.sourceIds.length && !sourceIds.length)
    throw new StoreError('选中的文件已被删除，请重新选择。', 'invalid');
  if (date === undefined && !sourceIds.length) {
    await clearStudyPlan(db);
    return undefined;
  }
  const cardIds = parsed.output.cardIds?.length ? parsed.output.cardIds : undefined;
  await saveSettings(db, {
    cramUntil: date,
    cramSources: sourceIds.length ? sourceIds : undefined,
    cramCards: cardIds,
  });
  const cards = cardIds ? { cardIds: new Set(cardIds) } : {};
  return date === undefined ? { sourceIds, ...cards } : { date, sourceIds, ...cards };
}

export async function clearStudyPlan(db: TifaDB): Promise<void> {
  await saveSettings(db, { cramUntil: undefined, cramSources: undefined, cramCards: undefined });
}

/** The 学习会's status now, for the pages that show it (the popup has it from loadToday). */
export async function loadPlanStatus(db: TifaDB, now: Date): Promise<PlanStatus | null> {
  const settings = await getSettings(db);
  const done = await todayCounts(db, now, settings.dayStartHour);
  return (await loadPlanToday(db, now, settings, done))?.status ?? null;
}
