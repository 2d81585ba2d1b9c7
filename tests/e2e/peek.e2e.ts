// The popup's peek (data/srs/peek.ts, entrypoints/peek.ts): the first card painted from
// storage.session before the popup's scripts load, taken over by the app without a change, never
// a card the store no longer puts first, and put right by the app when it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { isoDateIn, putRows, readTable, watchErrors } from './harness.ts';
import { suiteTifa } from './suite.ts';

const tifa = await suiteTifa();
const PEEK_KEY = 'tifa-peek';

/** The extension's storage.session, as a page of the extension sees it. */
interface SessionHost {
  chrome: {
    storage: { session: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
  };
}

interface Watched {
  /** The first `.done` (今天的复习已完成) element added. */
  done: Element | null;
  /** The first `.card-prompt` element added, the `.plan-line` beside it then, and the count of elements removed. */
  first: Element | null;
  plan: Element | null;
  removed: number;
}

/**
 * Opens the popup with an observer installed before any of its scripts run: it keeps the first card
 * prompt element added to the page and counts the elements removed from it afterwards.
 */
async function openWatched(): Promise<Page> {
  const page = await tifa.context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.addInitScript(() => {
    const seen: Watched = { first: null, plan: null, done: null, removed: 0 };
    (globalThis as unknown as { tifaWatched: Watched }).tifaWatched = seen;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue;
          seen.done ??= node.matches('.done') ? node : node.querySelector('.done');
          // No named helper here: the test runner's transform would wrap it in a function the page lacks.
          if (seen.first) continue;
          seen.first = node.matches('.card-prompt') ? node : node.querySelector('.card-prompt');
          // The 学习会 line on the page when the first card came (painted with it, or not at all).
          if (seen.first) seen.plan = document.querySelector('.plan-line');
        }
        for (const node of record.removedNodes) if (node instanceof Element) seen.removed++;
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`chrome-extension://${tifa.extensionId}/popup.html`);
  return page;
}

async function storedPeek(page: Page): Promise<{ card?: { id: string; prompt: string }; total: number } | undefined> {
  return page.evaluate(
    async (key) => (await (globalThis as unknown as SessionHost).chrome.storage.session.get(key))[key] as never,
    PEEK_KEY,
  );
}

const marks = (page: Page) =>
  page.evaluate(() => ({
    peek: (performance.getEntriesByName('tifa:peek')[0] as PerformanceMark | undefined)?.detail as string | undefined,
    stale: performance.getEntriesByName('tifa:peek-stale').length,
  }));

/** Waits until the stored peek has a card other than `not` (the background or a page wrote it after the last change). */
async function peekWritten(page: Page, not?: string): Promise<{ id: string; prompt: string }> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    const card = (await storedPeek(page))?.card;
    if (card && card.id !== not) return card;
    await page.waitForTimeout(50);
  }
  throw new Error('no peek was written');
}

/** Takes settings rows out behind Dexie's back (the defaults hold again). */
function deleteSettings(page: Page, keys: string[]): Promise<void> {
  return page.evaluate(
    (names) =>
      new Promise<void>((ok, fail) => {
        const open = indexedDB.open('tifa');
        open.onsuccess = () => {
          const tx = open.result.transaction('settings', 'readwrite');
          for (const key of names) tx.objectStore('settings').delete(key);
          tx.oncomplete = () => ok();
          tx.onerror = () => fail(tx.error);
        };
      }),
    keys,
  );
}

async function firstOpening(): Promise<{ id: string; prompt: string }> {
  const popup = await tifa.openPopup();
  await popup.getByTestId('card-prompt').waitFor({ timeout: 15_000 });
  const card = await peekWritten(popup);
  await popup.close();
  return card;
}

test('with nothing due the peek paints 今天的复习已完成, and the app takes it over', async () => {
  // First in the suite: no card has been rated yet, so with no new cards a day nothing is due.
  const page = await tifa.openDashboard();
  await putRows(page, 'settings', [{ key: 'newPerDay', value: 0 }]);
  try {
    await dayDonePeek();
  } finally {
    await deleteSettings(page, ['newPerDay']);
    await page.close();
  }
});

