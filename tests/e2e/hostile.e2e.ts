// A hostile page (issue 15): its script hunts for the hover card, clicks and types at it with
// synthetic events, forges the framework's and Tifa's messages and reads CSS.highlights, while a
// real user (trusted mouse input) has a card open at its rating buttons. The extension's
// database must not change, the page must learn neither study states nor the extension's id,
// and the user's own click must still rate the card.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  clickCardButton,
  hoverCardText,
  hoverTerm,
  inClosedRoot,
  openFixturePage,
  waitForCardText,
} from './harness.ts';
import { suiteTifa } from './suite.ts';

const tifa = await suiteTifa();

interface Seen {
  messages: string[];
  events: string[];
  roots: unknown[];
  highlights: string[];
  elements: string[];
  errors: string[];
  results: {
    hostFound: boolean;
    openRoot: boolean;
    capturedRoots: number;
    reattached: boolean;
    buttonsFound: string[];
    runtime: boolean;
    performance: string[];
    html: string;
    styles: string[];
  };
}

/** What the user owns, as the extension's service worker reads it from IndexedDB (page sightings aside). */
function dumpDb(): Promise<string> {
  return tifa.worker.evaluate(
    () =>
      new Promise<string>((ok, fail) => {
        const open = indexedDB.open('tifa');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const names = ['cards', 'reviewLogs', 'notes', 'settings', 'quizzes', 'conflicts', 'sources'];
          const tx = open.result.transaction(names);
          const out: Record<string, unknown[]> = {};
          for (const name of names) {
            const req = tx.objectStore(name).getAll();
            req.onsuccess = () => {
              // How often a term was seen on pages is not study data, and loading a page may count it.
              out[name] = (req.result as Array<Record<string, unknown>>).map((row) => ({ ...row, seen: undefined }));
            };
          }
          tx.oncomplete = () => {
            open.result.close();
            ok(JSON.stringify(out));
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
  );
}

function reviewLogCount(dump: string): number {
  return (JSON.parse(dump) as { reviewLogs: unknown[] }).reviewLogs.length;
}

test("a hostile page script cannot change, read or detect the user's study data", async () => {
  const { page, errors } = await openFixturePage(tifa, 'hostile.html');

  // A real user opens 两不愁三保障's card and goes as far as its rating buttons.
  await hoverTerm(page, '两不愁三保障');
  await waitForCardText(page, /现在复习/);
  await clickCardButton(page, '现在复习');
  await waitForCardText(page, /显示答案/);
  await clickCardButton(page, '显示答案');
  await waitForCardText(page, /良好/);
  const before = await dumpDb();

  // The page's script runs every attack it has.
  const seen = (await page.evaluate(`__attack(${JSON.stringify(tifa.extensionId)})`)) as Seen;
  await page.waitForTimeout(500);
  const after = await dumpDb();
  assert.equal(after, before, "the database is unchanged by the page's attacks");

  const r = seen.results;
  assert.equal(r.hostFound, true, 'the card was there to attack');
  assert.equal(r.openRoot, false, "the card's shadow root is closed");
  assert.equal(r.capturedRoots, 0, "no root of Tifa's went through the page's attachShadow");
  assert.equal(r.reattached, false);
  assert.deepEqual(r.buttonsFound, [], 'no button of the card is reachable from the page');
  assert.equal(r.runtime, false, 'the page cannot message the extension');

  // What the page could read: the highlighted terms, nothing about the user's cards, no id.
  assert.deepEqual(
    seen.highlights.map((h) => (JSON.parse(h) as { name: string }).name),
    ['tifa-term'],
    'one neutral highlight',
  );
  const everything = JSON.stringify(seen);
  assert.ok(!everything.includes(tifa.extensionId), "the extension's id never reached the page");
  assert.doesNotMatch(
    everything,
    /tifa-term-(learning|known)|"(learning|known|review|relearning)"/,
    'no study state reached the page',
  );
  assert.deepEqual(seen.messages, [], "nothing was posted to the window but the page's own forged messages");

  // Even a script that got into the closed root (as this test does, through the DevTools protocol)
  // can only send untrusted events, which the card ignores: no rating, the card stays as it was.
  const clicked = await inClosedRoot<number>(
    page,
    'tifa-hover-card',
    `const buttons = [...root.querySelectorAll('button')];
     for (const b of buttons) b.click();
     for (const key of ['1', '2', '3', '4', 'Escape']) dialog.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
     return buttons.length;`,
  );
  assert.ok(clicked! >= 4, 'the rating buttons were there to click');
  await page.waitForTimeout(300);
  assert.equal(await dumpDb(), before, 'synthetic clicks inside the card change nothing');
  assert.match(await hoverCardText(page), /良好/, 'the card still shows its rating buttons');

  // The card survived the forged "newer script started" notes, and the user's own click rates it.
  await clickCardButton(page, '^良好');
  await waitForCardText(page, /已记录。/);
  const rated = await dumpDb();
  assert.equal(reviewLogCount(rated), reviewLogCount(before) + 1, "the user's trusted click wrote one review");
  assert.deepEqual(errors, []);
  await page.close();
});

test('a page that loads does not see the extension id in any message, and its state highlights stay off', async () => {
  // Listening from the very first script, before the content script starts.
  const { page } = await openFixturePage(tifa, 'hostile.html');
  await page.waitForTimeout(500);
  const seen = (await page.evaluate('window.__hostile')) as Seen;
  assert.ok(!JSON.stringify(seen).includes(tifa.extensionId), JSON.stringify(seen.messages));
  assert.deepEqual(seen.messages, [], 'WXT\'s "content script started" postMessage is switched off');
  assert.deepEqual(await page.evaluate(() => [...CSS.highlights.keys()]), ['tifa-term']);
  await page.close();
});
