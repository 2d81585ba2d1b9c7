import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { watchErrors, ROOT } from './harness.ts';
import { suiteTifa } from './suite.ts';

const tifa = await suiteTifa();

/** Relative luminance (WCAG) of a computed CSS colour `rgb(r, g, b)`. */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => Number(v) / 255);
  const lin = (v: number) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m);
  return (x + 0.05) / (y + 0.05);
};

async function colours(page: Page, selector: string): Promise<{ bg: string; fg: string }> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const s = getComputedStyle(el);
      return { bg: s.backgroundColor, fg: s.color };
    });
}

const SHOTS = join(ROOT, '.tmp');

test('the popup follows a dark system theme, readably', async () => {
  const popup = await tifa.openPopup();
  const errors = watchErrors(popup);
  await popup.emulateMedia({ colorScheme: 'dark' });
  await popup.getByTestId('card-prompt').waitFor({ timeout: 15_000 });
  // The page background is the root's (body is transparent), the text light on it.
  const root = await colours(popup, 'html');
  assert.ok(luminance(root.bg) < 0.05, `dark background, got ${root.bg}`);
  assert.ok(luminance(root.fg) > 0.6, `light text, got ${root.fg}`);
  const card = await colours(popup, '.review-card');
  assert.ok(luminance(card.bg) < 0.05, `dark card, got ${card.bg}`);
  const prompt = await colours(popup, '[data-testid="card-prompt"]');
  assert.ok(contrast(prompt.fg, card.bg) >= 7, `prompt readable on the card: ${prompt.fg} on ${card.bg}`);
  await popup.keyboard.press('Space');
  await popup.getByTestId('card-answer').waitFor();
  const answer = await colours(popup, '[data-testid="card-answer"]');
  assert.ok(contrast(answer.fg, card.bg) >= 4.5, `answer readable: ${answer.fg} on ${card.bg}`);
  const good = await colours(popup, '[data-testid="rate-good"]');
  assert.ok(contrast(good.fg, good.bg) >= 4.5, `rating button readable: ${good.fg} on ${good.bg}`);
  mkdirSync(SHOTS, { recursive: true });
  await popup.screenshot({ path: join(SHOTS, 'popup-dark.png') });

  // And back to light when the system is light.
  await popup.emulateMedia({ colorScheme: 'light' });
  assert.ok(luminance((await colours(popup, 'html')).bg) > 0.8, 'light background in light mode');
  assert.deepEqual(errors, []);
  await popup.close();
});

test('the dashboard and the quiz follow a dark system theme', async () => {
  const page = await tifa.openDashboard('#stats');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.locator('.dashboard h2').first().waitFor();
  const root = await colours(page, 'html');
  assert.ok(luminance(root.bg) < 0.05 && luminance(root.fg) > 0.6, `dark dashboard, got ${root.fg} on ${root.bg}`);
  const heading = await colours(page, '.dashboard h2');
  assert.ok(contrast(heading.fg, root.bg) >= 4.5, `heading readable: ${heading.fg}`);
  await page.screenshot({ path: join(SHOTS, 'dashboard-dark.png'), fullPage: true });
  await page.goto(`chrome-extension://${tifa.extensionId}/quiz.html`);
  await page.getByTestId('quiz-start').waitFor();
  const quiz = await colours(page, 'html');
  assert.ok(luminance(quiz.bg) < 0.05 && luminance(quiz.fg) > 0.6, `dark quiz, got ${quiz.fg} on ${quiz.bg}`);
  const start = await colours(page, '[data-testid="quiz-start"]');
  assert.ok(contrast(start.fg, start.bg) >= 4.5, `start button readable: ${start.fg} on ${start.bg}`);
  await page.screenshot({ path: join(SHOTS, 'quiz-dark.png') });
  await page.close();
});

test('the popup opens 冲刺 and 测验', async () => {
  for (const open of tifa.context.pages()) if (/\/(quiz|dashboard)\.html/.test(open.url())) await open.close();
  const popup = await tifa.openPopup();
  const [cram] = await Promise.all([tifa.context.waitForEvent('page'), popup.getByTestId('open-cram').click()]);
  await cram.waitForURL(/\/dashboard\.html#cram$/);
  await cram.getByRole('heading', { name: /冲刺复习/ }).waitFor();
  const [quiz] = await Promise.all([tifa.context.waitForEvent('page'), popup.getByTestId('open-quiz').click()]);
  await quiz.waitForURL(/\/quiz\.html/);
  await quiz.getByTestId('quiz-start').waitFor();
  await popup.close();
});

test('the stats read at a glance: streak, time, ratings per button, retention in words, months', async () => {
  const popup = await tifa.openPopup();
  const due = popup.getByTestId('due-count').filter({ hasText: /^\d+$/ });
  await due.waitFor();
  for (const button of ['rate-again', 'rate-good', 'rate-good']) {
    const before = await due.innerText();
    await popup.getByTestId('card-prompt').waitFor();
    await popup.keyboard.press('Space');
    await popup.getByTestId('card-answer').waitFor();
    await popup.getByTestId(button).click();
    // 重来 keeps the card in today's queue; either way the next card is shown.
    await popup.waitForFunction(
      ([b, n]) => b === 'rate-again' || document.querySelector('[data-testid="due-count"]')?.textContent !== n,
      [button, before] as const,
    );
    await popup.getByTestId('card-answer').waitFor({ state: 'detached' });
  }
  await popup.close();

  const page = await tifa.openDashboard('#stats');
  await page.getByTestId('stats-streak').filter({ hasText: '1 天' }).waitFor();
  assert.match(await page.getByTestId('stats-time').innerText(), /今天 (不到 1 分钟|\d+ 分钟)\s*本周/);
  const ratings = await page.getByTestId('stats-ratings').innerText();
  assert.match(ratings, /重来 1 次/);
  assert.match(ratings, /良好 2 次/);
  assert.match(ratings, /简单 0 次/);
  // Fresh cards are not yet due for review: no retention to state, and it says so in words.
  assert.match(await page.getByTestId('stats-retention').innerText(), /暂无记住率/);
  const months = await page.getByTestId('heatmap-months').innerText();
  assert.match(months, /\d+月/);
  await page.screenshot({ path: join(SHOTS, 'stats.png'), fullPage: true });
  await page.close();
});