async function dayDonePeek(): Promise<void> {
  const first = await tifa.openPopup();
  await first.getByTestId('day-done').waitFor({ timeout: 15_000 });
  for (let waited = 0; (await storedPeek(first))?.total !== 0; waited += 50) {
    assert.ok(waited < 10_000, 'the popup kept the peek of its day-done read');
    await first.waitForTimeout(50);
  }
  await first.close();
  const popup = await openWatched();
  await popup.getByTestId('day-done').waitFor({ timeout: 15_000 });
  const seen = await popup.evaluate(() => {
    const watched = (globalThis as unknown as { tifaWatched: Watched }).tifaWatched;
    return {
      painted: performance.getEntriesByName('tifa:peek').length,
      same: watched.done === document.querySelector('[data-testid="day-done"]'),
      removed: watched.removed,
      stale: performance.getEntriesByName('tifa:peek-stale').length,
    };
  });
  assert.deepEqual(seen, { painted: 1, same: true, removed: 0, stale: 0 });
  await popup.getByTestId('tomorrow-count').filter({ hasText: /^\d+$/ }).waitFor();
  await popup.close();
}

test('the popup paints its first card from the peek, and the app takes those very elements over', async () => {
  const card = await firstOpening();
  const popup = await openWatched();
  const errors = watchErrors(popup);
  await popup.getByTestId('card-prompt').waitFor({ timeout: 15_000 });
  assert.deepEqual(await marks(popup), { peek: card.id, stale: 0 });
  const adopted = await popup.evaluate(() => {
    const seen = (globalThis as unknown as { tifaWatched: Watched }).tifaWatched;
    return {
      same: seen.first === document.querySelector('[data-testid="card-prompt"]'),
      removed: seen.removed,
    };
  });
  // Nothing the peek painted was replaced: the app's markup is the peek's, element for element.
  assert.deepEqual(adopted, { same: true, removed: 0 });
  assert.equal(await popup.getByTestId('card-prompt').innerText(), card.prompt);
  assert.match(await popup.getByTestId('due-count').innerText(), /^\d+$/);
  // The card the app took over answers the keyboard as always.
  await popup.keyboard.press('Space');
  await popup.getByTestId('card-answer').waitFor();
  assert.deepEqual(errors, []);
  await popup.close();
});

test('a write in another page drops the peek at once, and the next one shows the new first card', async () => {
  const card = await firstOpening();
  const page = await tifa.openDashboard(`#cards?card=${encodeURIComponent(card.id)}`);
  await page.getByTestId('card-suspend').click({ timeout: 15_000 });
  await page.getByTestId('card-suspend').filter({ hasText: '恢复' }).waitFor();
  // From the write on, no peek names the suspended card: it was dropped, then kept anew by the badge's refresh.
  const peek = await storedPeek(page);
  assert.notEqual(peek?.card?.id, card.id);
  const next = await peekWritten(page, card.id);
  const popup = await openWatched();
  await popup.getByTestId('card-prompt').waitFor({ timeout: 15_000 });
  assert.deepEqual(await marks(popup), { peek: next.id, stale: 0 });
  assert.equal(await popup.getByTestId('card-prompt').innerText(), next.prompt);
  await popup.close();
  // Back as it was, for the other tests.
  await page.getByTestId('card-suspend').click();
  await page.getByTestId('card-suspend').filter({ hasText: '暂停' }).waitFor();
  await peekWritten(page);
  await page.close();
});

test('a peek the store no longer agrees with is painted over by the app and kept right for the next opening', async () => {
  const card = await firstOpening();
  // Written from the dashboard: a popup would keep the peek of its own read over this one.
  const page = await tifa.openDashboard();
  await page.evaluate(
    async ([key, now]) => {
      const peek = { at: now - 1000, until: now + 3_600_000, total: 99, new: 1, learning: 0, review: 98, doneToday: 0 };
      await (globalThis as unknown as SessionHost).chrome.storage.session.set({
        [key]: { ...peek, card: { id: 'gone', prompt: '一张已经不在队列里的卡片' } },
      });
    },
    [PEEK_KEY, Date.now()] as const,
  );
  await page.close();
  const popup = await openWatched();
  await popup.getByTestId('card-prompt').waitFor({ timeout: 15_000 });
  assert.deepEqual(await marks(popup), { peek: 'gone', stale: 1 });
  assert.equal(await popup.getByTestId('card-prompt').innerText(), card.prompt);
  assert.notEqual(await popup.getByTestId('due-count').innerText(), '99');
  assert.equal((await peekWritten(popup)).id, card.id);
  await popup.close();
});

