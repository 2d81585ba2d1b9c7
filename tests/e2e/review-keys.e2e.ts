// Keys act on what has focus, one key map in review and 冲刺, undo that outlives the popup, and a
// rating bar that stays in sight in a small popup: issue 16's "wrong or surprising" review items.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { putRows, readTable, watchErrors } from './harness.ts';
import { suiteTifa } from './suite.ts';

const tifa = await suiteTifa();

/** The count a page shows, once it has loaded (it reads "…" until then). */
async function dueCount(page: Page): Promise<number> {
  const shown = page.getByTestId('due-count').filter({ hasText: /^\d+$/ });
  await shown.waitFor();
  return Number(await shown.innerText());
}

async function rateWithKeys(popup: Page, key: '1' | '2' | '3' | '4'): Promise<void> {
  await popup.getByTestId('card-prompt').waitFor();
  await popup.keyboard.press('Space');
  await popup.getByTestId('card-answer').waitFor();
  await popup.keyboard.press(key);
}

/** The ratings stored so far, in order. */
async function ratings(page: Page): Promise<number[]> {
  const logs = await readTable<{ id: number; rating: number }>(page, 'reviewLogs');
  return logs.sort((a, b) => a.id - b.id).map((l) => l.rating);
}

/** The ratings stored after the first `from`, once there are `count` of them (or after 5 s). */
async function newRatings(page: Page, from: number, count: number): Promise<number[]> {
  for (let waited = 0; ; waited += 100) {
    const all = await ratings(page);
    if (all.length >= from + count || waited >= 5_000) return all.slice(from);
    await page.waitForTimeout(100);
  }
}

test('keys act on what has focus: Enter or Space on a button presses that button, never 良好', async () => {
  const popup = await tifa.openPopup();
  const errors = watchErrors(popup);
  await popup.getByTestId('card-prompt').waitFor();
  const before = await ratings(popup);

  // Space on the focused 显示答案 shows the answer; Enter on a focused 重来 rates 重来.
  await popup.keyboard.press('Space');
  await popup.getByTestId('card-answer').waitFor();
  await popup.getByTestId('rate-again').focus();
  await popup.keyboard.press('Enter');
  assert.deepEqual(await newRatings(popup, before.length, 1), [1], 'Enter on 重来 rates 重来');
  await popup.getByTestId('card-answer').waitFor({ state: 'detached' });

  // Space on a focused 简单 rates 简单.
  await popup.keyboard.press('Space');
  await popup.getByTestId('card-answer').waitFor();
  await popup.getByTestId('rate-easy').focus();
  await popup.keyboard.press('Space');
  assert.deepEqual(await newRatings(popup, before.length, 2), [1, 4], 'Space on 简单 rates 简单');
  await popup.getByTestId('card-answer').waitFor({ state: 'detached' });

  // With the answer shown and the focus on 学习中心: 3 rates nothing, Enter opens the dashboard.
  await popup.keyboard.press('Space');
  await popup.getByTestId('card-answer').waitFor();
  await popup.getByTestId('open-dashboard').focus();
  await popup.keyboard.press('3');
  const [dashboard] = await Promise.all([
    tifa.context.waitForEvent('page', { timeout: 5_000 }),
    popup.keyboard.press('Enter'),
  ]);
  await dashboard.close();
  assert.deepEqual(
    await ratings(popup).then((r) => r.slice(before.length)),
    [1, 4],
    'no rating from keys pressed on 学习中心',
  );
  assert.ok(await popup.getByTestId('card-answer').isVisible(), 'the answer is still shown');
  assert.deepEqual(errors, []);
  await popup.close();
});

test('Z undoes the last rating after the popup was closed and opened again', async () => {
  const popup = await tifa.openPopup();
  const due = await dueCount(popup);
  const prompt = await popup.getByTestId('card-prompt').innerText();
  const logsBefore = (await readTable(popup, 'reviewLogs')).length;
  const cardsBefore = await readTable<{ id: string; fsrs: Record<string, unknown> }>(popup, 'cards');
  await rateWithKeys(popup, '4');
  await popup.waitForFunction(
    (n) => document.querySelector('[data-testid="due-count"]')?.textContent === String(n),
    due - 1,
  );
  await popup.close();

  const again = await tifa.openPopup();
  await again.getByTestId('card-prompt').waitFor();
  assert.equal(await dueCount(again), due - 1);
  // The popup offers the undo it kept.
  await again.waitForFunction(
    () => (document.querySelector('[data-testid="undo"]') as HTMLButtonElement | null)?.disabled === false,
    null,
    { timeout: 5_000 },
  );
  await again.keyboard.press('z');
  await again.waitForFunction(
    (n) => document.querySelector('[data-testid="due-count"]')?.textContent === String(n),
    due,
    { timeout: 5_000 },
  );
  assert.equal(await again.getByTestId('card-prompt').innerText(), prompt, 'the rated card is back');
  assert.equal((await readTable(again, 'reviewLogs')).length, logsBefore, 'its review log is gone');
  const cardsAfter = await readTable<{ id: string; fsrs: Record<string, unknown> }>(again, 'cards');
  const changed = cardsBefore.filter((c) => {
    const a = cardsAfter.find((x) => x.id === c.id)!;
    return Object.keys({ ...c.fsrs, ...a.fsrs }).some((k) => String(c.fsrs[k]) !== String(a.fsrs[k]));
  });
  assert.deepEqual(changed, [], 'every card has the FSRS state it had before the rating');
  await again.close();
});

