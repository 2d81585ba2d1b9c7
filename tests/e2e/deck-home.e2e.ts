// The store is the deck's one home (issue 13): after a fresh install the extension's IndexedDB
// holds exactly the bundled deck.json (itself what `npm run deck` prints); a note written to the
// store later from an extension page is highlighted on a news page; and a review in the popup
// reaches the background through Dexie's own cross-context change event, with no message sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openFixturePage, ROOT, setStateColours } from './harness.ts';
import { suiteTifa } from './suite.ts';

const tifa = await suiteTifa();
// The colours by study state are opt-in (issue 15); these tests follow them as the store changes.
await setStateColours(tifa, true);

interface Deck {
  sources: Array<{ id: string }>;
  notes: Array<{ id: string }>;
  cards: Array<{ id: string }>;
  conflicts: Array<{ id: string }>;
}

/** Ids in each table of the extension's database, read with plain IndexedDB in an extension page. */
async function storedIds(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('tifa');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const names = ['sources', 'notes', 'cards', 'conflicts'];
      const tx = db.transaction(names, 'readonly');
      const out = {};
      for (const name of names) tx.objectStore(name).getAllKeys().onsuccess = (e) => (out[name] = e.target.result);
      tx.oncomplete = () => { db.close(); resolve(out); };
      tx.onerror = () => reject(tx.error);
    };
  })`) as Promise<Record<string, string[]>>;
}

test('a fresh install holds exactly the bundled deck, which is what `npm run deck` prints', async () => {
  const printed = JSON.parse(
    execFileSync('npm', ['run', '--silent', 'deck'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 }),
  ) as Deck;
  const bundled = JSON.parse(readFileSync(join(ROOT, '.output/chrome-mv3/deck.json'), 'utf8')) as Deck;
  assert.deepEqual(bundled, printed, 'the build bundles what `npm run deck` prints');

  const dashboard = await tifa.openDashboard();
  const sorted = (rows: Array<{ id: string }>) => rows.map((r) => r.id).sort();
  let stored: Record<string, string[]> = {};
  for (let i = 0; i < 50 && (stored.cards?.length ?? 0) < printed.cards.length; i++) {
    stored = await storedIds(dashboard);
    await new Promise((r) => setTimeout(r, 200));
  }
  for (const table of ['sources', 'notes', 'cards', 'conflicts'] as const) {
    assert.equal(stored[table].length, printed[table].length, `${table}: as many in the store as in the deck`);
    assert.deepEqual([...stored[table]].sort(), sorted(printed[table]), `${table}: the same ids`);
  }
  await dashboard.close();
});

/** Messages the service worker receives from now on (their types), recorded in the worker itself. */
async function recordMessages(): Promise<void> {
  await tifa.worker.evaluate(`(() => {
    self.__tifaMessages = [];
    chrome.runtime.onMessage.addListener((message) => { self.__tifaMessages.push(message?.type ?? String(message)); });
  })()`);
}

const badge = () => tifa.worker.evaluate('chrome.action.getBadgeText({})') as Promise<string>;

/** The texts a highlight paints on a page (its static ranges read as live ones). */
function highlightTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate(
    (highlight) =>
      [...(CSS.highlights.get(highlight) ?? [])].map((r) => {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        return live.toString();
      }),
    name,
  );
}

test('a review in the popup reaches the background through the store: the badge and an open page follow, no message sent', async () => {
  const { page, errors } = await openFixturePage(tifa, 'news-simplified.html');
  const learning = () => page.evaluate(() => [...(CSS.highlights.get('tifa-term-learning') ?? [])].length);
  const learningBefore = await learning();

  const popup = await tifa.openPopup();
  const shown = popup.getByTestId('due-count').filter({ hasText: /^\d+$/ });
  await shown.waitFor();
  const before = await shown.innerText();
  await tifa.worker.evaluate('new Promise((r) => setTimeout(r, 300))'); // the popup's own messages (site state) are answered
  await recordMessages();

  await popup.getByTestId('card-prompt').waitFor();
  await popup.keyboard.press('Space');
  await popup.getByTestId('card-answer').waitFor();
  await popup.keyboard.press('3');
  const after = String(Number(before) - 1);
  await popup
    .getByTestId('due-count')
    .filter({ hasText: new RegExp(`^${after}$`) })
    .waitFor();

  for (let i = 0; i < 50 && (await badge()) !== after; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(await badge(), after, 'the toolbar badge follows the review');
  await page.waitForFunction((n) => [...(CSS.highlights.get('tifa-term-learning') ?? [])].length > n, learningBefore, {
    timeout: 5_000,
  });
  // The page's colour came by the progress stamp, which the background set on hearing of the write.
  const messages = (await tifa.worker.evaluate('self.__tifaMessages')) as string[];
  assert.ok(messages.includes('getTermStates'), `the recorder hears messages (heard: ${messages.join(', ')})`);
  assert.deepEqual(
    messages.filter((type) => type !== 'getTermStates'),
    [],
    'the popup sent the background nothing; the page only asked for the new colours',
  );
  assert.deepEqual(errors, []);
  await popup.close();
  await page.close();
});

/**
 * An extension-origin page that runs none of Tifa's code (the bundled deck.json, opened as a tab),
 * with Dexie evaluated in it: its writes reach the service worker by Dexie's change event alone.
 */
async function bareExtensionPage(): Promise<Page> {
  const page = await tifa.context.newPage();
  await page.goto(`chrome-extension://${tifa.extensionId}/deck.json`);
  await page.evaluate(readFileSync(join(ROOT, 'node_modules/dexie/dist/dexie.js'), 'utf8'));
  await page.evaluate(`globalThis.tifaDb = new Dexie('tifa'); tifaDb.open()`);
  return page;
}

