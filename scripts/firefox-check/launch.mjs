// Tifa's Firefox build in a real Firefox (Debian's firefox-esr), driven by puppeteer-core over
// WebDriver BiDi: the fixture pages served on news-site host names, the extension installed as a
// temporary add-on (BiDi webExtension.install), and a privileged channel into the browser's own
// (chrome) window for what only Firefox itself knows (add-on state, the Browser Console).
// A manual check, not part of `npm test`: see check.mjs.
//
// Environment:
//   PUPPETEER_DIR  a directory with puppeteer-core installed (default /tmp/ffdrive)
//   TIFA_FF_EXT    the unpacked Firefox build (default .output/firefox-mv3 in the repo)
//   FIREFOX        the Firefox binary (default /usr/bin/firefox-esr)
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MAPPED_HOSTS, serveFixtures } from '../../tests/e2e/fixture-server.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');
export const PUPPETEER_DIR = resolve(process.env.PUPPETEER_DIR || '/tmp/ffdrive');
export const EXT_DIR = resolve(ROOT, process.env.TIFA_FF_EXT || '.output/firefox-mv3');
export const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
export const EXT_ID = 'tifa@tifa.local';
/** Fixed through the pref extensions.webextensions.uuids, so extension pages have known URLs. */
export const EXT_UUID = '7ec4a1b2-5d3e-4c8f-9a10-123456789abc';

/** Thrown when something the check needs is not set up; its message says how to set it up. */
export class SetupError extends Error {}

function loadPuppeteer() {
  const require = createRequire(join(PUPPETEER_DIR, 'package.json'));
  try {
    return require('puppeteer-core');
  } catch {
    throw new SetupError(
      `puppeteer-core not found in ${PUPPETEER_DIR}. It is kept outside the repo; set it up once with\n` +
        '  mkdir -p /tmp/ffdrive && cd /tmp/ffdrive && npm init -y && npm install puppeteer-core\n' +
        'or point PUPPETEER_DIR at a directory where puppeteer-core is installed.',
    );
  }
}

/** Everything the run needs, checked before Firefox starts. */
export function checkSetup() {
  if (!existsSync(FIREFOX)) {
    throw new SetupError(
      `Firefox not found at ${FIREFOX}. On Debian/Ubuntu: apt-get install -y firefox-esr (fonts-noto-cjk for readable screenshots),\n` +
        'or point FIREFOX at a Firefox binary (one with WebDriver BiDi webExtension.install; written against firefox-esr 153).',
    );
  }
  if (!existsSync(join(EXT_DIR, 'manifest.json'))) {
    throw new SetupError(
      `No extension build in ${EXT_DIR} (no manifest.json). Run \`npm run build:firefox\` first, or point TIFA_FF_EXT at an unpacked Firefox build.`,
    );
  }
  return loadPuppeteer();
}

