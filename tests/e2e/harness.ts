// End-to-end harness: the built extension in Debian's Chromium, driven by playwright-core.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { MAPPED_HOSTS, serveFixtures } from './fixture-server.mjs';

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

export async function launchTifa(options: { userDataDir?: string } = {}): Promise<Tifa> {
  ensureBuilt();
  const server = await serveFixtures();
  const { port } = server;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'tifa-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1200, height: 900 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--host-resolver-rules=${MAPPED_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ')}`,
    ],
  });
  const outsideRequests: string[] = [];
  context.on('request', (req) => {
    const url = new URL(req.url());
    const local = url.hostname === '127.0.0.1' || MAPPED_HOSTS.includes(url.hostname) || ['chrome-extension:', 'data:', 'blob:', 'about:'].includes(url.protocol);
    if (!local) outsideRequests.push(req.url());
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
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
