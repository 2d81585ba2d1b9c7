// Anki import (issue 18) in the real extension: an .apkg of the newest kind (zstd collection.anki21b,
// made here with sql.js) through the import page's file input → the preview (decks, field mapping,
// 保留复习进度, the first notes as Tifa cards, HTML shown as text and never run) → written as one
// document per deck with progress and logs; a bad file is refused in Chinese with the database unchanged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import initSqlJs from 'sql.js';
import type { Page } from 'playwright-core';
import { bundledLoaded, launchTifa, readTable, watchErrors, type Tifa } from './harness.ts';
import { latestPackage, makeCollection } from '../lib/anki/make-anki.ts';
import { sampleCollection } from '../lib/anki/sample.ts';
import { ANKI_MESSAGES } from '../../lib/anki/read-types.ts';

let tifa: Tifa;
let apkg: Buffer;
before(async () => {
  const SQL = await initSqlJs();
  const stub = makeCollection(SQL, { ...sampleCollection(11), notes: [], cards: [] });
  apkg = Buffer.from(latestPackage(makeCollection(SQL, sampleCollection(18)), stub, 2));
  tifa = await launchTifa();
});
after(async () => {
  await tifa?.close();
});

async function dump(page: Page): Promise<string> {
  const names = ['sources', 'notes', 'cards', 'reviewLogs', 'histories', 'texts', 'conflicts'];
  return JSON.stringify(await Promise.all(names.map((n) => readTable(page, n))));
}

test('a bad .apkg is refused in Chinese and changes nothing', async () => {
  const page = await tifa.openDashboard('#import');
  await bundledLoaded(page);
  const before = await dump(page);
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: '坏文件.apkg', mimeType: 'application/octet-stream', buffer: Buffer.from('不是压缩包') });
  await page.getByRole('alert').filter({ hasText: ANKI_MESSAGES['not-zip'] }).waitFor({ timeout: 20_000 });
  assert.equal(await dump(page), before);
  await page.close();
});

test('an .apkg → preview → 导入所选卡组 → decks as documents, cards with their schedule and logs', async () => {
  const page = await tifa.openDashboard('#import');
  const errors = watchErrors(page);
  const dialogs: string[] = [];
  page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
  await bundledLoaded(page);
  const logsBefore = (await readTable(page, 'reviewLogs')).length;
  assert.equal((await readTable(page, 'histories')).length, 0);
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: '学习卡组.apkg', mimeType: 'application/octet-stream', buffer: apkg });
  const preview = page.getByTestId('anki-preview');
  await preview.waitFor({ timeout: 30_000 });
  assert.match(
    await page.getByTestId('anki-counts').innerText(),
    /共 5 条笔记、7 张卡片、4 条复习记录；2 个媒体文件（图片、声音）不会导入/,
  );
  assert.equal(await page.getByTestId('anki-deck').count(), 2);
  assert.equal(await page.getByTestId('anki-notetype').count(), 3);
  // The first notes as Tifa cards; the HTML in a field is text: no element made from it, no script run.
  const samples = page.getByTestId('anki-sample');
  assert.equal(await samples.count(), 6);
  assert.ok(await samples.filter({ hasText: '什么是新发展理念？' }).isVisible());
  assert.equal(
    await page
      .locator('[data-testid=anki-samples] script, [data-testid=anki-samples] img, [data-testid=anki-samples] b')
      .count(),
    0,
  );
  assert.equal(await page.getByTestId('anki-sample-skipped').count(), 1);
  // Mapping: 原文 of 问答题 set to （无）: its card no longer quotes the meeting sentence.
  const qa = page.getByTestId('anki-notetype').filter({ hasText: '问答题' });
  await qa.getByTestId('anki-map-quote').selectOption('-1');
  assert.equal(await samples.filter({ hasText: '会上强调' }).count(), 0);
  await qa.getByTestId('anki-map-quote').selectOption({ label: '原文' });
  assert.equal(await samples.filter({ hasText: '会上强调' }).count(), 1);

  await page.getByTestId('anki-confirm').click();
  await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
  assert.match(
    await page.getByTestId('import-done').innerText(),
    /^已导入 Anki 卡组：2 份文件，新增 6 张卡片，复习记录 4 条，跳过 1 张空卡片。/,
  );

  const cards = await readTable<{
    id: string;
    prompt: string;
    fsrs: { stability: number; difficulty: number; state: number };
    suspended: number;
  }>(page, 'cards');
  const anki = cards.filter((c) => c.id.startsWith('anki-'));
  assert.equal(anki.length, 6);
  const two = anki.find((c) => c.prompt === '“两个维护”指的是什么？')!;
  assert.deepEqual([two.fsrs.stability, two.fsrs.difficulty, two.fsrs.state], [31.5, 6.2, 2]);
  assert.equal(anki.filter((c) => c.suspended === 1).length, 1);
  // The reviews came in as histories, a card's in one row (schema v9); Tifa's own ratings untouched.
  assert.equal((await readTable(page, 'reviewLogs')).length, logsBefore);
  const histories = await readTable<{ cardId: string; logs: unknown[] }>(page, 'histories');
  assert.equal(
    histories.reduce((n, h) => n + h.logs.length, 0),
    4,
  );
  assert.ok(histories.every((h) => h.cardId.startsWith('anki-')));

  // The imported reviews are the card's history and count in the statistics, like Tifa's own ratings.
  const most = histories.reduce((a, b) => (b.logs.length > a.logs.length ? b : a));
  const reviewed = anki.find((c) => c.id === most.cardId)!;
  assert.ok(most.logs.length > 1, 'the sample gives a card several Anki reviews');
  await page.goto(page.url().replace(/#.*$/, '#stats'));
  await page
    .getByTestId('stats-reviews-total')
    .filter({ hasText: String(logsBefore + 4) })
    .waitFor();
  await page.goto(page.url().replace(/#.*$/, '#cards'));
  await page.getByTestId('card-search').fill(reviewed.prompt);
  await page.getByTestId('card-row').filter({ hasText: reviewed.prompt }).first().click();
  await page.getByTestId('card-history').waitFor();
  assert.equal(await page.getByTestId('card-history').locator('tbody tr').count(), most.logs.length);

  await page.goto(page.url().replace(/#.*$/, '#documents'));
  const doc = page.getByTestId('doc-item').filter({ hasText: '理论学习 › 全会精神' });
  await doc.waitFor();
  assert.match(await doc.innerText(), /共 3 张/);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  await page.close();
});