test('a write from an extension page that sends nothing reaches the service worker: badge and colours follow', async () => {
  const { page: news, errors } = await openFixturePage(tifa, 'news-simplified.html');
  const bare = await bareExtensionPage();

  // A setting the badge depends on: 5 new cards a day instead of 20, so 15 fewer due today.
  const waitBadge = async (text: string) => {
    for (let i = 0; i < 50 && (await badge()) !== text; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await badge(), text);
  };
  const before = await badge();
  await bare.evaluate(`tifaDb.table('settings').put({ key: 'newPerDay', value: 5 })`);
  await waitBadge(String(Number(before) - 15));
  await bare.evaluate(`tifaDb.table('settings').delete('newPerDay')`);
  await waitBadge(before);

  // Every card of 六个精准 known (at a 30-day interval): its terms turn the "known" colour on the open page.
  await bare.evaluate(`(async () => {
    const note = await tifaDb.table('notes').filter((n) => n.name === '六个精准').first();
    await tifaDb.table('cards').where('noteId').equals(note.id).modify((c) => {
      c.fsrs.state = 2; c.fsrs.scheduled_days = 30; c.fsrs.due = new Date(Date.now() + 30 * 86400000); c.state = 2; c.due = c.fsrs.due;
    });
  })()`);
  for (let i = 0; i < 50 && !(await highlightTexts(news, 'tifa-term-known')).includes('六个精准'); i++)
    await new Promise((r) => setTimeout(r, 100));
  assert.ok((await highlightTexts(news, 'tifa-term-known')).includes('六个精准'), 'its terms turn the "known" colour');
  assert.deepEqual(errors, []);
  await bare.close();
  await news.close();
});

test('a note written to the store later from an extension page is highlighted on a news page', async () => {
  const { page } = await openFixturePage(tifa, 'imported-note.html');
  const painted = () => highlightTexts(page, 'tifa-term');
  assert.ok((await painted()).includes('六个精准'));
  assert.ok(!(await painted()).includes('三个不动摇'), 'not in the deck yet');
  await page.close();

  // Written as an import writes it: through Dexie, in an extension page.
  const writer = await bareExtensionPage();
  await writer.evaluate(`(async () => {
    const db = tifaDb;
    const source = { id: 'e2e-import', file: '产业升级.txt', title: '推进产业升级座谈会讲话', date: '2025-04-01', origin: 'import:e2e' };
    const quote = '坚持“三个不动摇”，做到思想不动摇、方向不动摇、力度不动摇。';
    await db.transaction('rw', db.table('sources'), db.table('notes'), async () => {
      await db.table('sources').put(source);
      await db.table('notes').put({
        id: 'formulation:e2e-three', kind: 'formulation', name: '三个不动摇', members: ['思想不动摇', '方向不动摇', '力度不动摇'],
        evidence: [{ source: source.id, quote }], importance: 0.9, origin: 'import:e2e', sourceIds: [source.id], retired: 0,
      });
    });
  })()`);
  await writer.close();

  const { page: fresh, errors } = await openFixturePage(tifa, 'imported-note.html');
  const found = await highlightTexts(fresh, 'tifa-term');
  for (const term of ['三个不动摇', '思想不动摇', '六个精准'])
    assert.ok(found.includes(term), `${term} is highlighted (found: ${found.join('、')})`);
  assert.deepEqual(errors, []);
  await fresh.close();
});
