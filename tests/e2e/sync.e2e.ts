// Two browser profiles sync through a real WebDAV server started here (tests/sync/dav-server.ts),
// set up through 学习中心 → 设置 → 同步, with faults injected by the server's proxy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { importTextFile, rateInPopup, watchErrors, type Tifa } from './harness.ts';
import { twoProfilesOverDav } from './dav-extension.ts';

const {
  dav,
  profiles: [a, b],
} = await twoProfilesOverDav('tifa-sync-ext-');
const pages = new Map<Tifa, Page>();
/** Each settings page's error list, filled as the suite runs (read at the end, not copied at the start). */
const errors: string[][] = [];

async function settings(tifa: Tifa): Promise<Page> {
  let page = pages.get(tifa);
  if (!page) {
    page = await tifa.openDashboard('#settings');
    errors.push(watchErrors(page));
    pages.set(tifa, page);
  }
  return page;
}

async function connect(tifa: Tifa, password = dav.password, url = dav.url): Promise<string> {
  const page = await settings(tifa);
  await page.getByTestId('sync-url').fill(url);
  await page.getByTestId('sync-user').fill(dav.user);
  await page.getByTestId('sync-password').fill(password);
  await page.getByTestId('sync-connect').click();
  // Connected (the status shows), or refused (a message).
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="sync-now"]')?.textContent === '立即同步' ||
      document.querySelector('[data-testid="sync-message"]')?.textContent,
  );
  return page.getByTestId('sync-message').innerText();
}

/** Clicks 立即同步 and returns what the page then says (上次同步 … or the failure). */
async function syncNow(tifa: Tifa): Promise<string> {
  const page = await settings(tifa);
  await page.getByTestId('sync-now').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="sync-now"]')?.textContent === '立即同步');
  const error = page.getByTestId('sync-error');
  return (await error.count()) ? error.innerText() : page.getByTestId('sync-last').innerText();
}

// Run in the service worker as written (a string: tsx would wrap the helpers' names in __name()).
const DUMP = `(async () => {
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open('tifa');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const all = (store) => new Promise((resolve, reject) => {
    const r = db.transaction(store).objectStore(store).getAll();
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const iso = (d) => (d ? d.toISOString() : undefined);
  const cards = (await all('cards'))
    .filter((c) => c.fsrs.reps > 0)
    .map((c) => ({ id: c.id, fsrs: { ...c.fsrs, due: iso(c.fsrs.due), last_review: iso(c.fsrs.last_review) } }))
    .sort((x, y) => x.id.localeCompare(y.id));
  const logs = (await all('reviewLogs')).map((l) => [l.uid, l.cardId, l.rating, iso(l.review)].join(' ')).sort();
  db.close();
  return { cards, logs };
})()`;

/** Every rating and every studied card's progress, read from the profile's IndexedDB. */
function dump(tifa: Tifa): Promise<{ cards: Array<{ id: string; fsrs: { reps: number } }>; logs: string[] }> {
  return tifa.worker.evaluate(DUMP);
}

async function queueHead(tifa: Tifa): Promise<string> {
  const popup = await tifa.openPopup();
  await popup.getByTestId('card-prompt').waitFor();
  const head = `${await popup.getByTestId('due-count').innerText()} ${await popup.getByTestId('card-prompt').innerText()}`;
  await popup.close();
  return head;
}

test('setting up: a wrong password and a wrong folder get Chinese messages, then both profiles connect', async () => {
  assert.match(await connect(a, 'wrong'), /用户名或应用密码不对/);
  assert.match(await connect(a, dav.password, dav.url.replace('/sync/', '/no-such/')), /没有这个文件夹/);
  assert.equal(await connect(a), '');
  assert.match(await (await settings(a)).getByTestId('sync-last').innerText(), /上次同步/);
  assert.equal(await connect(b), '');
  const shown = await (await settings(a)).locator('[data-testid="sync"]').innerText();
  assert.ok(!shown.includes(dav.password), 'the password is never shown back');
});

