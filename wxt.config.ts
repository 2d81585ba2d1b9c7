import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // The top level is the source root: entrypoints/, components/, data/ sit beside package.json.
  manifest: ({ browser }) => ({
    name: '提法 Tifa',
    description: '把政策文件的关键提法和数字变成间隔复习卡片，并在阅读网页时高亮。',
    default_locale: undefined,
    permissions: ['storage'],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'tifa@tifa.local', strict_min_version: '140.0' } } }
      : {}),
  }),
  // `npm run dev` (scripts/dev.mjs) serves the demo page on 127.0.0.1:5199; the dev browser maps a
  // news-site host name to it so that the content script's real match patterns apply.
  webExt: {
    binaries: { chrome: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
    chromiumArgs: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--host-resolver-rules=MAP demo.people.com.cn 127.0.0.1:5199',
    ],
    startUrls: ['http://demo.people.com.cn/demo.html'],
  },
});
