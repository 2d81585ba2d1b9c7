// Importing a document (issue 13): a file through the real file input, pasted text, the page the
// popup hands over (导入本页) → preview → 加入学习 → the cards are in the deck; a bad file is refused
// in Chinese with the database unchanged; 重新导入 keeps progress; 删除 removes the document.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { bundledLoaded, readTable, watchErrors, ROOT } from './harness.ts';
import { suiteTifa } from './suite.ts';
import { makeDocx } from './docx.ts';

// Until the extract branch replaces lib/extract/index.ts, it reads only text and HTML: the PDF and
// .docx cases below run as soon as the stub is gone.
const STUB = readFileSync(join(ROOT, 'lib/extract/index.ts'), 'utf8').startsWith('// STUB');
const STUB_REASON =
  'lib/extract/index.ts is still the stub (text and HTML only); enabled once the extract branch is merged';
const SHOTS = join(ROOT, '.tmp');

const tifa = await suiteTifa();
// A test that fails leaves its pages open, and a later 导入 or 导入本页 would land in its dashboard (the extension
// brings the open one to the front): every test starts with none of the extension's or the fixtures' pages.
afterEach(async () => {
  for (const page of tifa.context.pages()) if (!page.isClosed() && page.url() !== 'about:blank') await page.close();
});
mkdirSync(SHOTS, { recursive: true });

// Sentences of our own in the style of a study material; one figure disagrees with a bundled document.
const DOC = `关于巩固拓展脱贫攻坚成果的学习材料
（2025年6月18日）
各级党组织要深刻认识巩固拓展脱贫攻坚成果的重大意义，把责任扛在肩上。
要落实“三个到位”：思想认识到位、责任落实到位、督促检查到位。
据统计，贫困发生率由2012年底的10.2%下降到2017年底的3.5%。
2024年，全省脱贫人口人均纯收入达到16800元，同比增长8.2%。
要健全“两项机制”，即防止返贫动态监测机制和常态化帮扶机制。
`;

const PASTED = `各地要把“五个坚持”贯穿工作始终，即坚持党的领导、坚持人民至上、坚持实事求是、坚持系统观念、坚持守正创新。
到2025年底，全省农村自来水普及率达到92%以上，规模化供水工程覆盖农村人口比例达到65%。
`;

/** Every table of the extension's database, as JSON, from one of its pages. */
function dump(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((ok, fail) => {
        const open = indexedDB.open('tifa');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames].sort();
          const tx = db.transaction(names);
          const out: Record<string, unknown> = {};
          for (const name of names) {
            const req = tx.objectStore(name).getAll();
            req.onsuccess = () => (out[name] = req.result);
          }
          tx.oncomplete = () => {
            db.close();
            ok(JSON.stringify(out));
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
  );
}

async function chooseFile(page: Page, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType, buffer });
}