test('in a 360×600 popup the rating bar stays in sight on the longest card; the card body scrolls', async () => {
  const dashboard = await tifa.openDashboard();
  // The card with the most to show (prompt, answer and two source sentences) is asked for now.
  type Row = {
    prompt: string;
    answer: string;
    members?: string[];
    evidence: Array<{ quote: string }>;
    state: number;
    retired: number;
  };
  const size = (c: Row) =>
    c.prompt.length +
    c.answer.length +
    (c.members?.length ?? 0) * 12 +
    c.evidence.slice(0, 2).reduce((n, e) => n + e.quote.length, 0);
  const [card] = (await readTable<Row>(dashboard, 'cards'))
    .filter((c) => c.state === 0 && !c.retired)
    .sort((a, b) => size(b) - size(a));
  // 加入学习: first among today's new cards.
  await putRows(dashboard, 'cards', [{ ...card, wanted: Date.now() }]);
  const longest = card.prompt;
  await dashboard.close();
  const popup = await tifa.openPopup();
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup
    .getByTestId('card-prompt')
    .filter({ hasText: longest.slice(0, 12) })
    .waitFor();
  await popup.keyboard.press('Space');
  await popup.getByTestId('card-answer').waitFor();
  for (const id of ['rate-again', 'rate-hard', 'rate-good', 'rate-easy']) {
    const box = await popup.getByTestId(id).boundingBox();
    assert.ok(
      box && box.y >= 0 && box.y + box.height <= 600 && box.x + box.width <= 360,
      `${id} in sight: ${JSON.stringify(box)}`,
    );
  }
  // The page itself does not scroll sideways or down; the card's body does.
  const sizes = await popup.evaluate(() => {
    const page = document.scrollingElement!;
    const body = document.querySelector('.card-body');
    return {
      pageH: page.scrollHeight,
      pageW: page.scrollWidth,
      bodyScrolls: !!body && body.scrollHeight > body.clientHeight,
    };
  });
  assert.ok(sizes.pageH <= 600 && sizes.pageW <= 360, `the popup does not scroll: ${JSON.stringify(sizes)}`);
  assert.ok(sizes.bodyScrolls, 'the long card scrolls inside its body');
  await popup.keyboard.press('1');
  await popup.close();
});

test('冲刺 uses the same keys as the review: 1 没记住 (like 重来), 3 记住了 (like 良好), shown on the buttons', async () => {
  const dashboard = await tifa.openDashboard();
  const soon = new Date(Date.now() + 3 * 86_400_000);
  const iso = `${soon.getFullYear()}-${String(soon.getMonth() + 1).padStart(2, '0')}-${String(soon.getDate()).padStart(2, '0')}`;
  await putRows(dashboard, 'settings', [{ key: 'cramUntil', value: iso }]);
  // Written behind Dexie's back: a page opened now reads it.
  await dashboard.close();
  const cram = await tifa.openDashboard('#cram');
  await cram.getByTestId('cram-prompt').waitFor({ timeout: 10_000 });
  const progress = cram.getByTestId('cram-progress');
  await cram.keyboard.press('Space');
  await cram.getByTestId('cram-answer').waitFor();
  assert.match(await cram.getByTestId('cram-forgot').innerText(), /没记住\s*1/);
  assert.match(await cram.getByTestId('cram-remembered').innerText(), /记住了\s*3/);
  // 1, then Space at once, as a practised hand types: the next card takes the Space without waiting a frame.
  await cram.keyboard.press('1');
  await cram.keyboard.press('Space');
  await cram.getByTestId('cram-answer').waitFor({ timeout: 5_000 });
  await progress.filter({ hasText: '本次没记住 1 次' }).waitFor({ timeout: 5_000 });
  assert.match(await progress.innerText(), /今天已过 0 张/);
  await cram.keyboard.press('3');
  await progress.filter({ hasText: '今天已过 1 张' }).waitFor({ timeout: 5_000 });
  await cram.close();
  // The session date also plans the daily queue (学习会, every document here): cancel it, so the
  // next test sees an ordinary day.
  const settings = await tifa.openDashboard('#settings');
  await settings.getByTestId('cram-clear').click();
  await settings.getByTestId('cram-message').filter({ hasText: '已取消学习会' }).waitFor();
  await settings.close();
});

test("Z undoes the day's last rating from the 今天的复习已完成 screen, where nothing has the focus", async () => {
  const popup = await tifa.openPopup();
  await dueCount(popup);
  let prompt = '';
  for (let i = 0; i < 60 && !(await popup.getByTestId('day-done').count()); i++) {
    prompt = await popup.getByTestId('card-prompt').innerText();
    await rateWithKeys(popup, '4');
    await popup
      .getByTestId('card-prompt')
      .filter({ hasNotText: prompt })
      .or(popup.getByTestId('day-done'))
      .first()
      .waitFor();
  }
  await popup.getByTestId('day-done').waitFor();
  await popup.keyboard.press('z');
  await popup.getByTestId('card-prompt').filter({ hasText: prompt }).waitFor({ timeout: 5_000 });
  await popup.close();
});