test('both review offline, the same cards and different ones; after syncing, identical queues and both histories', async () => {
  dav.fault = 'down';
  await rateInPopup(a, 3, '3');
  await rateInPopup(b, 5, '1');
  assert.match(await syncNow(a), /无法连接到同步服务器/);
  dav.fault = 'none';
  assert.match(await syncNow(a), /发送 3 次复习/);
  assert.match(await syncNow(b), /发送 5 次复习.*收到 3 次复习/);
  assert.match(await syncNow(a), /收到 5 次复习/);
  const [da, db] = [await dump(a), await dump(b)];
  assert.equal(da.logs.length, 8);
  assert.deepEqual(da.logs, db.logs);
  assert.deepEqual(da.cards, db.cards);
  // The three cards both reviewed count both ratings.
  assert.equal(da.cards.filter((c) => c.fsrs.reps === 2).length, 3);
  assert.equal(await queueHead(a), await queueHead(b));
});

test('faults: 401, 507 and a server down are reported in Chinese; cut connections lose and double nothing', async () => {
  for (const [fault, words] of [
    ['401', /用户名或应用密码不对/],
    ['507', /空间已满/],
    ['down', /无法连接/],
  ] as const) {
    dav.fault = fault;
    assert.match(await syncNow(a), words);
  }
  dav.fault = 'none';
  await rateInPopup(a, 1);
  dav.fault = 'cut-upload';
  assert.match(await syncNow(a), /上次同步没有完成|无法连接/);
  dav.fault = 'none';
  assert.match(await syncNow(b), /没有新的变化/);
  assert.match(await syncNow(a), /发送 1 次复习/);
  await rateInPopup(a, 1);
  await syncNow(a);
  dav.fault = 'cut-download';
  assert.match(await syncNow(b), /没有下载完整|无法连接/);
  dav.fault = 'none';
  assert.match(await syncNow(b), /收到 2 次复习/);
  const [da, db] = [await dump(a), await dump(b)];
  assert.equal(db.logs.length, 10);
  assert.deepEqual(da.logs, db.logs);
  assert.deepEqual(da.cards, db.cards);
});

test('a file from a newer Tifa is refused with a message; everything else still syncs', async () => {
  const device = 'd-00000000newer1';
  const body = JSON.stringify({
    format: 'tifa-sync',
    version: 9,
    device,
    seq: 1,
    createdAt: new Date().toISOString(),
    ops: [],
  });
  const folder = join(dav.dir, 'sync', 'tifa-sync/v1/devices', device);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `00000001-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.json`), body);
  await rateInPopup(a, 1);
  await syncNow(a);
  assert.match(await syncNow(b), /收到 1 次复习/);
  assert.match(await (await settings(b)).locator('[data-testid="sync"]').innerText(), /更新版本的提法.*升级/);
  assert.deepEqual(errors.flat(), []);
  assert.deepEqual([...a.outsideRequests, ...b.outsideRequests], []);
});

test('a document imported on one profile arrives on the other with its cards, under the same ids', async () => {
  const page = await a.openDashboard('#import');
  const pageErrors = watchErrors(page);
  // A text of our own, in the style of a work report.
  const text =
    '关于加强基层治理的学习材料\n（2025年4月10日）\n我们坚持“三个统筹”，即统筹发展和安全、统筹城市和乡村、统筹当前和长远。\n';
  await importTextFile(page, '基层治理.txt', text);
  assert.deepEqual(pageErrors, []);
  await page.close();
  assert.match(await syncNow(a), /发送 .*1 份导入文件/);
  assert.match(await syncNow(b), /收到 .*1 份导入文件/);
  const ids = (tifa: Tifa): Promise<string> =>
    tifa.worker.evaluate(`new Promise((ok, fail) => {
      const req = indexedDB.open('tifa');
      req.onerror = () => fail(req.error);
      req.onsuccess = () => {
        const tx = req.result.transaction(['sources', 'cards'], 'readonly');
        const sources = tx.objectStore('sources').getAll();
        const cards = tx.objectStore('cards').getAll();
        tx.oncomplete = () => {
          req.result.close();
          const own = sources.result.filter((s) => String(s.origin).startsWith('import:'));
          ok(JSON.stringify({ sources: own.map((s) => s.title), cards: cards.result.filter((c) => own.some((s) => c.sourceIds.includes(s.id))).map((c) => c.id).sort() }));
        };
      };
    })`) as Promise<string>;
  const [ia, ib] = [JSON.parse(await ids(a)), JSON.parse(await ids(b))];
  assert.deepEqual(ia.sources, ['关于加强基层治理的学习材料']);
  assert.ok(ia.cards.length > 0);
  assert.deepEqual(ib, ia);
});