/** Starts Firefox (fresh temporary profile) with the extension installed; returns handles for check.mjs. */
export async function launchFirefox() {
  const puppeteer = checkSetup();
  const server = await serveFixtures();
  const log = [];
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      args: ['-remote-allow-system-access'],
      extraPrefsFirefox: {
        'network.dns.localDomains': MAPPED_HOSTS.join(','),
        'xpinstall.signatures.required': false,
        'extensions.webextensions.uuids': JSON.stringify({ [EXT_ID]: EXT_UUID }),
        // BiDi access to the browser's own (chrome) window: browsingContext.getTree {'moz:scope': 'chrome'}
        // (with -remote-allow-system-access above).
        'remote.experimental.enabled': true,
        'intl.accept_languages': 'zh-CN',
        // console.* of every context (pages, content scripts, extension pages) also to Firefox's stdout.
        'devtools.console.stdout.chrome': true,
        'devtools.console.stdout.content': true,
      },
    });
  } catch (e) {
    await server.close();
    throw e;
  }
  const proc = browser.process();
  const t0 = Date.now();
  const stamp = (d) =>
    String(d)
      .split('\n')
      .filter(Boolean)
      .map((l) => `[+${Date.now() - t0}] ${l}\n`)
      .join('');
  proc?.stdout?.on('data', (d) => log.push(stamp(d)));
  proc?.stderr?.on('data', (d) => log.push(stamp(d)));
  const close = async () => {
    await browser.close().catch(() => proc?.kill('SIGKILL'));
    await server.close();
  };
  try {
    const version = await browser.version();
    const chrome = await chromeChannel(browser);
    await collectConsole(chrome);
    const installed = await browser.installExtension(EXT_DIR);
    return {
      browser,
      version,
      installed,
      chrome,
      /** Firefox's own stdout/stderr, time-stamped. */
      log,
      base: `moz-extension://${EXT_UUID}`,
      pageUrl: (p, host = 'www.people.com.cn') => `http://${host}:${server.port}/${p.replace(/^\//, '')}`,
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/**
 * Privileged scripts through puppeteer's own BiDi connection: Firefox's experimental chrome scope
 * (pref remote.experimental.enabled) lists the browser window as a browsing context, and
 * script.evaluate there runs with Services, ChromeUtils, WebExtensionPolicy… in scope. The body
 * sees its arguments as `arguments`, may await, and returns something JSON can carry.
 * (Marionette cannot be used beside it: Firefox allows one WebDriver session, and BiDi's is it.)
 */
export async function chromeChannel(browser) {
  const conn = browser.connection;
  const { result } = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const ctx = result.contexts[0].context;
  return {
    async exec(body, args = []) {
      const expr = `(async function () { ${body} }).apply(null, ${JSON.stringify(args)}).then((v) => JSON.stringify(v ?? null), (e) => JSON.stringify({ __error: String(e) + '\\n' + e.stack }))`;
      const { result: r } = await conn.send('script.evaluate', {
        expression: expr,
        target: { context: ctx },
        awaitPromise: true,
      });
      if (r.type === 'exception')
        throw new Error('chrome script: ' + JSON.stringify(r.exceptionDetails).slice(0, 2000));
      const value = JSON.parse(r.result.value);
      if (value && typeof value === 'object' && '__error' in value) throw new Error('chrome script: ' + value.__error);
      return value;
    },
  };
}

/**
 * What the parent process cannot tell: console.* calls are kept per process (ConsoleAPIStorage),
 * and script errors reach the parent's console without the window they came from. A process
 * script in every child process (the extension's background and pages run in the extension
 * process) sends both to the parent, where BROWSER_CONSOLE reads them. Started before the add-on
 * is installed.
 */
const CONSOLE_COLLECTOR = `
  if (Services.appinfo.remoteType !== null) {
    const process = Services.appinfo.remoteType;
    const post = (entry) => sendAsyncMessage('tifa-check:console', { ...entry, process });
    const text = (a) => {
      if (typeof a === 'string') return a;
      try { return Error.isInstance?.(a) || a instanceof Error ? String(a) : JSON.stringify(a) ?? String(a); } catch { return String(a); }
    };
    const consoleCall = (e) => {
      let message;
      try { message = (e.arguments ?? []).map(text).join(' '); } catch (x) { message = 'unreadable: ' + x; }
      post({ kind: 'consoleAPI', level: e.level, addonId: e.addonId || null, source: e.filename, line: e.lineNumber, message, windowId: e.innerID });
    };
    const scriptError = (m) => {
      if (!(m instanceof Ci.nsIScriptError)) return;
      post({ kind: 'scriptError', copy: true, warning: !!(m.flags & Ci.nsIScriptError.warningFlag), message: m.errorMessage, source: m.sourceName, line: m.lineNumber, windowId: m.innerWindowID });
    };
    const storage = Cc['@mozilla.org/consoleAPI-storage;1'].getService(Ci.nsIConsoleAPIStorage);
    for (const e of storage.getEvents()) consoleCall(e);
    storage.addLogEventListener(consoleCall, Services.scriptSecurityManager.getSystemPrincipal());
    for (const m of Services.console.getMessageArray() ?? []) scriptError(m);
    Services.console.registerListener({ observe: scriptError });
  }
`;

export async function collectConsole(chrome) {
  await chrome.exec(
    `
    window.__tifaCheckConsole = [];
    Services.ppmm.addMessageListener('tifa-check:console', (m) => { window.__tifaCheckConsole.push(m.data); });
    Services.ppmm.loadProcessScript('data:,' + encodeURIComponent(arguments[0]), true);
  `,
    [CONSOLE_COLLECTOR],
  );
}

/**
 * The Browser Console, as plain objects: script errors and messages (nsIConsoleService, which
 * child processes report to), and console.* calls of the parent process (ConsoleAPIStorage) and
 * of the child processes (collectConsole). windowId: the inner window an entry came from; the
 * entries with `copy` repeat a child's script error with its window (the parent's has none).
 */
export const BROWSER_CONSOLE = `
  const out = [];
  for (const m of Services.console.getMessageArray() ?? []) {
    if (m instanceof Ci.nsIScriptError) {
      out.push({ kind: 'scriptError', warning: !!(m.flags & Ci.nsIScriptError.warningFlag), category: m.category, message: m.errorMessage, source: m.sourceName, line: m.lineNumber, col: m.columnNumber, windowId: m.innerWindowID, stack: m.stack ? String(m.stack) : undefined });
    } else {
      out.push({ kind: 'message', message: m.message });
    }
  }
  const storage = Cc['@mozilla.org/consoleAPI-storage;1'].getService(Ci.nsIConsoleAPIStorage);
  for (const e of storage.getEvents()) {
    let message;
    try { message = (e.arguments ?? []).map((a) => (typeof a === 'string' ? a : String(a))).join(' '); } catch (x) { message = 'unreadable: ' + x; }
    out.push({ kind: 'consoleAPI', level: e.level, addonId: e.addonId || null, source: e.filename, line: e.lineNumber, message, windowId: e.innerID, process: 'parent' });
  }
  out.push(...(window.__tifaCheckConsole ?? []));
  return out;
`;
