// The words of the 学习会 line ("距学习会还有 N 天 · 已掌握 X%" and its pace or warning), for the
// popup's line (plan-line.tsx) and the peek painted before the popup's scripts load
// (components/popup/peek-paint.ts): one wording, whichever draws it.
import type { PlanLineFigures } from '@/data/srs/plan';
import { percent } from './format';

/** 已掌握, said the same way wherever it is shown (popup, welcome page, 学习中心). */
export const MASTERED_HINT =
  '已掌握：学习会文件的卡片中，今天结束时你能回忆起的比例（按记忆模型估算，没学过的按 0 计），与学习中心“文件”页的准备程度算法相同。';

export interface PlanLineText {
  countdown: string;
  mastered: string;
  /** The second line: the pace, or 时间紧 (`tight`); none when every card was seen. */
  note?: { tight: boolean; text: string };
}

export function planLineText(plan: PlanLineFigures, newPerDay: number): PlanLineText {
  const countdown = plan.daysLeft === 0 ? '今天是学习会' : `距学习会还有 ${plan.daysLeft} 天`;
  const mastered = plan.mastered === null ? '学习会的文件里没有可学的卡片' : `已掌握 ${percent(plan.mastered)}`;
  if (plan.tight) {
    const crowded = plan.crowded ? '，同一提法的几张卡片会排在同一天' : '';
    return {
      countdown,
      mastered,
      note: { tight: true, text: `时间紧：每天需学 ${plan.perDay} 张新卡片（平时每天 ${newPerDay} 张）${crowded}。` },
    };
  }
  if (plan.unseen === 0) return { countdown, mastered };
  const pace = plan.daysLeft === 0 ? `今天学 ${plan.perDay} 张` : `每天学 ${plan.perDay} 张，学习会前学完`;
  return { countdown, mastered, note: { tight: false, text: `还有 ${plan.unseen} 张没学过，${pace}。` } };
}
