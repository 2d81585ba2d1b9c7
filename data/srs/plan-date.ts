// The 学习会's day as stored and as published in a pack: one valibot schema, pure.
import * as v from 'valibot';

/** A real calendar day "YYYY-MM-DD" (2026-02-30 is refused: Date would roll it into March). */
export const PlanDate = v.pipe(
  v.string('学习会日期必须是日期'),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, '学习会日期必须写成“年-月-日”'),
  v.check((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= '2000-01-01' && s <= '2299-12-31';
  }, '学习会日期不是有效日期'),
);