test('a peek past its time, or of another shape, is not painted', async () => {
  await firstOpening();
  for (const peek of [
    {
      at: Date.now() - 7_200_000,
      until: Date.now() - 3_600_000,
      total: 1,
      new: 1,
      learning: 0,
      review: 0,
      doneToday: 0,
    },
    { at: Date.now(), until: Date.now() + 3_600_000, total: '1', new: 1, learning: 0, review: 0, doneToday: 0 },
  ]) {
    const page = await tifa.openDashboard();
    await page.evaluate(
      async ([key, value]) =>
        (globalThis as unknown as SessionHost).chrome.storage.session.set({
          [key]: { ...value, card: { id: 'x', prompt: '不应出现' } },
        }),
      [PEEK_KEY, peek] as const,
    );
    await page.close();
    const popup = await openWatched();
    await popup.getByTestId('card-prompt').waitFor({ timeout: 15_000 });
    assert.deepEqual(await marks(popup), { peek: undefined, stale: 0 });
    assert.notEqual(await popup.getByTestId('card-prompt').innerText(), '不应出现');
    await popup.close();
  }
});

test('rating the painted card in the popup leaves the next opening the next card', async () => {
  const card = await firstOpening();
  const popup = await tifa.openPopup();
  await popup.getByTestId('card-prompt').waitFor({ timeout: 15_000 });
  await popup.keyboard.press('Space');
  await popup.getByTestId('card-answer').waitFor();
  await popup.keyboard.press('3');
  await popup.getByTestId('card-prompt').filter({ hasNotText: card.prompt }).waitFor();
  const next = await peekWritten(popup, card.id);
  await popup.close();
  const again = await openWatched();
  await again.getByTestId('card-prompt').waitFor({ timeout: 15_000 });
  assert.deepEqual(await marks(again), { peek: next.id, stale: 0 });
  await again.close();
});

test('with a 学习会 date the peek paints its line too, and the app takes it over unchanged', async () => {
  const page = await tifa.openDashboard();
  const sources = await readTable<{ id: string }>(page, 'sources');
  const date = isoDateIn(10);
  // Behind Dexie's back (no write is heard): the first popup's own read keeps the peek with the line.
  await putRows(page, 'settings', [
    { key: 'cramUntil', value: date },
    { key: 'cramSources', value: [sources[0]!.id] },
  ]);
  const first = await tifa.openPopup();
  await first.getByTestId('plan-countdown').waitFor({ timeout: 15_000 });
  await first.getByTestId('card-prompt').waitFor();
  await first.waitForFunction(
    async (key) =>
      !!((await (globalThis as unknown as SessionHost).chrome.storage.session.get(key))[key] as { plan?: object })
        ?.plan,
    PEEK_KEY,
  );
  await first.close();
  const popup = await openWatched();
  await popup.getByTestId('plan-countdown').waitFor({ timeout: 15_000 });
  await popup.getByTestId('card-prompt').waitFor();
  const seen = await popup.evaluate(() => {
    const watched = (globalThis as unknown as { tifaWatched: Watched }).tifaWatched;
    return {
      painted: performance.getEntriesByName('tifa:peek').length,
      same: watched.first === document.querySelector('[data-testid="card-prompt"]'),
      samePlan: watched.plan === document.querySelector('[data-testid="plan"]'),
      removed: watched.removed,
    };
  });
  assert.deepEqual(seen, { painted: 1, same: true, samePlan: true, removed: 0 });
  assert.equal(await popup.getByTestId('plan-countdown').innerText(), '距学习会还有 10 天');
  await popup.close();
  await deleteSettings(page, ['cramUntil', 'cramSources']);
  await page.close();
});
