import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchErrors } from './harness.ts';
import { suiteTifa } from './suite.ts';

const tifa = await suiteTifa();

test('the popup renders in Chinese', async () => {
  const popup = await tifa.openPopup();
  const errors = watchErrors(popup);
  await popup.getByRole('heading', { name: '提法' }).waitFor();
  const text = await popup.locator('body').innerText();
  assert.match(text, /今日待复习/);
  assert.equal(await popup.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.deepEqual(errors, []);
  await popup.close();
});

test('the dashboard opens from the popup', async () => {
  const popup = await tifa.openPopup();
  const [dashboard] = await Promise.all([
    tifa.context.waitForEvent('page', { predicate: (p) => p.url().includes('/dashboard.html') }),
    popup.getByTestId('open-dashboard').click(),
  ]);
  await dashboard.getByRole('heading', { name: /学习中心/ }).waitFor();
  await dashboard.close();
  await popup.close();
});

test('the content script runs on a news page without a console error', async () => {
  const page = await tifa.context.newPage();
  const errors = watchErrors(page);
  await page.goto(tifa.pageUrl('news-simplified.html'));
  await page.waitForFunction(() => performance.getEntriesByName('tifa:ready').length > 0, null, { timeout: 10_000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the extension sends no request anywhere but the local test server', async () => {
  const popup = await tifa.openPopup();
  await popup.getByRole('heading', { name: '提法' }).waitFor();
  const page = await tifa.context.newPage();
  await page.goto(tifa.pageUrl('news-traditional.html'));
  await page.waitForTimeout(500);
  assert.deepEqual(tifa.outsideRequests, []);
  await page.close();
  await popup.close();
});
