import { defineConfig } from 'wxt';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_PATH, QUIET_CHROMIUM_ARGS } from './scripts/chromium';
import { pageShell } from './scripts/page-shell';

/** The bundled deck: the same pure engine as `npm run deck`, run at build time over data/sources/. */
async function bundledDeck(root: string): Promise<string> {
  const { buildDeck } = await import('./data/knowledge/deck');
  const dir = join(root, 'data/sources');
  const docs = readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
  return JSON.stringify(buildDeck(docs));
}

/**
 * pdf.js's worker and the cMaps of Simplified Chinese PDFs (Adobe-GB1, GB*, UniGB*), copied to /pdfjs/
 * so that reading a PDF never fetches anything from the network (lib/extract/env.ts points there).
 */
function pdfjsAssets(root: string): { absoluteSrc: string; relativeDest: string }[] {
  const dir = join(root, 'node_modules/pdfjs-dist');
  const cmaps = readdirSync(join(dir, 'cmaps')).filter((file) => /^(Adobe-GB1|GB\w*|UniGB)-.*\.bcmap$/.test(file));
  return [
    { absoluteSrc: join(dir, 'build/pdf.worker.min.mjs'), relativeDest: 'pdfjs/pdf.worker.min.mjs' },
    ...cmaps.map((file) => ({ absoluteSrc: join(dir, 'cmaps', file), relativeDest: `pdfjs/cmaps/${file}` })),
  ];
}

/** sql.js's WebAssembly (SQLite), copied to /sqljs/ so reading an Anki collection fetches nothing from the network. */
const sqljsAssets = (root: string) => [
  { absoluteSrc: join(root, 'node_modules/sql.js/dist/sql-wasm.wasm'), relativeDest: 'sqljs/sql-wasm.wasm' },
];
/** fsrs-browser's WebAssembly (the FSRS optimizer), copied to /fsrs/ so that training fetches nothing from the network. */
function fsrsAssets(root: string): { absoluteSrc: string; relativeDest: string }[] {
  return [
    {
      absoluteSrc: join(root, 'node_modules/fsrs-browser/fsrs_browser_bg.wasm'),
      relativeDest: 'fsrs/fsrs_browser_bg.wasm',
    },
  ];
}

/**
 * fsrs-browser finds its wasm beside its own script (`new URL('fsrs_browser_bg.wasm', import.meta.url)`),
 * which Vite would bundle a second time under a hashed name: point it at the copy in /fsrs/ instead.
 */
function fsrsWasmPath() {
  return {
    name: 'tifa-fsrs-wasm-path',
    transform(code: string, id: string) {
      if (!id.replace(/\\/g, '/').endsWith('fsrs-browser/fsrs_browser.js')) return null;
      return code.replace(
        "new URL('fsrs_browser_bg.wasm', import.meta.url)",
        "new URL('/fsrs/fsrs_browser_bg.wasm', self.location.href)",
      );
    },
  };
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // linkedom (HTML in the import Worker, which has no DOMParser) imports @acemir/cssom, whose "browser"
  // build is a bare script without exports; its CommonJS entry bundles fine. The dashboard's import
  // worker is an ES module, so the file readers it loads (PDF, Word) may be split into chunks loaded
  // on demand; an IIFE worker cannot be code-split.
  vite: () => ({
    resolve: { alias: [{ find: /^@acemir\/cssom$/, replacement: '@acemir/cssom/lib/index.js' }] },
    worker: { format: 'es', plugins: () => [fsrsWasmPath()] },
    plugins: [fsrsWasmPath(), pageShell()],
    // No <link rel="modulepreload">: the pages' scripts are files of the extension itself, read from disk with
    // nothing to wait for, and in a trace of the popup the parser's preload step cost 8–33 ms of main thread.
    build: { modulePreload: false },
  }),
  hooks: {
    'build:publicAssets': async (wxt, files) => {
      files.push({ relativeDest: 'deck.json', contents: await bundledDeck(wxt.config.root) });
      files.push(...pdfjsAssets(wxt.config.root));
      // sql.js's WebAssembly, for the Anki export and import workers: packaged, never fetched.
      files.push(...sqljsAssets(wxt.config.root));
      files.push(...fsrsAssets(wxt.config.root));
    },
    // React code is served by Preact's React-compatible API (a tenth of React DOM's size) everywhere:
    // in the content script, which runs on every page of the news sites, and in the extension pages,
    // where it halves the chunk the popup loads before its first card (409 → 171 KB; measured in
    // `npm run bench -- popup` against React in the same session). Unit tests run React itself.
    'vite:build:extendConfig': (_entrypoints, config) => {
      const own = config.resolve?.alias ?? [];
      const existing = Array.isArray(own)
        ? own
        : Object.entries(own).map(([find, replacement]) => ({ find, replacement: replacement as string }));
      config.resolve = {
        ...config.resolve,
        alias: [
          { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
          { find: /^react-dom$/, replacement: 'preact/compat' },
          { find: /^react\/jsx-(dev-)?runtime$/, replacement: 'preact/jsx-runtime' },
          { find: /^react$/, replacement: 'preact/compat' },
          ...existing,
        ],
      };
    },
  },
  // The top level is the source root: entrypoints/, components/, data/ sit beside package.json.
  manifest: ({ browser }) => ({
    name: '提法 Tifa',
    description: '把政策文件的关键提法和数字变成间隔复习卡片，并在阅读网页时高亮。',
    default_locale: undefined,
    permissions: ['storage', 'alarms', 'contextMenus', 'activeTab', 'scripting'],
    // Sites beyond the default list are asked for one at a time, when the user turns highlighting on there.
    optional_host_permissions: ['*://*/*'],
    // sql.js (Anki export and import) and the FSRS optimizer (fsrs-browser) are WebAssembly, packaged in
    // /sqljs/ and /fsrs/: MV3 pages may compile wasm only with 'wasm-unsafe-eval'; scripts still come
    // from the extension alone.
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';" },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Tifa sends nothing anywhere: every card, review and page visit stays on the machine.
            gecko: {
              id: 'tifa@tifa.local',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  // `npm run dev` (scripts/dev.mjs) serves the demo page on 127.0.0.1:5199; the dev browser maps a
  // news-site host name to it so that the content script's real match patterns apply.
  webExt: {
    binaries: { chrome: CHROMIUM_PATH },
    chromiumArgs: [
      ...QUIET_CHROMIUM_ARGS,
      '--lang=zh-CN',
      '--disable-features=Translate',
      '--host-resolver-rules=MAP demo.people.com.cn 127.0.0.1:5199',
    ],
    startUrls: ['http://demo.people.com.cn/demo.html'],
  },
});