test('a text file through the real file input → preview → 加入学习 → the cards are in the deck', async () => {
  const page = await tifa.openDashboard('#import');
  const errors = watchErrors(page);
  await bundledLoaded(page);
  await chooseFile(page, '学习材料.txt', 'text/plain', Buffer.from(DOC, 'utf8'));
  const preview = page.getByTestId('import-preview');
  await preview.waitFor({ timeout: 20_000 });

  // Title and date found, counts by kind, groups with the source sentence, a conflict beside its card.
  assert.equal(await page.getByTestId('import-title').inputValue(), '关于巩固拓展脱贫攻坚成果的学习材料');
  assert.equal(await page.getByTestId('import-date').inputValue(), '2025-06-18');
  assert.match(await page.getByTestId('import-counts').innerText(), /提法 \d+ 张、数字 \d+ 张/);
  assert.ok(await page.getByTestId('import-group-formulation').isVisible());
  assert.ok(await page.getByTestId('import-group-figure').isVisible());
  const conflict = page.getByTestId('import-conflict').first();
  assert.match(await conflict.innerText(), /本文件：3\.5%，《.+》：3\.1%/);
  await page.screenshot({ path: join(SHOTS, 'import-preview.png'), fullPage: true });

  // Headline items come ticked; 全选 in the figure group ticks the rest there.
  const checks = page.getByTestId('import-card-check');
  const total = await checks.count();
  const ticked = async () => (await Promise.all((await checks.all()).map((c) => c.isChecked()))).filter(Boolean).length;
  const before = await ticked();
  assert.ok(before > 0 && before < total, `some but not all cards ticked (${before}/${total})`);
  await page.getByTestId('import-all-figure').click();
  assert.ok((await ticked()) > before);
  await page.getByTestId('import-title').fill('巩固拓展脱贫攻坚成果学习材料');

  // Nothing is written before 加入学习.
  assert.equal((await readTable<{ id: string }>(page, 'texts')).length, 0);
  const chosen = await ticked();
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-done').waitFor();
  assert.match(
    await page.getByTestId('import-done').innerText(),
    new RegExp(`已加入学习：《巩固拓展脱贫攻坚成果学习材料》，新增 ${chosen} 张`),
  );

  const sources = await readTable<{ id: string; title: string; origin: string }>(page, 'sources');
  const mine = sources.find((s) => s.title === '巩固拓展脱贫攻坚成果学习材料')!;
  assert.ok(mine && mine.origin === `import:${mine.id}`);
  const cards = await readTable<{ sourceIds: string[]; retired: number; conflicts?: string[] }>(page, 'cards');
  assert.equal(cards.filter((c) => c.sourceIds.includes(mine.id)).length, chosen);
  const conflicts = await readTable<{ values: string[] }>(page, 'conflicts');
  assert.ok(conflicts.some((c) => c.values.join() === '3.5%,3.1%'));

  // The card browser finds them (search), the documents page lists the document.
  await page.goto(page.url().replace(/#.*$/, '#cards'));
  await page.getByTestId('card-search').fill('督促检查到位');
  await page.getByTestId('card-row').filter({ hasText: '三个到位' }).first().waitFor();
  await page.getByTestId('card-search').fill('');
  await page.getByTestId('filter-source').selectOption(mine.id);
  await page
    .getByTestId('card-count')
    .filter({ hasText: `共 ${chosen} 张` })
    .waitFor();
  await page.goto(page.url().replace(/#.*$/, '#documents'));
  const doc = page.getByTestId('doc-item').filter({ hasText: '巩固拓展脱贫攻坚成果学习材料' });
  await doc.waitFor();
  assert.match(await doc.innerText(), /导入的文件/);
  assert.match(await doc.innerText(), new RegExp(`共 ${chosen} 张`));
  await page.screenshot({ path: join(SHOTS, 'import-documents.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the same file again is refused as already imported, and 重新导入 keeps progress', async () => {
  const page = await tifa.openDashboard('#import');
  await chooseFile(page, '学习材料（再次）.txt', 'text/plain', Buffer.from(DOC, 'utf8'));
  await page.getByTestId('import-duplicate').waitFor({ timeout: 20_000 });
  assert.match(await page.getByTestId('import-duplicate').innerText(), /已经导入过/);
  await page.getByTestId('import-duplicate-replace').click();
  await page.getByTestId('import-replacing').waitFor({ timeout: 20_000 });
  assert.ok(await page.getByText('已有进度').first().isVisible());
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-done').waitFor();
  assert.match(await page.getByTestId('import-done').innerText(), /保留进度 \d+ 张/);
  const sources = await readTable<{ title: string }>(page, 'sources');
  assert.equal(sources.filter((s) => s.title.includes('脱贫攻坚成果')).length, 1, 'still one document');
  await page.close();
});

test('重新导入 from the documents page: a changed version keeps what stayed and retires what vanished', async () => {
  const page = await tifa.openDashboard('#documents');
  const doc = page.getByTestId('doc-item').filter({ hasText: '巩固拓展脱贫攻坚成果学习材料' });
  await doc.getByTestId('doc-reimport').click();
  await page.getByTestId('import-replace-banner').waitFor();
  assert.match(await page.getByTestId('import-replace-banner').innerText(), /重新导入《巩固拓展脱贫攻坚成果学习材料》/);
  // The newer version drops the "两项机制" sentence.
  const changed = DOC.replace(/要健全“两项机制”.*\n/, '');
  await chooseFile(page, '学习材料（修订）.txt', 'text/plain', Buffer.from(changed, 'utf8'));
  await page.getByTestId('import-replacing').waitFor({ timeout: 20_000 });
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-done').waitFor();
  assert.match(await page.getByTestId('import-done').innerText(), /保留进度 \d+ 张，停用 \d+ 张/);
  const cards = await readTable<{ prompt: string; retired: number }>(page, 'cards');
  const gone = cards.filter((c) => c.prompt.includes('两项机制'));
  assert.ok(gone.length > 0 && gone.every((c) => c.retired === 1), 'vanished cards are kept, retired');
  assert.ok(cards.some((c) => c.prompt.includes('三个到位') && c.retired === 0));
  await page.close();
});

test('pasted text with a title → preview → 加入学习', async () => {
  const page = await tifa.openDashboard('#import');
  await page.getByTestId('paste-title').fill('农村供水工作要点');
  await page.getByTestId('paste-text').fill(PASTED);
  await page.getByTestId('paste-submit').click();
  await page.getByTestId('import-preview').waitFor({ timeout: 20_000 });
  assert.equal(await page.getByTestId('import-title').inputValue(), '农村供水工作要点');
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-done').waitFor();
  const sources = await readTable<{ title: string }>(page, 'sources');
  assert.ok(sources.some((s) => s.title === '农村供水工作要点'));
  await page.close();
});

test('a key statement (论断) is shown in the preview in its own group, and a card unticked there is not written', async () => {
  const page = await tifa.openDashboard('#import');
  await page.getByTestId('paste-title').fill('经济工作学习要点');
  await page
    .getByTestId('paste-text')
    .fill('会议要求，明年要坚持稳中求进工作总基调，持续扩大内需。\n到2026年底，全县农村自来水普及率达到95%以上。\n');
  await page.getByTestId('paste-submit').click();
  await page.getByTestId('import-preview').waitFor({ timeout: 20_000 });
  assert.match(await page.getByTestId('import-counts').innerText(), /论断 1 张/);
  const group = page.getByTestId('import-group-statement');
  assert.match(await group.innerText(), /坚持什么工作总基调？/);
  const check = group.getByTestId('import-card-check');
  assert.ok(await check.isChecked(), 'a headline statement comes ticked');
  await check.uncheck();
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-done').waitFor();
  const cards = await readTable<{ prompt: string }>(page, 'cards');
  assert.ok(!cards.some((c) => c.prompt.includes('《经济工作学习要点》')), 'the unticked statement was written');
  assert.ok(
    cards.some((c) => c.prompt.includes('自来水普及率')),
    'the ticked figure is written',
  );
  await page.close();
});

test('pasted text without a title → the preview asks for one before 加入学习', async () => {
  const page = await tifa.openDashboard('#import');
  await page
    .getByTestId('paste-text')
    .fill(
      '全县上下要坚持“三个到位”，即思想认识到位、责任落实到位、工作措施到位。\n到2026年底，全县农村自来水普及率达到95%以上。\n',
    );
  await page.getByTestId('paste-submit').click();
  await page.getByTestId('import-preview').waitFor({ timeout: 20_000 });
  const title = page.getByTestId('import-title');
  assert.equal(await title.inputValue(), '', 'its first sentence is no title');
  assert.equal(await title.getAttribute('placeholder'), '没有找到标题，请填写');
  assert.ok(await page.getByTestId('import-confirm').isDisabled());
  await title.fill('农村供水工作材料');
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-done').waitFor();
  const sources = await readTable<{ title: string }>(page, 'sources');
  assert.ok(sources.some((s) => s.title === '农村供水工作材料'));
  await page.close();
});

test('bad files are refused with a Chinese message, the database unchanged and the page usable', async () => {
  const page = await tifa.openDashboard('#import');
  const errors = watchErrors(page);
  await bundledLoaded(page);
  const before = await dump(page);
  const cases: Array<[string, string, Buffer, RegExp]> = [
    ['旧文件.doc', 'application/msword', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]), /旧版 Word/],
    ['照片.png', 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), /图片/],
    ['空文件.txt', 'text/plain', Buffer.alloc(0), /空的/],
    [
      'english.txt',
      'text/plain',
      Buffer.from('This report is written in English only, with no Chinese at all. '.repeat(20)),
      /中文/,
    ],
  ];
  for (const [name, mime, buffer, message] of cases) {
    await chooseFile(page, name, mime, buffer);
    const alert = page.getByRole('alert').filter({ hasText: message });
    await alert.waitFor({ timeout: 20_000 });
    assert.match(await alert.innerText(), /[\u4e00-\u9fff]/);
    assert.ok(await page.getByTestId('import-file').isEnabled(), `${name}: the page stays usable`);
  }
  assert.equal(await dump(page), before, 'nothing was written');
  assert.deepEqual(errors, []);
  await page.close();
});

test('cancel while reading leaves nothing behind', async () => {
  const page = await tifa.openDashboard('#import');
  const before = await dump(page);
  // A long document, so that the worker is still busy when 取消 is pressed.
  const long = `长篇学习材料\n（2025年7月1日）\n${Array.from({ length: 1500 }, (_, i) => `第${i + 1}条，要落实“三个到位”：思想认识到位、责任落实到位、督促检查到位，全年完成任务${i + 100}项。`).join('\n')}`;
  await chooseFile(page, '长篇.txt', 'text/plain', Buffer.from(long, 'utf8'));
  await page.getByTestId('import-progress').waitFor();
  // The page answers while the worker reads: a click is handled at once.
  await page.getByTestId('import-cancel').click({ timeout: 2_000 });
  await page.getByTestId('import-done').filter({ hasText: '已取消' }).waitFor();
  assert.equal(await page.getByTestId('import-preview').count(), 0);
  assert.equal(await dump(page), before);
  await page.close();
});

test('closing the dashboard mid-import leaves no half document', async () => {
  const page = await tifa.openDashboard('#import');
  const before = await dump(page);
  const long = `另一篇长篇学习材料\n（2025年7月2日）\n${Array.from({ length: 1500 }, (_, i) => `第${i + 1}项，要坚持“两个维护”，全年完成调研${i + 200}次。`).join('\n')}`;
  await chooseFile(page, '长篇二.txt', 'text/plain', Buffer.from(long, 'utf8'));
  await page.getByTestId('import-progress').waitFor();
  await page.close();
  const again = await tifa.openDashboard('#import');
  await again.getByTestId('import-file').waitFor({ state: 'attached' });
  assert.equal(await dump(again), before);
  await again.close();
});

test('导入本页: the popup reads the article and the import page previews it', async () => {
  const article = await tifa.context.newPage();
  await article.goto(tifa.pageUrl('article-import.html'));
  await article.bringToFront();
  const tabId = (await tifa.worker.evaluate(`chrome.tabs.query({ active: true }).then((t) => t[0].id)`)) as number;
  // Automation cannot click the toolbar icon, and only that click grants activeTab: without it
  // Chromium refuses scripting.executeScript on the page (tried: "不能读取"). So the popup opened
  // as a tab here gets the article's tab from tabs.query, and executeScript runs the popup's own
  // injected function in the article through Playwright instead; everything after it is real.
  const read = { html: await article.content(), title: await article.title(), url: article.url() };
  const popup = await tifa.context.newPage();
  await popup.addInitScript(`{
    const query = chrome.tabs.query.bind(chrome.tabs);
    chrome.tabs.query = (info) => (info && info.active ? Promise.resolve([{ id: ${tabId}, index: 0, active: true }]) : query(info));
    const run = chrome.scripting.executeScript.bind(chrome.scripting);
    chrome.scripting.executeScript = (inj) =>
      inj.target.tabId === ${tabId} && typeof inj.func === 'function' && !inj.args ? Promise.resolve([{ frameId: 0, result: ${JSON.stringify(read)} }]) : run(inj);
  }`);
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${tifa.extensionId}/popup.html`);
  // The popup's buttons are the app's once it has read today's queue (a peek painted before has none).
  await popup.getByTestId('card-prompt').waitFor();
  assert.ok(await popup.getByTestId('open-import').isVisible());
  await popup.screenshot({ path: join(SHOTS, 'import-popup.png') });
  await popup.getByTestId('import-page').click();
  // The background opens the dashboard's import page (or turns an open dashboard tab to it).
  let dashboard: Page | undefined;
  for (let i = 0; i < 150 && !dashboard; i++) {
    dashboard = tifa.context.pages().find((p) => p.url().includes('dashboard.html#import'));
    if (!dashboard) await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(dashboard, 'the dashboard opened on #import');
  const errors = watchErrors(dashboard);
  await dashboard.getByTestId('import-preview').waitFor({ timeout: 20_000 });
  assert.match(await dashboard.getByTestId('import-title').inputValue(), /推进基层治理现代化/);
  const text = await dashboard.getByTestId('import-preview').innerText();
  assert.match(text, /四个到位/);
  assert.ok(!text.includes('写得好'), 'comments are not part of the article');
  // Handed over once: a reload does not import it again.
  assert.equal(
    await dashboard.evaluate(`chrome.storage.session.get('tifa:page-import').then((x) => Object.keys(x).length)`),
    0,
  );
  await dashboard.getByTestId('import-confirm').click();
  await dashboard.getByTestId('import-done').waitFor();
  const sources = await readTable<{ title: string; url?: string }>(dashboard, 'sources');
  assert.ok(sources.some((s) => /推进基层治理现代化/.test(s.title) && s.url === article.url()));
  assert.deepEqual(errors, []);
  await dashboard.close();
  await article.close();
  if (!popup.isClosed()) await popup.close();
});

test('导入本页 on a page no extension may read says so in Chinese', async () => {
  // The popup opened as a tab sees itself: an extension page, which scripting cannot read.
  const popup = await tifa.openPopup();
  await popup.getByTestId('import-page').click();
  const alert = popup.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /不能读取|没有读到/);
  await popup.close();
});

test('删除 asks first, then removes the document and its own cards', async () => {
  const page = await tifa.openDashboard('#documents');
  const doc = page.getByTestId('doc-item').filter({ hasText: '农村供水工作要点' });
  await doc.waitFor();
  const sid = (await readTable<{ id: string; title: string }>(page, 'sources')).find(
    (s) => s.title === '农村供水工作要点',
  )!.id;
  await doc.getByTestId('doc-delete').click();
  await doc.getByTestId('doc-delete-confirm').click();
  await doc.waitFor({ state: 'detached' });
  const cards = await readTable<{ sourceIds: string[] }>(page, 'cards');
  assert.equal(cards.filter((c) => c.sourceIds.includes(sid)).length, 0);
  assert.equal((await readTable<{ id: string }>(page, 'texts')).filter((t) => t.id === sid).length, 0);
  await page.close();
});

const WORD_DOC = [
  '关于加强机关作风建设的通知',
  '（2025年8月8日）',
  '要做到“三个注重”：注重调查研究、注重实际效果、注重群众评价。',
  '2024年，全市共办理群众来信来访3.6万件，办结率达到97.5%。',
];

test('a Word .docx through the file input → preview', { skip: STUB ? STUB_REASON : false }, async () => {
  const page = await tifa.openDashboard('#import');
  await chooseFile(
    page,
    '通知.docx',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    makeDocx(WORD_DOC),
  );
  await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
  assert.equal(await page.getByTestId('import-title').inputValue(), '关于加强机关作风建设的通知');
  assert.match(await page.getByTestId('import-preview').innerText(), /三个注重/);
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-done').waitFor();
  await page.close();
});

test('a PDF printed by Chromium through the file input → preview', { skip: STUB ? STUB_REASON : false }, async () => {
  const printer = await tifa.context.newPage();
  await printer.setContent(
    `<html><head><meta charset="utf-8"><title>学习材料</title></head><body style="font-family:'Noto Sans CJK SC',sans-serif">
      <h1>关于加强调查研究的意见</h1><p>（2025年10月10日）</p>
      <p>要坚持“四个深入”：深入基层、深入群众、深入实际、深入一线。</p>
      <p>2024年，全省共开展专题调研1280项，形成调研报告960篇。</p></body></html>`,
  );
  const pdf = await printer.pdf({ format: 'A4' });
  await printer.close();
  const page = await tifa.openDashboard('#import');
  await chooseFile(page, '意见.pdf', 'application/pdf', pdf);
  await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
  assert.match(await page.getByTestId('import-preview').innerText(), /四个深入/);
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-done').waitFor();
  await page.close();
});
