// A cadre's first minutes: the install opens the welcome page; documents, the daily limit and a
// 学习会 date are set with the keyboard alone; the popup then counts down to the session and its
// queue brings that document's cards first; a session too close says 时间紧.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { isoDateIn, readTable, watchErrors, ROOT } from './harness.ts';
import { suiteTifa } from './suite.ts';

const SHOTS = join(ROOT, '.tmp');
/** The bundled document the session covers (78 cards: 8 a day over 10 days, within a limit of 10). */
const DOC = '决战决胜脱贫攻坚要抓好三个重点';

const tifa = await suiteTifa({ welcome: true });
mkdirSync(SHOTS, { recursive: true });

async function welcomePage(): Promise<Page> {
  for (let waited = 0; waited < 30_000; waited += 100) {
    const page = tifa.context.pages().find((p) => p.url().endsWith('/welcome.html'));
    if (page) return page;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the welcome page did not open on install');
}

/** A local date `days` from now, as a date input holds it. */
/**
 * Types a date into the focused date input as a user would: its fields' order follows the browser's
 * language (月/日/年 in an English Chromium, 年/月/日 in a Chinese one), found on a scratch page.
 */
async function typeDate(page: Page, iso: string): Promise<void> {
  const scratch = await tifa.context.newPage();
  await scratch.setContent('<input type="date">');
  await scratch.locator('input').focus();
  await scratch.keyboard.type('01022026');
  const probe = await scratch.locator('input').inputValue();
  await scratch.close();
  const [y, m, d] = iso.split('-');
  if (probe === '2026-01-02') await page.keyboard.type(`${m}${d}${y}`);
  else if (probe === '2026-02-01') await page.keyboard.type(`${d}${m}${y}`);
  else {
    // Year first: a year field takes up to six digits, so step on to the month by hand.
    await page.keyboard.type(y);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type(`${m}${d}`);
  }
}

/** What has the focus: its test id, or its tag and label. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return {
      testid: el?.dataset.testid ?? '',
      label: el?.closest('label')?.textContent ?? '',
      checked: el?.checked ?? false,
      tag: el?.tagName ?? '',
    };
  });

test('install opens the welcome page, and everything on it is set with the keyboard', async () => {
  const page = await welcomePage();
  const errors = watchErrors(page);
  await page.getByRole('heading', { name: '欢迎使用提法' }).waitFor();
  assert.equal(await page.getByTestId('welcome-what').locator('li').count(), 3);
  const pin = await page.getByTestId('welcome-pin').innerText();
  assert.match(pin, /Chrome、Edge：.*图钉/);
  assert.match(pin, /Firefox：.*固定到工具栏/);
  // The five bundled documents, each with its card count, all ticked to begin with.
  await page.getByTestId('welcome-doc').first().waitFor();
  assert.equal(await page.getByTestId('welcome-doc').count(), 5);
  const counts = (await page.getByTestId('welcome-doc-cards').allInnerTexts()).map(Number);
  assert.ok(
    counts.every((n) => n > 0),
    `card counts: ${counts}`,
  );
  assert.equal(await page.getByTestId('welcome-import').getAttribute('href'), 'dashboard.html#import');
  assert.match(
    await page
      .getByText(/每天学几张新卡片/)
      .first()
      .innerText(),
    /每天学几张新卡片/,
  );

  // Keyboard only: Tab through the documents, untick all but one, then the limit, the date, save.
  await page.locator('body').focus();
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    assert.equal(f.testid, 'welcome-doc', `Tab ${i + 1} reaches a document, got ${JSON.stringify(f)}`);
    if (!f.label.includes(DOC)) await page.keyboard.press('Space');
  }
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).testid, 'welcome-import');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).testid, 'welcome-limit');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('10');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).testid, 'welcome-date');
  const date = isoDateIn(10);
  await typeDate(page, date);
  assert.equal(await page.getByTestId('welcome-date').inputValue(), date);
  await page.keyboard.press('Enter');

  await page.getByTestId('welcome-message').filter({ hasText: '已保存' }).waitFor();
  assert.match(
    await page.getByTestId('welcome-message').innerText(),
    /每天学 10 张新卡片，学习会前会把选中文件的卡片全部学完/,
  );
  assert.equal(await page.getByTestId('plan-countdown').innerText(), '距学习会还有 10 天');
  assert.equal(await page.getByTestId('plan-mastered').innerText(), '已掌握 0%');

  // Stored: the limit and the session with its one document.
  const settings = new Map(
    (await readTable<{ key: string; value: unknown }>(page, 'settings')).map((r) => [r.key, r.value]),
  );
  const sources = await readTable<{ id: string; title: string }>(page, 'sources');
  const doc = sources.find((s) => s.title === DOC)!;
  assert.equal(settings.get('newPerDay'), 10);
  assert.equal(settings.get('cramUntil'), date);
  assert.deepEqual(settings.get('cramSources'), [doc.id]);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: join(SHOTS, 'welcome.png'), fullPage: true });
  // Dark mode follows the system, as on the other pages.
  await page.emulateMedia({ colorScheme: 'dark' });
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.equal(bg, 'rgb(28, 27, 25)', `dark paper, got ${bg}`);
  await page.screenshot({ path: join(SHOTS, 'welcome-dark.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the popup counts down to the session and brings its document first', async () => {
  const popup = await tifa.openPopup();
  const errors = watchErrors(popup);
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.getByTestId('plan-countdown').waitFor({ timeout: 15_000 });
  assert.equal(await popup.getByTestId('plan-countdown').innerText(), '距学习会还有 10 天');
  assert.equal(await popup.getByTestId('plan-mastered').innerText(), '已掌握 0%');
  const pace = await popup.getByTestId('plan-pace').innerText();
  const [, unseen, perDay] = /还有 (\d+) 张没学过，每天学 (\d+) 张/.exec(pace) ?? [];
  assert.equal(Number(perDay), Math.ceil(Number(unseen) / 10), pace);
  await popup.getByTestId('card-prompt').waitFor();
  await popup.screenshot({ path: join(SHOTS, 'popup-countdown.png') });

  // The day's share of the session comes first: rate that many cards, each from its document.
  const sources = await readTable<{ id: string; title: string }>(popup, 'sources');
  const doc = sources.find((s) => s.title === DOC)!;
  for (let i = 0; i < Number(perDay); i++) {
    await popup.keyboard.press('Space');
    await popup.getByTestId('card-answer').waitFor();
    await popup.keyboard.press('3');
    await popup.getByTestId('card-answer').waitFor({ state: 'detached' });
  }
  const logs = await readTable<{ cardId: string }>(popup, 'reviewLogs');
  assert.equal(logs.length, Number(perDay));
  const cards = new Map((await readTable<{ id: string; sourceIds: string[] }>(popup, 'cards')).map((c) => [c.id, c]));
  for (const log of logs)
    assert.ok(cards.get(log.cardId)!.sourceIds.includes(doc.id), `${log.cardId} is a card of 《${DOC}》`);
  // Something learnt: 已掌握 rises above 0%.
  await popup.getByTestId('plan-mastered').filter({ hasNotText: '已掌握 0%' }).waitFor();
  assert.deepEqual(errors, []);
  await popup.close();
});

test('a session too close says 时间紧 in the popup, and the dashboard form shows it too', async () => {
  const dashboard = await tifa.openDashboard('#settings');
  const errors = watchErrors(dashboard);
  await dashboard.getByTestId('cram-until').waitFor();
  await dashboard.getByTestId('cram-until').fill(isoDateIn(1));
  await dashboard.getByTestId('cram-save').press('Enter');
  await dashboard.getByTestId('cram-message').filter({ hasText: '已设定' }).waitFor();
  await dashboard.getByTestId('plan-countdown').filter({ hasText: '距学习会还有 1 天' }).waitFor();
  const popup = await tifa.openPopup();
  await popup.getByTestId('plan-tight').waitFor({ timeout: 15_000 });
  assert.match(await popup.getByTestId('plan-tight').innerText(), /^时间紧：每天需学 \d+ 张新卡片（平时每天 10 张）/);
  assert.deepEqual(errors, []);
  await popup.close();
  await dashboard.close();
});
