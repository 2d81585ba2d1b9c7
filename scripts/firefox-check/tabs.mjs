// The tabs of one Firefox check run (check.mjs): fixture pages once highlighted, extension pages, and
// the errors of each, as puppeteer and the Browser Console saw them.
import { BROWSER_CONSOLE } from './launch.mjs';

/** Opens and watches tabs in the Firefox `ff` that launchFirefox() started. */
export function openTabs(ff) {
  const pages = [];
  /** Console errors and uncaught errors per page (as watchErrors in tests/e2e/harness.ts). */
  const pageErrors = {};

  async function newPage(key) {
    const page = await ff.browser.newPage();
    pages.push(page);
    await page.setViewport({ width: 1200, height: 900 });
    const errors = (pageErrors[key] = []);
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(String(err?.message ?? err)));
    return page;
  }

  /** A fixture page on a news-site host, once Tifa has highlighted it (its tifa:highlight measure). */
  async function openHighlighted(key, path, host) {
    const page = await newPage(key);
    await page.goto(ff.pageUrl(path, host), { waitUntil: 'load' });
    try {
      await page.waitForFunction(`performance.getEntriesByName('tifa:highlight').length > 0`, {
        timeout: 15_000,
        polling: 100,
      });
    } catch {
      // Left to the checks to report: they read the page as it is.
    }
    return page;
  }

  /** An extension page (popup.html, dashboard.html) in a tab. */
  async function openExtensionPage(key, path) {
    const page = await newPage(key);
    const url = `${ff.base}/${path}`;
    // Firefox's remote agent loses a tab's navigation into the extension process (page.goto never
    // resolves; its log says NavigationManager "context is null"), though the page loads fine. So:
    // start the navigation without waiting for it, then wait for the document itself.
    const context = page.mainFrame()._id;
    if (typeof context === 'string') {
      await ff.browser.connection.send('browsingContext.navigate', { context, url, wait: 'none' });
    } else {
      await page.goto(url, { waitUntil: 'load', timeout: 3000 }).catch(() => {});
    }
    await page.waitForFunction(
      `location.href.startsWith(${JSON.stringify(url)}) && document.readyState === 'complete'`,
      { timeout: 15_000, polling: 100 },
    );
    // Puppeteer sees no console message or error of these pages (the remote agent lost them, as
    // above): their errors are read from the Browser Console by the page's inner window id.
    page.windowId = (await tabWindows()).find((w) => w.url === url)?.windowId;
    if (page.windowId == null) throw new Error(`no window id for ${url}`);
    return page;
  }

  /** The current inner window of every tab, with its URL. */
  const tabWindows = () =>
    ff.chrome.exec(`
      const out = [];
      for (const win of Services.wm.getEnumerator('navigator:browser')) {
        for (const b of win.gBrowser.browsers) out.push({ url: b.currentURI.spec, windowId: b.browsingContext.currentWindowGlobal?.innerWindowId ?? null });
      }
      return out;
    `);

  /** The Browser Console's errors (script errors, console.error) from the given windows. */
  async function windowErrors(windowIds) {
    const entries = await ff.chrome.exec(BROWSER_CONSOLE);
    return entries
      .filter(
        (m) =>
          windowIds.includes(m.windowId) &&
          (m.kind === 'scriptError' ? !m.warning : m.kind === 'consoleAPI' && m.level === 'error'),
      )
      .map((m) => `${m.message} (${m.source}:${m.line})`);
  }

  return { pages, pageErrors, openHighlighted, openExtensionPage, tabWindows, windowErrors };
}
