// The toolbar badge: set by the background, and by an extension page after its own writes (the
// background may be asleep then: a write in a page does not wake it).
import { db } from '@/data/db/schema';
import { loadToday } from '@/data/db/today';
import { nextDayStart } from '@/data/srs/queue';
import { peekMark, keepPeek } from './peek-store';

/** The alarm that wakes the background for the badge (see entrypoints/background/badge.ts). */
export const DAY_ALARM = 'tifa-day-change';

/** The toolbar badge shows today's due count; empty when nothing is due. The popup's peek is kept too. */
export async function refreshBadge(): Promise<void> {
  try {
    const mark = peekMark();
    const now = new Date();
    const today = await loadToday(db, now);
    await keepPeek(today, now, mark);
    const count = today.counts.total;
    await browser.action.setBadgeBackgroundColor({ color: '#b3261e' });
    await browser.action.setBadgeText({ text: count > 0 ? String(Math.min(count, 999)) : '' });
    await browser.action.setTitle({ title: count > 0 ? `提法：今日待复习 ${count} 张` : '提法：今日复习已完成' });
    // Wake up at the next day start (and at least every 30 minutes for learning cards).
    const next = Math.min(nextDayStart(new Date(), today.settings).getTime() + 1000, Date.now() + 30 * 60_000);
    await browser.alarms.create(DAY_ALARM, { when: next });
  } catch (err) {
    console.warn('提法：无法更新图标数字', err);
  }
}
