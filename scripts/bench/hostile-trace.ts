// `npm run bench -- hostile-trace` (or TIFA_TRACE_PAGE=mutating|huge|large to pick one): where the
// main-thread time of a busy page goes, with Tifa and without, from a Chromium trace of the page's
// renderer (self time by category: the content script's JavaScript, other script, style, layout,
// paint, other). Run `npm run build` first.
import { loadavg } from 'node:os';
import type { CDPSession, Page } from 'playwright-core';
import type { Tifa } from '../../tests/e2e/harness.ts';
import { largeNewsPage } from './highlight-bench.ts';
import { hugePage, launchOverBenchPages, mutatingPage } from './hostile-pages.ts';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; scriptName?: string } };
}

const CATEGORY: Array<[RegExp, string]> = [
  [/^(UpdateLayoutTree|RecalculateStyles|ScheduleStyleRecalculation|ParseAuthorStyleSheet)$/, 'style'],
  [/^(Layout|UpdateLayerTree|IntersectionObserverController::computeIntersections|ComputeIntersections)/, 'layout'],
  [/^(PrePaint|Paint|PaintImage|Layerize|Commit|CompositeLayers|RasterTask|UpdateLayer|PaintSetup)/, 'paint'],
  [
    /^(FunctionCall|EvaluateScript|v8\.|V8\.|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|ParseHTML)/,
    'script',
  ],
];

const categoryOf = (name: string) => CATEGORY.find(([re]) => re.test(name))?.[1] ?? 'other';
const isTifa = (e: TraceEvent) => /^chrome-extension:/.test(e.args?.data?.url ?? e.args?.data?.scriptName ?? '');

/** Self time (ms) by category on the renderers' main threads; script under Tifa's calls counted as `tifa`. */
function summarise(events: TraceEvent[]): Record<string, number> {
  const mains = new Set(
    events.filter((e) => e.ph === 'M' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !mains.has(key) || e.dur === undefined) continue;
    (byThread.get(key) ?? byThread.set(key, []).get(key)!).push(e);
  }
  const out: Record<string, number> = {};
  const names: Record<string, number> = {};
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const stack: Array<{ e: TraceEvent; child: number; tifa: boolean }> = [];
    const close = (upTo: number) => {
      while (stack.length && stack[stack.length - 1].e.ts + stack[stack.length - 1].e.dur! <= upTo) {
        const { e, child, tifa } = stack.pop()!;
        const self = (e.dur! - child) / 1000;
        let cat = categoryOf(e.name);
        if (cat === 'script' && tifa) cat = 'tifa script';
        if (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask') {
          out[cat] = (out[cat] ?? 0) + self;
          names[`${cat}: ${e.name}`] = (names[`${cat}: ${e.name}`] ?? 0) + self;
        }
        if (stack.length) stack[stack.length - 1].child += e.dur!;
      }
    };
    for (const e of list) {
      close(e.ts);
      const parentTifa = stack.length > 0 && stack[stack.length - 1].tifa;
      stack.push({ e, child: 0, tifa: parentTifa || isTifa(e) });
    }
    close(Infinity);
  }
  if (process.env.TIFA_TRACE_TASKS) {
    // The longest tasks, each with the events that took most of it (self time).
    for (const list of byThread.values()) {
      const tasks = list.filter((e) => e.name === 'RunTask' && e.dur! > 50_000);
      for (const task of tasks) {
        const inner = list.filter((e) => e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur! && e !== task);
        const top = inner
          .sort((a, b) => b.dur! - a.dur!)
          .slice(0, 6)
          .map((e) => `${e.name}${isTifa(e) ? '[tifa]' : ''} ${(e.dur! / 1000).toFixed(0)}`);
        const t0 = list[0].ts;
        console.log(
          `      task at ${((task.ts - t0) / 1000).toFixed(0)}: ${(task.dur! / 1000).toFixed(0)} ms: ${top.join(', ')}`,
        );
      }
    }
  }
  if (process.env.TIFA_TRACE_NAMES) {
    const top = Object.entries(names)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25);
    for (const [name, ms] of top) console.log(`      ${ms.toFixed(1).padStart(8)} ms  ${name}`);
  }
  return out;
}

async function traced(page: Page, run: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (p) => void events.push(...(p.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'] },
  });
  await run();
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  return events;
}

const PAGES: Record<string, () => string> = {
  mutating: mutatingPage,
  huge: () => hugePage(),
  large: () => largeNewsPage(1.2).html,
};

/** What is traced on each page: a mutating page for 6 s after 2 s; the others loaded, then scrolled. */
async function scenario(tifa: Tifa, name: string, host: string): Promise<Record<string, number>> {
  const page = await tifa.context.newPage();
  let events: TraceEvent[];
  if (name === 'mutating') {
    await page.goto(`http://${host}/bench/${name}.html`, { waitUntil: 'load' });
    await page.waitForTimeout(2000);
    events = await traced(page, () => page.waitForTimeout(6000));
  } else {
    events = await traced(page, async () => {
      await page.goto(`http://${host}/bench/${name}.html`, { waitUntil: 'load', timeout: 180_000 });
      await page.waitForTimeout(1500);
      for (let s = 0; s < 12; s++) {
        await page.evaluate(() => scrollBy(0, innerHeight * 3));
        await page.waitForTimeout(150);
      }
      await page.waitForTimeout(1000);
    });
  }
  await page.close();
  return summarise(events);
}

export async function runHostileTrace(): Promise<void> {
  const chosen = process.env.TIFA_TRACE_PAGE ? [process.env.TIFA_TRACE_PAGE] : Object.keys(PAGES);
  console.log(`load average ${loadavg()[0].toFixed(1)}; self time on the page's main thread, ms`);
  const bodies = Object.fromEntries(chosen.map((name) => [name, PAGES[name]()]));
  const tifa = await launchOverBenchPages(bodies);
  try {
    for (const name of chosen) {
      for (const host of ['www.people.com.cn', 'example.test']) {
        const cats = await scenario(tifa, name, host);
        const total = Object.values(cats).reduce((a, b) => a + b, 0);
        const list = ['tifa script', 'script', 'style', 'layout', 'paint', 'other']
          .map((cat) => `${cat} ${(cats[cat] ?? 0).toFixed(0)}`)
          .join(', ');
        console.log(
          `${name} ${host === 'example.test' ? 'without Tifa' : 'with Tifa   '}: ${total.toFixed(0)} — ${list}`,
        );
      }
    }
  } finally {
    await tifa.close();
  }
}
