// Probes for a bench page (import-bench.ts, fsrs-bench.ts): the opening of the script injected into the
// page, and over CDP the peak JS heap of the page and of its dedicated workers and a CPU profile by function.
import type { CDPSession, Page } from 'playwright-core';

/**
 * The opening of a probe injected before the page's own scripts (page-side JS, inside the probe's
 * function): the record `b` (globalThis.__bench) with t0, tasks and `fields`, every long task in b.tasks,
 * and b.t0 when `event` fires on [data-testid=testid]. (tsx wraps named inner functions in __name();
 * the page has no such helper.)
 */
export const probeStart = (fields: string, event: 'click' | 'change', testid: string) => `globalThis.__name = (f) => f;
  const b = (globalThis.__bench = { t0: NaN, tasks: [], ${fields} });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('${event}', (e) => {
    if (e.target && e.target.dataset && e.target.dataset.testid === '${testid}') b.t0 = performance.now();
  }, true);`;

/** Samples JSHeapUsedSize of the page and (via auto-attach) of its dedicated workers until stopped. */
export async function heapSampler(page: Page): Promise<{ stop(): Promise<{ pageMB: number; workerMB: number }> }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let pagePeak = 0;
  let workerPeak = NaN;
  const workers = new Set<string>();
  let nextId = 1;
  type Attached = { sessionId: string; targetInfo: { type: string } };
  type Received = { sessionId: string; message: string };
  // Non-flat auto-attach: the worker's protocol messages travel inside Target events on this session.
  (cdp as unknown as { on(e: string, f: (p: Attached) => void): void }).on('Target.attachedToTarget', (p) => {
    if (p.targetInfo.type === 'worker') workers.add(p.sessionId);
  });
  (cdp as unknown as { on(e: string, f: (p: { sessionId: string }) => void): void }).on(
    'Target.detachedFromTarget',
    (p) => {
      workers.delete(p.sessionId);
    },
  );
  (cdp as unknown as { on(e: string, f: (p: Received) => void): void }).on('Target.receivedMessageFromTarget', (p) => {
    const msg = JSON.parse(p.message) as { result?: { usedSize?: number } };
    const used = msg.result?.usedSize;
    if (typeof used === 'number') workerPeak = Math.max(Number.isNaN(workerPeak) ? 0 : workerPeak, used);
  });
  let attached = true;
  try {
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  } catch {
    attached = false;
  }
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const { metrics } = await cdp.send('Performance.getMetrics');
        const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
        pagePeak = Math.max(pagePeak, used);
        if (attached) {
          for (const sessionId of workers) {
            const message = JSON.stringify({ id: nextId++, method: 'Runtime.getHeapUsage' });
            void cdp.send('Target.sendMessageToTarget', { sessionId, message }).catch(() => {});
          }
        }
      } catch {
        // the page is closing
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await cdp.detach().catch(() => {});
      return { pageMB: pagePeak / 2 ** 20, workerMB: workerPeak / 2 ** 20 };
    },
  };
}

/** IMPORT_BENCH_PROFILE=1: the dashboard main thread's top functions by self time over one import. */
export async function startProfile(page: Page): Promise<() => Promise<string>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach();
    const selfMs = new Map<number, number>();
    profile.samples?.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000));
    const byName = new Map<string, number>();
    for (const node of profile.nodes) {
      const { functionName, url, lineNumber, columnNumber } = node.callFrame;
      const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber}:${columnNumber}`;
      byName.set(key, (byName.get(key) ?? 0) + (selfMs.get(node.id) ?? 0));
    }
    return [...byName]
      .filter(([key]) => !key.startsWith('(idle)') && !key.startsWith('(program)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 20)
      .map(([key, ms]) => `  ${ms.toFixed(0).padStart(5)} ms  ${key}`)
      .join('\n');
  };
}
