// axe-core (injected from node_modules) finds no serious or critical violation on the popup, every
// tab of 学习中心, the quiz (setup, a question, its feedback, the summary) and the hover card.
//
// The hover card lives in a CLOSED shadow root, which axe (like any page script) cannot enter. The
// test reads the root's markup and styles through the DevTools protocol (inClosedRoot) and rebuilds
// it, unchanged, under an OPEN shadow root in a copy of the same news page (the page's own markup,
// without scripts, at the same viewport): axe then sees the card's DOM, roles, names and computed
// colours exactly as the user's page renders them, next to the page's own landmarks (a <header> in
// the card would be the page's second banner).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { hoverTerm, newsPageAt, inClosedRoot, readTable, ROOT } from './harness.ts';
import { suiteTifa } from './suite.ts';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: Array<{ target: unknown[]; html: string }>;
}

const tifa = await suiteTifa();

/**
 * Runs axe on the page (page.evaluate goes through DevTools, so the extension pages' CSP does not
 * stop the injection) and returns the serious and critical violations, one line each.
 */
async function serious(page: Page, include?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const { violations, passed } = await page.evaluate(async (context) => {
    const axe = (
      window as unknown as {
        axe: { run(c: unknown, o: unknown): Promise<{ violations: Violation[]; passes: unknown[] }> };
      }
    ).axe;
    const { violations, passes } = await axe.run(context ? { include: [[context]] } : document, {
      resultTypes: ['violations'],
    });
    return { violations, passed: passes.length };
  }, include ?? null);
  // axe did look: dozens of rules apply to any of these pages.
  assert.ok(passed > 10, `axe ran (${passed} rules passed)`);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.html.slice(0, 120))
          .join(' | ')}`,
    );
}

test('the popup, light and dark', async () => {
  const popup = await tifa.openPopup();
  await popup.getByTestId('card-prompt').waitFor({ timeout: 15_000 });
  assert.deepEqual(await serious(popup), [], 'question side');
  await popup.keyboard.press('Space');
  await popup.getByTestId('card-answer').waitFor();
  assert.deepEqual(await serious(popup), [], 'answer side');
  await popup.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await serious(popup), [], 'dark');
  await popup.close();
});

test('every tab of 学习中心', async () => {
  const page = await tifa.openDashboard('#cards');
  await page.getByTestId('tab-cards').waitFor({ timeout: 15_000 });
  const tabs = await page.locator('.dash-nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  assert.ok(tabs.length >= 8, `tabs: ${tabs.join(' ')}`);
  for (const hash of tabs) {
    await page.goto(page.url().replace(/#.*$/, '') + hash);
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    await page.waitForTimeout(400); // live queries settle
    assert.deepEqual(await serious(page), [], hash);
  }
  await page.close();
});

test('the quiz: setup, a choice question, its feedback, the summary', async () => {
  const page = await tifa.context.newPage();
  await page.goto(`chrome-extension://${tifa.extensionId}/quiz.html`);
  await page.getByTestId('quiz-start').waitFor({ timeout: 15_000 });
  assert.deepEqual(await serious(page), [], 'setup');
  for (const k of ['judge', 'fill']) await page.getByTestId(`quiz-kind-${k}`).uncheck();
  await page.getByTestId('quiz-count-5').check();
  await page.getByTestId('quiz-start').click();
  for (let i = 0; i < 5; i++) {
    await page.getByTestId('quiz-question').waitFor();
    if (i === 0) assert.deepEqual(await serious(page), [], 'question');
    await page.getByTestId('quiz-option').first().click();
    await page.keyboard.press('Enter');
    await page.getByTestId('quiz-feedback').waitFor();
    if (i === 0) assert.deepEqual(await serious(page), [], 'feedback');
    await page.keyboard.press('Enter');
  }
  await page.getByTestId('quiz-summary').waitFor();
  assert.deepEqual(await serious(page), [], 'summary');
  await page.close();
});

test('the hover card, rebuilt from its closed root under an open one', async () => {
  const page = await newsPageAt(tifa, { width: 1280, height: 800 });
  await hoverTerm(page, '六个精准');
  await page.waitForTimeout(300);
  const card = await inClosedRoot<{ html: string; css: string[] }>(
    page,
    'tifa-hover-card',
    `return { html: root.innerHTML, css: [...root.adoptedStyleSheets].map((s) => [...s.cssRules].map((r) => r.cssText).join('\\n')) };`,
  );
  assert.ok(card && card.html.includes('六个精准'), 'the card was read');
  // The page as served, its scripts left out (the content script's host is not in the served HTML).
  const served = await page.evaluate(() => fetch(location.href).then((r) => r.text()));

  const copy = await tifa.context.newPage();
  await copy.setViewportSize({ width: 1280, height: 800 });
  await copy.setContent(served.replace(/<script[\s\S]*?<\/script>/gi, ''));
  await copy.evaluate(({ html, css }) => {
    const host = document.createElement('tifa-hover-card');
    const root = host.attachShadow({ mode: 'open' });
    root.setHTMLUnsafe(html);
    root.adoptedStyleSheets = css.map((text) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      return sheet;
    });
    document.body.append(host);
  }, card!);
  // The copy holds the card as the page shows it.
  const original = await inClosedRoot<string>(page, 'tifa-hover-card', 'return dialog.textContent;');
  const copied = await copy.evaluate(
    () => document.querySelector('tifa-hover-card')!.shadowRoot!.querySelector('[role=dialog]')!.textContent,
  );
  assert.equal(copied, original);
  assert.deepEqual(await serious(copy, 'tifa-hover-card'), [], 'the card');
  // The card adds no landmark of its own: the page keeps one banner and one contentinfo.
  const landmarks = await copy.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: Violation[] }> } })
      .axe;
    const { violations } = await axe.run(document, {
      runOnly: ['landmark-no-duplicate-banner', 'landmark-no-duplicate-contentinfo', 'landmark-unique'],
    });
    return violations.map((v) => v.id);
  });
  assert.deepEqual(landmarks, []);
  await Promise.all([page.close(), copy.close()]);
});

test('a card whose documents disagree: its warning is readable, light and dark', async () => {
  // The quiz and the popup show this warning only when they happen to draw such a card: here one is opened.
  const page = await tifa.openDashboard('#cards');
  await page.getByTestId('tab-cards').waitFor({ timeout: 15_000 });
  const cards = await readTable<{ id: string; conflicts?: string[] }>(page, 'cards');
  const disputed = cards.find((c) => c.conflicts?.length);
  assert.ok(disputed, 'the bundled deck has a card with a conflict');
  await page.goto(page.url().replace(/#.*$/, '') + `#cards?card=${encodeURIComponent(disputed.id)}`);
  await page.getByTestId('conflict-warning').first().waitFor({ timeout: 10_000 });
  assert.deepEqual(await serious(page), [], 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await serious(page), [], 'dark');
  await page.close();
});
