// The README's pictures for a cadre installing and using Tifa, taken from the real build in
// Chromium: the extensions page with Tifa loaded (what step 4 of the install looks like), the
// popup, a highlighted news page with its hover card, 学习中心's 测验 and 文件出入 tabs.
// Each picture is checked for what the README says it shows. Saved under .tmp/screenshots/, or
// under docs/screenshots/ with TIFA_README_SHOTS=1 (`TIFA_README_SHOTS=1 node tests/e2e/run.mjs readme-shots`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { hoverTerm, newsPageAt, ROOT } from './harness.ts';
import { suiteTifa } from './suite.ts';

const SHOTS = process.env.TIFA_README_SHOTS ? join(ROOT, 'docs/screenshots') : join(ROOT, '.tmp/screenshots');

const tifa = await suiteTifa();
mkdirSync(SHOTS, { recursive: true });

test('install: chrome://extensions with developer mode on lists 提法, enabled', async () => {
  const page = await tifa.context.newPage();
  await page.setViewportSize({ width: 1000, height: 560 });
  await page.goto('chrome://extensions/');
  // The page's controls live in its own (open) shadow roots; Playwright's CSS locators pierce them.
  const toggle = page.locator('#devMode');
  await toggle.waitFor();
  if (!(await toggle.evaluate((t) => (t as HTMLElement & { checked: boolean }).checked))) await toggle.click();
  await page.locator('#loadUnpacked').waitFor();
  const item = page.locator('extensions-item');
  await item.first().waitFor();
  assert.match(await item.first().locator('#name').innerText(), /提法/);
  assert.equal(
    await item
      .first()
      .locator('#enableToggle')
      .evaluate((t) => (t as HTMLElement & { checked: boolean }).checked),
    true,
  );
  await page.screenshot({ path: join(SHOTS, 'install-extensions-page.png') });
  await page.close();
});

test('the popup with its first card, and a news page with a term’s hover card', async () => {
  const popup = await tifa.openPopup();
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.getByTestId('card-prompt').waitFor({ timeout: 15_000 });
  await popup.screenshot({ path: join(SHOTS, 'popup.png') });
  await popup.close();

  const page = await newsPageAt(tifa, { width: 1100, height: 640 });
  await hoverTerm(page, '六个精准');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SHOTS, 'hover-card.png') });
  await page.close();
});

test('学习中心: 文件出入 and 测验', async () => {
  const page = await tifa.openDashboard('#conflicts');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId('conflict-item').first().waitFor({ timeout: 15_000 });
  await page.screenshot({ path: join(SHOTS, 'conflicts.png') });
  await page.goto(page.url().replace(/#.*$/, '#quiz'));
  await page.getByTestId('open-quiz').waitFor();
  await page.screenshot({ path: join(SHOTS, 'quiz-tab.png') });
  await page.close();
});
