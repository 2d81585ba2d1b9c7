// Bundled by highlight-bench.ts (esbuild, IIFE `__tifaBench`) and injected into the benchmark
// page: the content script's own scan, matcher and highlight code, without the extension around it.
import { matcherFromIndex, type TermIndex } from '@/data/match/index-terms';
import type { Matcher } from '@/data/match/matcher';
import { createHighlights } from '@/entrypoints/page.content/highlight';
import { createPasses } from '@/entrypoints/page.content/pass';

let matcher: Matcher | undefined;

/** Makes the matcher from the term index (once per page, as the content script does); returns the time it took. */
export function prepare(index: TermIndex): number {
  const t0 = performance.now();
  matcher = matcherFromIndex(index);
  return performance.now() - t0;
}

/** One full highlighting pass over the page, as the content script runs it. */
export async function pass(): Promise<{
  ms: number;
  busy: number;
  matches: number;
  chars: number;
  longTasks: number[];
}> {
  // Tasks over 50 ms while the pass runs: the pass should leave none of its own.
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
  observer.observe({ type: 'longtask' });
  const errors: unknown[] = [];
  const passes = createPasses(matcher!, createHighlights(), new AbortController().signal, (e) => errors.push(e));
  await passes.rescan();
  if (errors.length) throw errors[0];
  const entries = performance.getEntriesByName('tifa:highlight', 'measure') as PerformanceMeasure[];
  const last = entries[entries.length - 1];
  const detail = last.detail as { matches: number; chars: number; busy: number };
  await new Promise((resolve) => setTimeout(resolve, 50));
  longTasks.push(...observer.takeRecords().map((e) => e.duration));
  observer.disconnect();
  return { ms: last.duration, busy: detail.busy, matches: detail.matches, chars: detail.chars, longTasks };
}
