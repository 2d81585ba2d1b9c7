// End-to-end harness: the built extension in Debian's Chromium, driven by playwright-core.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { MAPPED_HOSTS, serveFixtures } from './fixture-server.mjs';
import { QUIET_CHROMIUM_ARGS } from '../../scripts/chromium.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');

export function findChromium(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) {
    throw new Error(
      'Chromium not found. Install it with `sudo apt-get install -y chromium fonts-noto-cjk` ' +
        'or point CHROME_PATH at a Chromium/Chrome binary.',
    );
  }
  return found;
}

/** Builds the extension when no build is there yet (`npm test` builds before the e2e step). */
export function ensureBuilt(): void {
  if (existsSync(join(EXTENSION_DIR, 'manifest.json')) && !process.env.TIFA_E2E_REBUILD) return;
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

export interface Tifa {
  context: BrowserContext;
  /** A fixture page's URL on a news-site host that resolves to the local fixture server. */
  pageUrl(path: string, host?: string): string;
  extensionId: string;
  worker: Worker;
  /** Every request that left for somewhere other than 127.0.0.1 or the extension itself. */
  outsideRequests: string[];
  openPopup(): Promise<Page>;
  openDashboard(hash?: string): Promise<Page>;
  close(): Promise<void>;
}

/** Hosts that resolve to the local fixture server, so the content script's real match patterns apply. */

/**
 * A fresh install opens welcome.html a moment after start. Other suites wait for it and close it, so
 * it never turns up as the "page" a later click opens; `welcome: true` leaves it to the suite.
 */
async function closeWelcome(context: BrowserContext, fresh: boolean): Promise<void> {
  const isWelcome = (p: Page) => p.url().endsWith('/welcome.html');
  const close = (p: Page) =>
    void p.waitForURL(/\/welcome\.html$/, { timeout: 30_000 }).then(
      () => p.close(),
      () => {},
    );
  context.on('page', close);
  for (let waited = 0; fresh && waited < 20_000 && !context.pages().some(isWelcome); waited += 100)
    await new Promise((r) => setTimeout(r, 100));
  await Promise.all(
    context
      .pages()
      .filter(isWelcome)
      .map((p) => p.close()),
  );
}

export async function launchTifa(
  options: { userDataDir?: string; welcome?: boolean; extensionDir?: string } = {},
): Promise<Tifa> {
  ensureBuilt();
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const server = await serveFixtures();
  const { port } = server;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'tifa-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1200, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...QUIET_CHROMIUM_ARGS,
      `--host-resolver-rules=${MAPPED_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ')}`,
    ],
  });
  const outsideRequests: string[] = [];
  context.on('request', (req) => {
    const url = new URL(req.url());
    const local =
      url.hostname === '127.0.0.1' ||
      MAPPED_HOSTS.includes(url.hostname) ||
      ['chrome-extension:', 'data:', 'blob:', 'about:'].includes(url.protocol);
    if (!local) outsideRequests.push(req.url());
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  if (!options.welcome) await closeWelcome(context, !options.userDataDir);
  const base = `chrome-extension://${extensionId}`;
  return {
    context,
    extensionId,
    worker,
    outsideRequests,
    pageUrl: (path, host = 'www.people.com.cn') => `http://${host}/${path.replace(/^\//, '')}`,
    async openPopup() {
      const page = await context.newPage();
      await page.setViewportSize({ width: 400, height: 600 });
      await page.goto(`${base}/popup.html`);
      return page;
    },
    async openDashboard(hash = '') {
      const page = await context.newPage();
      await page.goto(`${base}/dashboard.html${hash}`);
      return page;
    },
    async close() {
      await context.close();
      await server.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Collects console errors and uncaught page errors, to assert none escaped. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  return errors;
}

/**
 * Runs `body` (a function body, as a string) with `root` bound to the closed shadow root of the
 * first `host` element: the test reaches it through the DevTools protocol, as no page script can.
 * `dialog` is the card's [role=dialog] inside, `arg` the argument. Null when there is no such root.
 */
export async function inClosedRoot<T>(page: Page, host: string, body: string, arg?: unknown): Promise<T | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    interface DomNode {
      localName?: string;
      backendNodeId: number;
      children?: DomNode[];
      shadowRoots?: DomNode[];
    }
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const find = (node: DomNode): DomNode | undefined =>
      node.localName === host ? node : (node.children ?? []).map(find).find(Boolean);
    const shadow = find(root)?.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: `function (arg) { const root = this; const dialog = root.querySelector('[role=dialog]'); ${body} }`,
      arguments: [{ value: arg }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The hover card's text ('' when closed), read inside its closed shadow root. */
export async function hoverCardText(page: Page): Promise<string> {
  return (await inClosedRoot<string>(page, 'tifa-hover-card', 'return dialog ? dialog.textContent : "";')) ?? '';
}

/** A real user's click (trusted mouse input) on the card's button whose text matches `name` (a RegExp source). */
export async function clickCardButton(page: Page, name: string): Promise<void> {
  const box = await inClosedRoot<{ x: number; y: number } | null>(
    page,
    'tifa-hover-card',
    `const button = [...root.querySelectorAll('button')].find((b) => new RegExp(arg).test(b.textContent) && !b.disabled);
     if (!button) return null;
     button.scrollIntoView({ block: 'nearest' });
     const r = button.getBoundingClientRect();
     return { x: r.left + r.width / 2, y: r.top + r.height / 2 };`,
    name,
  );
  if (!box) throw new Error(`no button ${name} in the hover card`);
  await page.mouse.click(box.x, box.y);
}

/** Waits until the card's text satisfies `ok` (e.g. /已记录/), or fails after `timeout` ms. */
export async function waitForCardText(
  page: Page,
  ok: RegExp | ((text: string) => boolean),
  timeout = 5_000,
): Promise<string> {
  const until = Date.now() + timeout;
  for (;;) {
    const text = await hoverCardText(page);
    if (typeof ok === 'function' ? ok(text) : ok.test(text)) return text;
    if (Date.now() > until) throw new Error(`the hover card did not show ${String(ok)}: ${text}`);
    await page.waitForTimeout(100);
  }
}

/** Moves the real (trusted) pointer onto the first highlighted occurrence of `term` and waits for its card. */
export async function hoverTerm(page: Page, term: string): Promise<void> {
  const box = await page.evaluate((t) => {
    for (const r of CSS.highlights.get('tifa-term') ?? []) {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      if (live.toString() !== t) continue;
      const rect = live.getClientRects()[0];
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, term);
  if (!box) throw new Error(`${term} is not highlighted`);
  await page.mouse.move(box.x - 40, box.y + 200);
  await page.mouse.move(box.x, box.y, { steps: 4 });
  await waitForCardText(page, (text) => text !== '');
}

/** Waits for the content script's first pass over `page` (its tifa:highlight measure). */
export async function firstPassDone(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('tifa:highlight').length > 0, null, {
    timeout: 15_000,
  });
}

/** A fixture page in a new tab, its console errors watched, once the content script has made its first pass. */
export async function openFixturePage(
  tifa: Tifa,
  path: string,
  host?: string,
): Promise<{ page: Page; errors: string[] }> {
  const page = await tifa.context.newPage();
  const errors = watchErrors(page);
  await page.goto(tifa.pageUrl(path, host));
  await firstPassDone(page);
  return { page, errors };
}

/** Opens the popup and rates its next `n` cards with `key` (3 = 良好), each once the due count has moved. */
export async function rateInPopup(tifa: Tifa, n: number, key = '3'): Promise<void> {
  const popup = await tifa.openPopup();
  for (let i = 0; i < n; i++) {
    await popup.getByTestId('card-prompt').waitFor();
    const before = await popup.getByTestId('due-count').innerText();
    await popup.keyboard.press('Space');
    await popup.getByTestId('card-answer').waitFor();
    await popup.keyboard.press(key);
    await popup.waitForFunction(
      (was) => document.querySelector('[data-testid="due-count"]')?.textContent !== was,
      before,
    );
  }
  await popup.close();
}

/** Imports a text file through 导入's file input on an open `#import` page: preview, 加入学习, done. */
export async function importTextFile(page: Page, name: string, text: string): Promise<void> {
  await page
    .getByTestId('import-file')
    .setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
  await page.getByTestId('import-preview').waitFor({ timeout: 20_000 });
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-done').waitFor();
}

/** A fixture news page in a new tab at `viewport`, once its terms are highlighted. */
export async function newsPageAt(
  tifa: Tifa,
  viewport: { width: number; height: number },
  path = 'news-simplified.html',
): Promise<Page> {
  const page = await tifa.context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(tifa.pageUrl(path));
  await page.waitForFunction(() => (CSS.highlights.get('tifa-term')?.size ?? 0) > 0, null, { timeout: 15_000 });
  return page;
}

/** Turns the opt-in state colours on or off (the dashboard's "在网页上按学习进度着色"), as the background stores them. */
export function setStateColours(tifa: Tifa, on: boolean): Promise<void> {
  return tifa.worker.evaluate(async (value) => {
    const { chrome } = globalThis as unknown as {
      chrome: {
        storage: { local: { get(k: string): Promise<Record<string, object>>; set(items: object): Promise<void> } };
      };
    };
    const { sites } = await chrome.storage.local.get('sites');
    await chrome.storage.local.set({
      sites: { globalEnabled: true, off: [], on: [], ...(sites ?? {}), stateColours: value },
    });
  }, on);
}

/** Waits until the bundled deck is in the store (the extension installs it on start). */
export async function bundledLoaded(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((ok) => {
        const open = indexedDB.open('tifa');
        open.onsuccess = () => {
          const req = open.result.transaction('cards').objectStore('cards').count();
          req.onsuccess = () => ok(req.result > 0);
          req.onerror = () => ok(false);
        };
        open.onerror = () => ok(false);
      }),
    null,
    { timeout: 20_000 },
  );
}

/** Reads a table of the extension's IndexedDB from one of its pages. */
export function readTable<T>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((ok, fail) => {
        const open = indexedDB.open('tifa');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => ok(req.result as T[]);
          req.onerror = () => fail(req.error);
        };
      }),
    table,
  );
}

/**
 * Writes rows into a table of the extension's IndexedDB behind Dexie's back: a page opened (or
 * reloaded) afterwards reads them.
 */
export function putRows(page: Page, table: string, rows: unknown[]): Promise<void> {
  return page.evaluate(
    ([name, list]) =>
      new Promise<void>((ok, fail) => {
        const open = indexedDB.open('tifa');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(name, 'readwrite');
          for (const row of list) tx.objectStore(name).put(row);
          tx.oncomplete = () => ok();
          tx.onerror = () => fail(tx.error);
        };
      }),
    [table, rows] as const,
  );
}

/** Picks an .apkg in 导入 (the dashboard open at #import), confirms its preview; returns the result line. */
export async function importApkg(page: Page, name: string, buffer: Buffer, timeout: number): Promise<string> {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  await page.getByTestId('anki-preview').waitFor({ timeout });
  await page.getByTestId('anki-confirm').click();
  await page.getByTestId('import-done').waitFor({ timeout });
  return page.getByTestId('import-done').innerText();
}

/** The local date `days` from today as 年-月-日 (the 学习会 date a user picks; the suites run about noon local time). */
export function isoDateIn(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
