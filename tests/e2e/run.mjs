// Runs the end-to-end suites one after another (each launches its own Chromium) with node's test runner.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const dir = new URL('.', import.meta.url).pathname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.e2e.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()
  .map((f) => `${dir}${f}`);
// The suites rate cards and count what was done "today", and Tifa's study day turns at 04:00 local time:
// a run that crossed that hour would count ratings on two days. The suites and the browsers they launch run
// in a zone where it is about noon at the start (Etc/GMT±N, N ≤ 14), so a run of minutes never crosses
// 04:00 whatever the machine's clock or zone; the test code and the extension see the same zone.
const utcHour = new Date().getUTCHours();
const offset = ((12 - utcHour + 36) % 24) - 12; // −12…+11: local hour = utcHour + offset ≈ 12
const TZ = offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`; // POSIX sign: GMT-8 is UTC+8

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-timeout=180000', ...files],
  {
    stdio: 'inherit',
    env: { ...process.env, TZ },
  },
);
process.exit(result.status ?? 1);
