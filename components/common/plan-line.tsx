import type { PlanStatus } from '@/data/srs/plan';
import { percent } from './format';

/** 已掌握, said the same way wherever it is shown (popup, welcome page, 学习中心). */
export const MASTERED_HINT =
  '已掌握：学习会文件的卡片中，今天结束时你能回忆起的比例（按记忆模型估算，没学过的按 0 计），与学习中心“文件”页的准备程度算法相同。';

/** "距学习会还有 N 天 · 已掌握 X%", and "时间紧" when the days left are too few for the daily limit. */
export function PlanLine({ plan, newPerDay }: { plan: PlanStatus; newPerDay: number }) {
  if (plan.daysLeft === null) return null;
  return (
    <section className="plan-line" aria-label="学习会" data-testid="plan">
      <p title={MASTERED_HINT}>
        <strong data-testid="plan-countdown">
          {plan.daysLeft === 0 ? '今天是学习会' : `距学习会还有 ${plan.daysLeft} 天`}
        </strong>
        {' · '}
        <span data-testid="plan-mastered">
          {plan.mastered === null ? '学习会的文件里没有可学的卡片' : `已掌握 ${percent(plan.mastered)}`}
        </span>
      </p>
      {plan.tight ? (
        <p className="warning small" data-testid="plan-tight">
          时间紧：每天需学 {plan.perDay} 张新卡片（平时每天 {newPerDay} 张）
          {plan.crowded ? '，同一提法的几张卡片会排在同一天' : ''}。
        </p>
      ) : plan.unseen > 0 ? (
        <p className="muted small" data-testid="plan-pace">
          还有 {plan.unseen} 张没学过，
          {plan.daysLeft === 0 ? `今天学 ${plan.perDay} 张` : `每天学 ${plan.perDay} 张，学习会前学完`}。
        </p>
      ) : null}
    </section>
  );
}
