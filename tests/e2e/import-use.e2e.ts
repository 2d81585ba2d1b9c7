// An imported document is used like a bundled one (issue 13): a .docx through the real file input
// → preview → 加入学习 → its new formulation is highlighted on a news page and the hover card names
// the document as the source → 加入学习 from the card brings its cards to the popup, rated there with
// the keyboard → 重新导入 of a changed version keeps that card's progress.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  clickCardButton,
  firstPassDone,
  hoverCardText,
  hoverTerm,
  readTable,
  waitForCardText,
  watchErrors,
} from './harness.ts';
import { suiteTifa } from './suite.ts';
import { makeDocx } from './docx.ts';

const tifa = await suiteTifa();

// Our own sentences; "三个体系" and its members are in none of the bundled documents.
const TITLE = '关于加强城市安全韧性建设的学习材料';
const DOC = [
  TITLE,
  '（2025年9月12日）',
  '各级党委和政府要把城市安全摆在突出位置，压实属地管理责任。',
  '要健全“三个体系”：隐患排查治理体系、风险监测预警体系、应急救援保障体系。',
  '2024年，全市共排查整改各类安全隐患4.2万处，整改率达到98.6%。',
  '要坚持“两个注重”，即注重源头治理、注重常态长效。',
];
const MEMBERS = ['隐患排查治理体系', '风险监测预警体系', '应急救援保障体系'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface Card {
  id: string;
  noteId: string;
  prompt: string;
  sourceIds: string[];
  retired: number;
  fsrs: { state: number; reps: number; stability: number; due: string | Date };
}

async function bundledLoaded(page: Page): Promise<void> {
  for (let i = 0; i < 100 && (await readTable(page, 'cards')).length === 0; i++) await page.waitForTimeout(200);
}

function highlighted(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...(CSS.highlights.get('tifa-term') ?? [])].map((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    }),
  );
}

/**
 * The terms painted on a fixture page, loaded in `page` (a fresh tab, closed after, when none is
 * given); with `want`, loaded again until it is painted (the index is rebuilt in the background).
 */
async function paintedOn(path: string, want?: string, page?: Page): Promise<string[]> {
  const tab = page ?? (await tifa.context.newPage());
  let found: string[] = [];
  for (let i = 0; i < 20; i++) {
    await tab.goto(tifa.pageUrl(path));
    await firstPassDone(tab);
    found = await highlighted(tab);
    if (!want || found.includes(want)) break;
    await tab.waitForTimeout(300);
  }
  if (!page) await tab.close();
  return found;
}

let sourceId = '';
let reviewed: Card;

