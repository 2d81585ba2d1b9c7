// Nothing wrong is taught from the bundle: the document with rewritten years is flagged on the
// documents page, its date shown as 待核实, and the cards resting on it alone stay out of the popup's
// queue until the user confirms one (with the keyboard) on the dashboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { putRows, readTable, watchErrors } from './harness.ts';
import { suiteTifa } from './suite.ts';

const tifa = await suiteTifa();

/** Suspends every card that is not held back, straight in IndexedDB: what is left for review is only what held cards leak. */
async function suspendAllButHeld(page: Page): Promise<number> {
  const cards = await readTable<{ held?: string; suspended: number }>(page, 'cards');
  await putRows(
    page,
    'cards',
    cards.filter((card) => !card.held).map((card) => ({ ...card, suspended: 1 })),
  );
  return cards.filter((card) => card.held).length;
}

async function dueCount(popup: Page): Promise<number> {
  const shown = popup.getByTestId('due-count').filter({ hasText: /^\d+$/ });
  await shown.waitFor();
  return Number(await shown.innerText());
}

test('the rewritten document is flagged, its date 待核实, and its held cards are not reviewed until confirmed', async () => {
  const dashboard = await tifa.openDashboard('#documents');
  const errors = watchErrors(dashboard);
  const caveat = dashboard.getByTestId('doc-caveat');
  await caveat.waitFor({ timeout: 15_000 });
  assert.equal(await caveat.count(), 1, 'one document is flagged');
  assert.match(await caveat.innerText(), /年份与其他文件不一致，相关卡片待核实/);
  const flagged = dashboard.getByTestId('doc-item').filter({ has: caveat });
  assert.equal(await flagged.getByTestId('doc-date').innerText(), '日期待核实');
  assert.ok(!(await flagged.innerText()).includes('2024年11月29日'), 'the doubtful date is not shown as a fact');

  const held = dashboard.getByTestId('held-card');
  await held.first().waitFor();
  const heldCount = await held.count();
  assert.ok(heldCount >= 10, `held cards listed, got ${heldCount}`);

  // With every other card suspended, the popup has nothing to review: no held card leaks in.
  assert.equal(await suspendAllButHeld(dashboard), heldCount);
  let popup = await tifa.openPopup();
  assert.equal(await dueCount(popup), 0);
  await popup.close();

  // Confirm the first held card with the keyboard; focus moves on to the next one.
  const prompt = await held.first().locator('.held-prompt').innerText();
  await held.first().getByTestId('held-confirm').focus();
  await dashboard.keyboard.press('Enter');
  await dashboard.getByTestId('held-last').waitFor();
  assert.match(await dashboard.getByTestId('held-last').innerText(), /已确认/);
  await dashboard.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="held-card"]').length === n,
    heldCount - 1,
  );
  assert.equal(await dashboard.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'held-confirm');

  // Discard the next one with the keyboard too: Tab to 舍弃, Enter.
  await dashboard.keyboard.press('Tab');
  assert.equal(await dashboard.evaluate(() => document.activeElement?.textContent), '舍弃');
  await dashboard.keyboard.press('Enter');
  await dashboard.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="held-card"]').length === n,
    heldCount - 2,
  );

  // Only the confirmed card is now in the popup's queue.
  popup = await tifa.openPopup();
  assert.equal(await dueCount(popup), 1);
  assert.equal(await popup.getByTestId('card-prompt').innerText(), prompt);
  await popup.close();
  assert.deepEqual(errors, []);
  await dashboard.close();
});
