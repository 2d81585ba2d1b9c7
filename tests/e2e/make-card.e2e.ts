// "用所选文字制作卡片" (issue 5): select words on a news page, choose the context-menu item, get a
// cloze card with the page as its source. Automation cannot open the browser's native context
// menu, so the test fires the menu's real onClicked event inside the service worker
// (`chrome.contextMenus.onClicked.dispatch`, which calls the listeners Tifa registered) with the
// data Chromium gives a click: the menu item id, the selected text and the page's tab.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { inClosedRoot, launchTifa, openFixturePage, type Tifa } from './harness.ts';

let tifa: Tifa;

/** The notice's text, read inside its closed shadow root. */
const noticeText = (page: Page) =>
  inClosedRoot<string>(page, 'tifa-notice', "return root.querySelector('[data-testid=tifa-notice-text]').innerText;");
before(async () => {
  tifa = await launchTifa();
});
after(async () => {
  await tifa?.close();
});

/** Selects `text` inside the first element matching `selector`, as a user's mouse would. */
async function select(page: Page, selector: string, text: string): Promise<void> {
  await page.evaluate(
    ([sel, wanted]) => {
      const el = document.querySelector(sel)!;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
      throw new Error(`${wanted} not found in ${sel}`);
    },
    [selector, text] as const,
  );
}

/** Clicks "用所选文字制作卡片" for the page's tab (found by its title: the extension has no "tabs" permission to read URLs). */
async function clickMenu(page: Page, selectionText: string): Promise<void> {
  await page.bringToFront();
  const title = await page.title();
  // A string, not a function: tsx would wrap a function in helpers the worker does not have.
  await tifa.worker.evaluate(`(async () => {
    const tabs = await chrome.tabs.query({ active: true });
    const tab = tabs.find((t) => t.title === ${JSON.stringify(title)}) ?? tabs[0];
    chrome.contextMenus.onClicked.dispatch(
      { menuItemId: 'tifa-make-card', editable: false, frameId: 0, selectionText: ${JSON.stringify(selectionText)}, pageUrl: ${JSON.stringify(page.url())} },
      tab,
    );
  })()`);
}

test('the context menu makes a cloze card from the selected figure, with the page as its source', async () => {
  const { page, errors } = await openFixturePage(tifa, 'news-simplified.html');

  await select(page, 'p:nth-of-type(2)', '551万人');
  await clickMenu(page, '551万人');

  // The page says it worked, with the new card's question.
  const notice = page.getByTestId('tifa-notice');
  await notice.waitFor({ timeout: 10_000 });
  assert.equal(await notice.getAttribute('data-kind'), 'done');
  const said = (await noticeText(page))!;
  assert.match(said, /已制作卡片/);
  assert.match(said, /贫困人口从2012年年底的9899万人减到2019年年底的＿＿＿＿/);
  assert.ok(!said.includes('551万人'), 'the answer is blanked out of the question');
  // The notice is not part of the page's body, and the page's text is unchanged.
  assert.equal(await page.evaluate(() => document.body.contains(document.querySelector('tifa-notice'))), false);

  // The card is stored: the dashboard lists it as 自制卡片, its answer is the selection and its
  // source is the page (title and address), quoting the whole sentence.
  const dashboard = await tifa.openDashboard('#cards');
  await dashboard.getByTestId('filter-kind').selectOption('user-cloze');
  await dashboard.getByTestId('card-count').filter({ hasText: '共 1 张' }).waitFor();
  const row = dashboard.getByTestId('card-row');
  assert.match(await row.innerText(), /551万人/);
  await row.click();
  const detail = dashboard.getByTestId('card-detail');
  await detail.waitFor();
  const text = await detail.innerText();
  assert.match(text, /在决战决胜脱贫攻坚座谈会上的讲话--人民网/);
  assert.match(
    text,
    /贫困人口从2012年年底的9899万人减到2019年年底的551万人，贫困发生率由10\.2%降至0\.6%，连续7年每年减贫1000万人以上。/,
  );
  assert.equal(await dashboard.getByTestId('card-state').innerText(), '新卡片');
  // The source links back to the page it came from.
  assert.equal(await detail.getByTestId('evidence-page-link').getAttribute('href'), page.url());
  assert.deepEqual(errors, []);
  await dashboard.close();
  await page.close();
});

test('choosing the menu again for the same selection keeps one card', async () => {
  const { page } = await openFixturePage(tifa, 'news-simplified.html');
  await select(page, 'p:nth-of-type(2)', '551万人');
  await clickMenu(page, '551万人');
  await page.getByTestId('tifa-notice').waitFor({ timeout: 10_000 });
  const dashboard = await tifa.openDashboard('#cards');
  await dashboard.getByTestId('filter-kind').selectOption('user-cloze');
  await dashboard.getByTestId('card-count').filter({ hasText: '共 1 张' }).waitFor();
  await dashboard.close();
  await page.close();
});

test('a selection that is a whole sentence gets a clear message in Chinese, and no card', async () => {
  const { page, errors } = await openFixturePage(tifa, 'news-simplified.html');
  const sentence = '要保持现有帮扶政策总体稳定，做到摘帽不摘责任、摘帽不摘政策、摘帽不摘帮扶、摘帽不摘监管。';
  await select(page, 'p:nth-of-type(3)', sentence);
  await clickMenu(page, sentence);
  const notice = page.getByTestId('tifa-notice');
  await notice.waitFor({ timeout: 10_000 });
  assert.equal(await notice.getAttribute('data-kind'), 'error');
  assert.match((await noticeText(page))!, /请选中句子中的一个数字或几个词语/);
  // Esc (with focus in the notice) or × closes it: a real click, inside the notice's closed shadow root.
  const close = await inClosedRoot<{ x: number; y: number }>(
    page,
    'tifa-notice',
    "const r = root.querySelector('button[aria-label=关闭提示]').getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 };",
  );
  await page.mouse.click(close!.x, close!.y);
  await notice.waitFor({ state: 'detached' });
  const dashboard = await tifa.openDashboard('#cards');
  await dashboard.getByTestId('filter-kind').selectOption('user-cloze');
  await dashboard.getByTestId('card-count').filter({ hasText: '共 1 张' }).waitFor();
  assert.deepEqual(errors, []);
  await dashboard.close();
  await page.close();
});