test("a .docx imported through the file input is highlighted on a news page, its title the hover card's source", async () => {
  const dashboard = await tifa.openDashboard('#import');
  const errors = watchErrors(dashboard);
  await bundledLoaded(dashboard);
  const plain = await paintedOn('city-safety.html');
  assert.ok(
    !plain.includes('三个体系') && !plain.includes('三项机制'),
    `not in the deck before the import (found: ${plain.join('、')})`,
  );
  await dashboard
    .getByTestId('import-file')
    .setInputFiles({ name: '城市安全.docx', mimeType: DOCX, buffer: makeDocx(DOC) });
  await dashboard.getByTestId('import-preview').waitFor({ timeout: 30_000 });
  assert.equal(await dashboard.getByTestId('import-title').inputValue(), TITLE);
  assert.match(await dashboard.getByTestId('import-preview').innerText(), /三个体系/);
  await dashboard.getByTestId('import-confirm').click();
  await dashboard.getByTestId('import-done').waitFor();
  sourceId = (await readTable<{ id: string; title: string }>(dashboard, 'sources')).find((s) => s.title === TITLE)!.id;
  assert.ok(sourceId, 'the document is in the deck');
  assert.deepEqual(errors, []);
  await dashboard.close();

  // The service worker rebuilds its term index from the store: the new terms are painted.
  const page = await tifa.context.newPage();
  const pageErrors = watchErrors(page);
  const found = await paintedOn('city-safety.html', '三个体系', page);
  for (const term of ['三个体系', ...MEMBERS])
    assert.ok(found.includes(term), `${term} is highlighted (found: ${found.join('、')})`);

  await hoverTerm(page, '三个体系');
  const text = await hoverCardText(page);
  assert.match(text, /三个体系/);
  for (const member of MEMBERS) assert.ok(text.includes(member), `member ${member} in the card: ${text}`);
  assert.ok(text.includes(`《${TITLE}》`), `the imported document is the source: ${text}`);

  // 加入学习 from the card: the imported note's cards go to the front of today's new cards.
  await clickCardButton(page, '加入学习');
  await waitForCardText(page, /已加入学习。/);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('the imported cards come up in the popup, rated there with key 3, and the review is logged', async () => {
  assert.ok(sourceId, 'runs after the import');
  const popup = await tifa.openPopup();
  const errors = watchErrors(popup);
  const prompt = await popup.getByTestId('card-prompt').innerText();
  assert.match(
    prompt,
    /三个体系|隐患排查治理体系|风险监测预警体系|应急救援保障体系/,
    `the first card is the imported one asked for: ${prompt}`,
  );
  await popup.keyboard.press('Space');
  await popup.getByTestId('card-answer').waitFor();
  await popup.keyboard.press('3');

  let logs: Array<{ cardId: string; rating: number }> = [];
  for (let i = 0; i < 50 && logs.length === 0; i++) {
    logs = await readTable<{ cardId: string; rating: number }>(popup, 'reviewLogs');
    if (logs.length === 0) await popup.waitForTimeout(100);
  }
  const cards = await readTable<Card>(popup, 'cards');
  const mine = new Map(cards.filter((c) => c.sourceIds.includes(sourceId)).map((c) => [c.id, c]));
  const log = logs.find((l) => mine.has(l.cardId));
  assert.ok(log, `a review log for an imported card (logs: ${JSON.stringify(logs)})`);
  assert.equal(log.rating, 3);
  reviewed = mine.get(log.cardId)!;
  const note = (await readTable<{ id: string; name: string }>(popup, 'notes')).find((n) => n.id === reviewed.noteId);
  assert.equal(note?.name, '三个体系', 'the card rated is one of the note asked for');
  assert.equal(reviewed.fsrs.reps, 1);
  assert.notEqual(reviewed.fsrs.state, 0, 'no longer new');
  assert.deepEqual(errors, []);
  await popup.close();
});

test("重新导入 a version with one sentence changed keeps the reviewed card's progress", async () => {
  assert.ok(reviewed, 'runs after the review');
  const page = await tifa.openDashboard('#documents');
  const errors = watchErrors(page);
  const doc = page.getByTestId('doc-item').filter({ hasText: TITLE });
  await doc.getByTestId('doc-reimport').click();
  await page.getByTestId('import-replace-banner').waitFor();
  // The "两个注重" sentence is revised: its cards change, the reviewed "三个体系" card does not.
  const changed = DOC.map((line) => line.replace('注重常态长效', '注重长效常治'));
  assert.notDeepEqual(changed, DOC);
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: '城市安全（修订）.docx', mimeType: DOCX, buffer: makeDocx(changed) });
  await page.getByTestId('import-replacing').waitFor({ timeout: 30_000 });
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-done').waitFor();
  // The cards of the revised sentence are retired (their new wording added); the rest keep their progress.
  assert.match(
    await page.getByTestId('import-done').innerText(),
    /新增 [1-9]\d* 张，保留进度 [1-9]\d* 张，停用 [1-9]\d* 张/,
  );

  const sources = await readTable<{ id: string; title: string }>(page, 'sources');
  assert.equal(sources.filter((s) => s.title === TITLE).length, 1, 'still one document');
  const after = (await readTable<Card>(page, 'cards')).find((c) => c.id === reviewed.id);
  assert.ok(after, 'the reviewed card is still there');
  assert.equal(after.retired, 0);
  assert.equal(after.fsrs.state, reviewed.fsrs.state);
  assert.equal(after.fsrs.reps, reviewed.fsrs.reps);
  assert.equal(after.fsrs.stability, reviewed.fsrs.stability);
  assert.equal(new Date(after.fsrs.due).getTime(), new Date(reviewed.fsrs.due).getTime());
  const cards = await readTable<Card>(page, 'cards');
  assert.ok(
    cards.some((c) => c.prompt.includes('注重常态长效') && c.retired === 1),
    'the old wording is retired, not deleted',
  );
  assert.ok(
    cards.some((c) => c.prompt.includes('注重长效常治') && c.retired === 0),
    'the new wording is in the deck',
  );
  const logs = await readTable<{ cardId: string }>(page, 'reviewLogs');
  assert.ok(
    logs.some((l) => l.cardId === reviewed.id),
    'its review history is kept',
  );
  assert.deepEqual(errors, []);
  await page.close();
});

test('a PDF printed by Chromium, imported through the file input, is highlighted with its title as the source', async () => {
  const printer = await tifa.context.newPage();
  await printer.setContent(
    `<html><head><meta charset="utf-8"><title>意见</title></head><body style="font-family:'Noto Sans CJK SC',sans-serif">
      <h1>关于完善基层应急管理工作的意见</h1><p>（2025年10月20日）</p>
      <p>要落实“三项机制”：会商研判机制、督办问责机制、评估反馈机制。</p>
      <p>2024年，全省共开展应急演练3400场次。</p></body></html>`,
  );
  const pdf = await printer.pdf({ format: 'A4' });
  await printer.close();
  const dashboard = await tifa.openDashboard('#import');
  const errors = watchErrors(dashboard);
  await dashboard
    .getByTestId('import-file')
    .setInputFiles({ name: '意见.pdf', mimeType: 'application/pdf', buffer: pdf });
  await dashboard.getByTestId('import-preview').waitFor({ timeout: 30_000 });
  const title = await dashboard.getByTestId('import-title').inputValue();
  assert.equal(title, '关于完善基层应急管理工作的意见');
  await dashboard.getByTestId('import-confirm').click();
  await dashboard.getByTestId('import-done').waitFor();
  assert.deepEqual(errors, []);
  await dashboard.close();

  const page = await tifa.context.newPage();
  const found = await paintedOn('city-safety.html', '三项机制', page);
  for (const term of ['三项机制', '会商研判机制', '三个体系'])
    assert.ok(found.includes(term), `${term} is highlighted (found: ${found.join('、')})`);
  await hoverTerm(page, '三项机制');
  const text = await hoverCardText(page);
  assert.ok(text.includes(`《${title}》`), `the imported PDF is the source: ${text}`);
  await page.close();
});
