// FSRS training (设置 → 优化参数) on 100,000 reviews in the built extension, as a user starts it:
// click → the report on the page (target ≤ 30 s), and the longest main-thread task of the settings page
// meanwhile (target none > 50 ms). The review log is generated from known parameters
// (tests/data/srs/simulate.ts) and written into the extension's IndexedDB first. Peer, same run, same
// items: fsrs-rs-nodejs, the same Rust optimizer built natively for Node, so the ratio shows what
// WebAssembly in a browser worker (and reading the log, scoring both sets) costs.
import { cpus, loadavg } from 'node:os';
import { FSRS } from '../../tests/support/fsrs-rs';
import { launchTifa, putRows } from '../../tests/e2e/harness.ts';
import { nodeItems, simulatedLogRow, simulateLogs, SIM_CLOCK } from '../../tests/data/srs/simulate.ts';
import { cardHistories, trainingItems } from '../../data/srs/fsrs-items.ts';
import { probeStart } from './cdp-probes.ts';

const REVIEWS = Number(process.env.FSRS_BENCH_REVIEWS) || 100_000;
const TRAIN_TARGET_MS = 30_000;
const LONG_TASK_TARGET_MS = 50;

// Injected before the dashboard's own scripts: every long task, and when the report appears.
const PROBE = `(() => {
  ${probeStart('shown: NaN', 'click', 'fsrs-train')}
  new MutationObserver(() => {
    if (Number.isNaN(b.t0) || !Number.isNaN(b.shown)) return;
    if (document.querySelector('[data-testid=fsrs-report]') || document.querySelector('[data-testid=fsrs-message]')) b.shown = performance.now();
  }).observe(document, { childList: true, subtree: true });
})();`;

interface Probe {
  t0: number;
  shown: number;
  tasks: Array<[number, number]>;
}

function benchLogs() {
  const logs = simulateLogs({ cards: Math.ceil(REVIEWS / 4), days: 365, seed: 5 }).slice(0, REVIEWS);
  if (logs.length < REVIEWS) throw new Error(`the simulation gave ${logs.length} reviews, fewer than ${REVIEWS}`);
  return logs;
}

async function nativePeer(logs: ReturnType<typeof benchLogs>): Promise<number> {
  const items = nodeItems(trainingItems(cardHistories(logs, SIM_CLOCK)));
  const t0 = performance.now();
  await new FSRS(null).computeParameters(items, true);
  return performance.now() - t0;
}

export async function runFsrsBench(): Promise<void> {
  const logs = benchLogs();
  const tifa = await launchTifa();
  try {
    await tifa.context.addInitScript(PROBE);
    const page = await tifa.openDashboard('#settings');
    await page.getByTestId('fsrs-section').waitFor({ timeout: 30_000 });
    const rows = logs.map(simulatedLogRow);
    for (let i = 0; i < rows.length; i += 20_000) await putRows(page, 'reviewLogs', rows.slice(i, i + 20_000));
    await page.reload();
    await page.getByTestId('fsrs-train').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1000);
    await page.getByTestId('fsrs-train').click();
    await page.waitForFunction(() => !Number.isNaN((globalThis as unknown as { __bench: Probe }).__bench.shown), null, {
      timeout: 300_000,
      polling: 200,
    });
    const b = await page.evaluate(() => (globalThis as unknown as { __bench: Probe }).__bench);
    const verdict = await page.getByTestId('fsrs-section').innerText();
    const during = b.tasks.filter(([start, dur]) => start + dur > b.t0 && start < b.shown).map(([, dur]) => dur);
    const trainMs = b.shown - b.t0;
    const longest = Math.max(0, ...during);
    if (process.env.FSRS_BENCH_DEBUG)
      console.log(
        JSON.stringify(
          b.tasks.map(([s, d]) => [Math.round(s - b.t0), Math.round(d)]),
          null,
          0,
        ),
        Math.round(trainMs),
      );
    const peerMs = await nativePeer(logs);
    console.log(
      `machine: ${cpus().length} cores, load ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      `FSRS training on ${logs.length} reviews, click → report: ${(trainMs / 1000).toFixed(1)} s (target ≤ ${TRAIN_TARGET_MS / 1000} s)`,
    );
    console.log(
      `  longest main-thread task meanwhile: ${longest.toFixed(0)} ms, ${during.filter((d) => d > LONG_TASK_TARGET_MS).length} over ${LONG_TASK_TARGET_MS} ms (target none)`,
    );
    console.log(
      `  peer, fsrs-rs-nodejs (native) on the same items: ${(peerMs / 1000).toFixed(1)} s (ratio ${(trainMs / peerMs).toFixed(1)}×)`,
    );
    console.log(
      `  page says: ${verdict
        .split('\n')
        .filter((l) => /已换用|没有比|不够|出错/.test(l))
        .join(' ')}`,
    );
  } finally {
    await tifa.close();
  }
}
