import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchTifa, watchErrors, type Tifa } from './harness.ts';
import { suiteTifa } from './suite.ts';

const tifa = await suiteTifa();

/** The count a page shows, once it has loaded (it reads "…" until then). */
async function dueCount(page: import('playwright-core').Page, testId = 'due-count'): Promise<number> {
  const shown = page.getByTestId(testId).filter({ hasText: /^\d+$/ });
  await shown.waitFor();
  return Number(await shown.innerText());
}

/**
 * Space then a rating key, each once the popup is ready for it: the count can show before the
 * review has mounted, and a key pressed then would be lost.
 */
async function rateWithKeys(popup: import('playwright-core').Page, key: '1' | '2' | '3' | '4'): Promise<void> {
  await popup.getByTestId('card-prompt').waitFor();
  await popup.keyboard.press('Space');
  await popup.getByTestId('card-answer').waitFor();
  await popup.keyboard.press(key);
}

test('a fresh install offers the daily new-card limit and reviews with the keyboard', async () => {
  const popup = await tifa.openPopup();
  const errors = watchErrors(popup);
  // The deck is loaded on install; the count settles at the new-card limit (20 by default).
  await popup.waitForFunction(() => document.querySelector('[data-testid="due-count"]')?.textContent === '20', null, {
    timeout: 15_000,
  });
  assert.equal(await dueCount(popup), 20);

  const prompts: string[] = [];
  for (let i = 0; i < 3; i++) {
    const prompt = await popup.getByTestId('card-prompt').innerText();
    assert.ok(prompt.length > 4, `a real prompt, got ${prompt}`);
    prompts.push(prompt);
    await popup.keyboard.press('Space');
    const answer = await popup.getByTestId('card-answer').innerText();
    assert.ok(answer.trim().length > 0);
    // The source sentence is shown with the answer marked in it.
    assert.ok(await popup.locator('.evidence mark').count(), 'the answer is marked in its source sentence');
    // Rating buttons show the next interval, like Anki.
    assert.match(await popup.getByTestId('rate-good').innerText(), /分钟|小时|天/);
    await popup.keyboard.press('3');
    await popup.waitForFunction(
      (n) => document.querySelector('[data-testid="due-count"]')?.textContent === String(n),
      19 - i,
    );
  }
  assert.equal(new Set(prompts).size, 3, 'three different cards');
  assert.equal(await dueCount(popup), 17);

  // Undo puts the last card back.
  await popup.keyboard.press('z');
  await popup.waitForFunction(() => document.querySelector('[data-testid="due-count"]')?.textContent === '18');
  assert.equal(await popup.getByTestId('card-prompt').innerText(), prompts[2]);
  await popup.keyboard.press('Space');
  await popup.keyboard.press('3');
  await popup.waitForFunction(() => document.querySelector('[data-testid="due-count"]')?.textContent === '17');

  // The toolbar badge follows (the background hears of the writes from the store itself).
  let badge = '';
  for (let i = 0; i < 50 && badge !== '17'; i++, await new Promise((r) => setTimeout(r, 100))) {
    badge = (await tifa.worker.evaluate('chrome.action.getBadgeText({})')) as string;
  }
  assert.equal(badge, '17');
  assert.deepEqual(errors, []);
  await popup.close();
});

test('the dashboard shows the reviews; export → clear all data → import gives the same state', async () => {
  const dashboard = await tifa.openDashboard('#stats');
  const errors = watchErrors(dashboard);
  // Three ratings: the undone one left no log behind.
  await dashboard.getByTestId('stats-reviews-today').filter({ hasText: '3' }).waitFor();
  const due = String(await dueCount(dashboard, 'dashboard-due'));
  const total = String(await dueCount(dashboard, 'stats-reviews-total'));

  await dashboard.goto(dashboard.url().replace(/#.*$/, '#backup'));
  const [download] = await Promise.all([
    dashboard.waitForEvent('download'),
    dashboard.getByTestId('export-backup').click(),
  ]);
  assert.match(download.suggestedFilename(), /^tifa-backup-\d{8}\.json$/);
  const file = await download.path();

  // The warning says before it runs that the bundled deck comes back, all new.
  assert.match(await dashboard.getByTestId('clear-explain').innerText(), /重新载入随附文件的卡片/);
  await dashboard.getByTestId('clear-confirm').fill('清除');
  await dashboard.getByTestId('clear-data').click();
  // Progress is gone and the bundled deck is back: the day's new-card limit, as on a fresh install.
  await dashboard.getByTestId('dashboard-due').filter({ hasText: /^20$/ }).waitFor();
  await dashboard.goto(dashboard.url().replace(/#.*$/, '#stats'));
  await dashboard.getByTestId('stats-reviews-total').filter({ hasText: /^0$/ }).waitFor();
  await dashboard.goto(dashboard.url().replace(/#.*$/, '#backup'));

  // A broken file is refused with a Chinese message and changes nothing.
  await dashboard
    .getByTestId('import-backup')
    .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"x"') });
  await dashboard
    .getByTestId('import-confirm')
    .click()
    .catch(() => {});
  await dashboard
    .getByTestId('backup-message')
    .filter({ hasText: /备份|文件/ })
    .waitFor();
  assert.equal(await dashboard.getByTestId('dashboard-due').innerText(), '20');

  await dashboard.getByTestId('import-backup').setInputFiles(file);
  await dashboard.getByTestId('import-confirm').click();
  await dashboard.getByTestId('dashboard-due').filter({ hasText: due }).waitFor({ timeout: 15_000 });
  await dashboard.goto(dashboard.url().replace(/#.*$/, '#stats'));
  await dashboard.getByTestId('stats-reviews-total').filter({ hasText: total }).waitFor();
  assert.deepEqual(errors, []);
  await dashboard.close();
});

test('popup and dashboard open together show the same state', async () => {
  const dashboard = await tifa.openDashboard('#cards');
  const popup = await tifa.openPopup();
  const before = await dueCount(popup);
  await dashboard
    .getByTestId('dashboard-due')
    .filter({ hasText: String(before) })
    .waitFor();
  await rateWithKeys(popup, '4');
  await popup.waitForFunction(
    (n) => document.querySelector('[data-testid="due-count"]')?.textContent === String(n),
    before - 1,
  );
  // The dashboard's header count follows without a reload.
  await dashboard
    .getByTestId('dashboard-due')
    .filter({ hasText: String(before - 1) })
    .waitFor({ timeout: 5_000 });
  await popup.close();
  await dashboard.close();
});

test('progress survives a browser restart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-restart-'));
  let browser: Tifa | undefined;
  try {
    browser = await launchTifa({ userDataDir: dir });
    const popup = await browser.openPopup();
    await popup.waitForFunction(() => document.querySelector('[data-testid="due-count"]')?.textContent === '20', null, {
      timeout: 15_000,
    });
    await rateWithKeys(popup, '3');
    await popup.waitForFunction(() => document.querySelector('[data-testid="due-count"]')?.textContent === '19');
    await browser.close();
    browser = undefined;

    browser = await launchTifa({ userDataDir: dir });
    const again = await browser.openPopup();
    await again.getByTestId('card-prompt').waitFor();
    assert.equal(await dueCount(again), 19);
  } finally {
    // A failed step must not leave a browser running: it would keep the test process alive.
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
