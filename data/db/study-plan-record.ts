// The 学习会 as stored: rows of the settings table, `cramUntil` (its date), `cramSources` (its
// documents) and, for a 学习资料包's session, `cramCards` (only these cards), which 冲刺 reads too — one session, one date. Validated here with valibot, for
// the form that saves it and for a backup's settings rows (old backups without it are whole).
// Nothing here reads or writes the database.
import * as v from 'valibot';
import type { SettingRow } from './schema';
import { PlanDate } from '../srs/plan-date';
import { MAX_PLAN_CARDS } from '../srs/settings';

export const PLAN_DATE_KEY = 'cramUntil';
export const PLAN_SOURCES_KEY = 'cramSources';
export const PLAN_CARDS_KEY = 'cramCards';

const MAX_SOURCES = 10_000;

/** A list of ids (documents, cards) of at most `max`, each a short non-empty string, duplicates dropped. */
const idList = (what: '文件' | '卡片', unit: '份' | '张', max: number) =>
  v.pipe(
    v.array(
      v.pipe(
        v.string(`学习会的${what}编号必须是文字`),
        v.minLength(1, `学习会的${what}编号不能为空`),
        v.maxLength(200, `学习会的${what}编号太长`),
      ),
      `学习会的${what}必须是列表`,
    ),
    v.maxLength(max, `学习会的${what}超过 ${max} ${unit}`),
    v.transform((ids) => [...new Set(ids)]),
  );

export const PlanSources = idList('文件', '份', MAX_SOURCES);

/** A 学习资料包's selection: the session covers only these cards of its documents. */
export const PlanCards = idList('卡片', '张', MAX_PLAN_CARDS);

export const StudyPlanInput = v.object(
  { date: v.optional(PlanDate), sourceIds: v.optional(PlanSources, []), cardIds: v.optional(PlanCards) },
  '学习会的设置必须是对象',
);

/** The first problem with a backup's 学习会 rows, in Chinese; undefined when they are fine or absent. */
export function studyPlanProblem(settings: SettingRow[]): string | undefined {
  for (const [key, schema] of [
    [PLAN_DATE_KEY, PlanDate],
    [PLAN_SOURCES_KEY, PlanSources],
    [PLAN_CARDS_KEY, PlanCards],
  ] as const) {
    const row = settings.find((r) => r.key === key);
    if (!row) continue;
    const result = v.safeParse(schema, row.value, { abortEarly: true });
    if (!result.success) return result.issues[0].message;
  }
  return undefined;
}
