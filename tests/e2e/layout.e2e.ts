// What a cadre sees at 1280×800 and in the popup: one conflict per screen, reached and folded with
// the keyboard; the hover card's source line in sight; checkboxes a finger hits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { hoverTerm, newsPageAt, inClosedRoot, watchErrors } from './harness.ts';
import { suiteTifa } from './suite.ts';

const tifa = await suiteTifa();

const SCREEN = { width: 1280, height: 800 };

test('each conflict fits one 1280×800 screen, extra sources fold away, and the keyboard opens and folds them', async () => {
  const page = await tifa.openDashboard('#conflicts');
  const errors = watchErrors(page);
  await page.setViewportSize(SCREEN);
  const items = page.getByTestId('conflict-item');
  await items.first().waitFor({ timeout: 15_000 });
  const n = await items.count();
  assert.ok(n >= 3, `the bundled deck has conflicts (${n})`);
  for (let i = 0; i < n; i++) {
    const box = (await items.nth(i).boundingBox())!;
    assert.ok(box.height <= SCREEN.height - 120, `conflict ${i + 1} is ${Math.round(box.height)} px tall`);
    // Its choice buttons are in the first screen of it, not below its sentences.
    for (const b of await items.nth(i).getByTestId('conflict-choose').all()) {
      const bb = (await b.boundingBox())!;
      assert.ok(bb.y - box.y < 160, `conflict ${i + 1}: a choice button ${Math.round(bb.y - box.y)} px down`);
    }
  }
  // The sources beyond the first two of a side open with the keyboard.
  const more = page.locator('.more-evidence').first();
  assert.equal(await more.evaluate((d) => (d as HTMLDetailsElement).open), false);
  const shown = await page.locator('.evidence:visible').count();
  await more.locator('summary').focus();
  await page.keyboard.press('Enter');
  assert.ok((await page.locator('.evidence:visible').count()) > shown, 'Enter on 另有 N 处出处 shows them');

  // Resolved with the keyboard, a conflict folds to one line with its choice; reopened, it unfolds.
  const first = items.first();
  await first.getByTestId('conflict-choose').first().focus();
  await page.keyboard.press('Enter');
  const resolved = page.locator('.conflict.resolved').first();
  await resolved.getByTestId('conflict-choice').waitFor();
  assert.ok((await resolved.boundingBox())!.height < 140, 'a resolved conflict is folded');
  await resolved.getByTestId('conflict-reopen').focus();
  await page.keyboard.press('Enter');
  await page.locator('.conflict.resolved').waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the hover card shows its source line above the buttons, not under them', async () => {
  const page = await newsPageAt(tifa, SCREEN);
  for (const term of ['六个精准', '两不愁三保障']) {
    await hoverTerm(page, term);
    await page.waitForTimeout(300);
    const r = await inClosedRoot<{ from: number[]; actions: number[]; card: number[]; text: string }>(
      page,
      'tifa-hover-card',
      `const box = (el) => { const b = el.getBoundingClientRect(); return [b.top, b.bottom]; };
       const from = root.querySelector('.source').lastElementChild;
       return { from: box(from), actions: box(root.querySelector('.actions')), card: box(dialog), text: from.textContent };`,
    );
    assert.ok(r, 'the card is open');
    assert.match(r.text, /《.+》/);
    assert.ok(
      r.from[1] <= r.actions[0] + 0.5,
      `${term}: the source line (${r.from}) ends above the buttons (${r.actions})`,
    );
    assert.ok(r.from[0] >= r.card[0] && r.from[1] <= r.card[1], `${term}: the source line is inside the card`);
    await page.keyboard.press('Escape');
  }
  await page.close();
});

async function smallCheckboxes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('input[type=checkbox], input[type=radio]')]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 24 || r.height < 24)
      .map(({ el, r }) => `${el.dataset.testid ?? el.name ?? el.type} ${r.width}×${r.height}`),
  );
}

test('checkboxes and radios are at least 24 × 24 px in the popup, the dashboard and the quiz', async () => {
  const popup = await tifa.openPopup();
  await popup.getByTestId('card-prompt').waitFor({ timeout: 15_000 });
  const found: string[] = [];
  const seen = { count: 0 };
  const check = async (page: Page, where: string) => {
    seen.count += await page.locator('input[type=checkbox], input[type=radio]').count();
    found.push(...(await smallCheckboxes(page)).map((s) => `${where}: ${s}`));
  };
  await check(popup, 'popup');
  const dash = await tifa.openDashboard('#settings');
  await dash.getByRole('heading', { level: 2 }).first().waitFor();
  await check(dash, 'settings');
  const quiz = await tifa.context.newPage();
  await quiz.goto(`chrome-extension://${tifa.extensionId}/quiz.html`);
  await quiz.getByTestId('quiz-start').waitFor({ timeout: 15_000 });
  await check(quiz, 'quiz');
  assert.ok(seen.count >= 8, `checkboxes were found (${seen.count})`);
  assert.deepEqual(found, []);
  await Promise.all([popup.close(), dash.close(), quiz.close()]);
});
