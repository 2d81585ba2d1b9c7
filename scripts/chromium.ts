// The Chromium that the e2e tests, the benchmarks and `npm run dev` drive: Debian's unless CHROME_PATH
// names another, started with the switches that keep a run quiet and offline (no sandbox, GPU, updates,
// sync or first-run page).
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const QUIET_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
