import type { PlanStatus } from '@/data/srs/plan';
import { MASTERED_HINT, planLineText } from './plan-text';

/** "距学习会还有 N 天 · 已掌握 X%", and "时间紧" when the days left are too few for the daily limit. */
export function PlanLine({ plan, newPerDay }: { plan: PlanStatus; newPerDay: number }) {
  if (plan.daysLeft === null) return null;
  const text = planLineText({ ...plan, daysLeft: plan.daysLeft }, newPerDay);
  return (
    <section className="plan-line" aria-label="学习会" data-testid="plan">
      <p title={MASTERED_HINT}>
        <strong data-testid="plan-countdown">{text.countdown}</strong>
        {' · '}
        <span data-testid="plan-mastered">{text.mastered}</span>
      </p>
      {text.note ? (
        <p
          className={text.note.tight ? 'warning small' : 'muted small'}
          data-testid={text.note.tight ? 'plan-tight' : 'plan-pace'}
        >
          {text.note.text}
        </p>
      ) : null}
    </section>
  );
}
