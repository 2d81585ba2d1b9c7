// The peek's first card as painted before the popup's scripts load: the popup's words and classes,
// text only, no test ids (tests and users wait for the app's card), nothing without a card.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { paintPeek } from '../../../components/popup/peek-paint';
import { planLineText } from '../../../components/common/plan-text';
import type { Peek } from '../../../data/srs/peek';

const PEEK: Peek = {
  at: 0,
  until: 1,
  total: 12,
  new: 2,
  learning: 1,
  review: 9,
  doneToday: 4,
  card: { id: 'c1', prompt: '“四个不摘”是指哪四个？<img src=x onerror=alert(1)>' },
};

function root(): HTMLElement {
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  return document.getElementById('root') as unknown as HTMLElement;
}

describe('paintPeek', () => {
  it('paints the header, the prompt as text and the reveal button, with the popup’s classes', () => {
    const into = root();
    paintPeek(into, PEEK);
    expect(into.querySelector('.popup-header .due')?.textContent).toBe('今日待复习 12 张 新 2 · 学习 1 · 复习 9');
    const prompt = into.querySelector('.review-card .card-body .card-prompt');
    expect(prompt?.textContent).toBe(PEEK.card!.prompt);
    expect(into.querySelector('img')).toBeNull();
    expect(into.querySelector('button.primary.reveal')?.textContent).toBe('显示答案 空格');
    expect([...into.querySelectorAll('.popup-footer button')].map((b) => b.textContent)).toEqual([
      '撤销上一次评分',
      '学习会测验',
      '冲刺',
      '导入',
      '导入本页',
    ]);
    expect(into.querySelector('[data-testid]')).toBeNull();
    expect(into.querySelector('.plan-line')).toBeNull();
  });

  it('paints the 学习会 line in the words the popup uses', () => {
    const plan = { daysLeft: 3, mastered: 0.4, unseen: 12, perDay: 4, tight: false, crowded: false, newPerDay: 10 };
    const into = root();
    paintPeek(into, { ...PEEK, plan });
    const words = planLineText(plan, 10);
    const line = into.querySelector('.plan-line');
    expect(line?.querySelector('strong')?.textContent).toBe('距学习会还有 3 天');
    expect(line?.textContent).toBe(`${words.countdown} · ${words.mastered}${words.note!.text}`);
    expect(line?.querySelector('p.muted.small')?.textContent).toBe('还有 12 张没学过，每天学 4 张，学习会前学完。');
  });

  it('paints the day-done screen when no card is left, tomorrow’s count still to be read', () => {
    const into = root();
    paintPeek(into, { ...PEEK, total: 0, new: 0, learning: 0, review: 0, card: undefined });
    expect(into.querySelector('.card-prompt')).toBeNull();
    expect([...into.querySelectorAll('.done p')].map((p) => p.textContent)).toEqual([
      '今天的复习已完成 🎉',
      '明天待复习约 … 张。',
      '今天共评分 4 次。',
    ]);
    expect(into.querySelector('.popup-header .due strong')?.textContent).toBe('0');
  });
});

describe('planLineText', () => {
  const plan = { daysLeft: 5, mastered: null, unseen: 0, perDay: 0, tight: false, crowded: false };
  it.each([
    [plan, { countdown: '距学习会还有 5 天', mastered: '学习会的文件里没有可学的卡片' }],
    [
      { ...plan, daysLeft: 0, mastered: 0.755, unseen: 6, perDay: 6 },
      {
        countdown: '今天是学习会',
        mastered: '已掌握 76%',
        note: { tight: false, text: '还有 6 张没学过，今天学 6 张。' },
      },
    ],
    [
      { ...plan, mastered: 0.1, unseen: 80, perDay: 16, tight: true, crowded: true },
      {
        countdown: '距学习会还有 5 天',
        mastered: '已掌握 10%',
        note: { tight: true, text: '时间紧：每天需学 16 张新卡片（平时每天 10 张），同一提法的几张卡片会排在同一天。' },
      },
    ],
  ])('%o', (figures, words) => {
    expect(planLineText(figures, 10)).toEqual(words);
  });
});
