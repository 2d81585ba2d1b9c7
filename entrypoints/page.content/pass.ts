// A highlighting pass: scan some roots, swap their old highlights for the new ones in one go
// (no flicker while the scan yields), and record it as performance.measure('tifa:highlight').
// Passes run one after another, never interleaved.
// A pass over the whole page reads it front to back in two steps: first at least FIRST_CHARS of
// text, on down to a screen below the viewport (or FIRST_MS of work), painted and recorded at once
// (detail.scope 'viewport'; 'page' when that was all); then the rest in slices of the page's idle
// time, painted in one step and recorded with the whole page's figures (scope 'page'). A page
// shorter than that is read in one step, and so is any page where CSS.highlights is missing.
import type { Matcher } from '@/data/match/matcher';
import type { TermHighlights } from './highlight';
import { createScanner } from './scan-chunked';
import { scanTree, yieldToPage, type TermHit } from './scan';

/**
 * The latest passes' measures kept in the page's performance timeline: a page that keeps changing
 * (a ticker) would otherwise add one entry per pass for as long as it stays open.
 */
export const KEPT_MEASURES = 10;

/** Text always read in the first step: most small pages have no more. */
export const FIRST_CHARS = 1 << 12;
/** Work after which the first step ends anyway (when the viewport is far down, say). */
const FIRST_MS = 8;
/** Most work per slice of idle time for the rest of a long page: far below a long task's 50 ms. */
const REST_MS = 5;
/** Most occurrences painted per slice of idle time (placing them is ~1 µs each). */
const REST_BATCH = 2000;

export interface Passes {
  /** Rescans under these roots (elements); the whole body when none are given; none: only forgets removed nodes. */
  rescan(roots?: Node[]): Promise<void>;
  /** Called after each pass with the occurrences it found. */
  onPass(listener: (hits: TermHit[]) => void): void;
}

export function createPasses(
  matcher: Matcher,
  layer: TermHighlights,
  signal: AbortSignal,
  report: (error: unknown) => void,
): Passes {
  const listeners: Array<(hits: TermHit[]) => void> = [];
  let queue = Promise.resolve();
  const measures: PerformanceMeasureOptions[] = [];

  /** Adds this pass's measure; past twice the kept number, the oldest are dropped. */
  const measure = (options: PerformanceMeasureOptions) => {
    measures.push(options);
    performance.measure('tifa:highlight', options);
    if (measures.length < 2 * KEPT_MEASURES) return;
    measures.splice(0, measures.length - KEPT_MEASURES);
    performance.clearMeasures('tifa:highlight');
    for (const kept of measures) performance.measure('tifa:highlight', kept);
  };

  async function pass(roots: Node[] | undefined): Promise<void> {
    const start = performance.now();
    if (!roots && layer.native) return wholePage(document.body ?? document.documentElement, start);
    const scope = roots ?? [document.body ?? document.documentElement];
    const inScope = new Set(scope);
    const stale = roots ? (node: Text) => !node.isConnected || isWithin(node, inScope) : () => true;
    if (!layer.native) layer.removeWhere(stale);
    let hits: TermHit[] = [];
    let chars = 0;
    let busy = 0;
    // Until the page gets a turn, the pieces found are exactly what is on the page.
    let fresh = true;
    for (const root of scope) {
      if (!root.isConnected) continue;
      const result = await scanTree(root, matcher, { signal });
      if (signal.aborted) return;
      if (hits.length === 0) hits = result.hits;
      else for (const hit of result.hits) hits.push(hit);
      chars += result.chars;
      busy += result.busyMs;
      if (result.paused) fresh = false;
    }
    const paintStart = performance.now();
    layer.removeWhere(stale);
    // Cheap: only those near the viewport become ranges, once the browser has placed their blocks.
    layer.add(hits, fresh);
    busy += performance.now() - paintStart;
    if (roots?.length === 0) return; // only the occurrences of removed nodes were to go
    // Recorded once those near the viewport are painted.
    await layer.placed();
    if (signal.aborted) return;
    const end = performance.now();
    // duration: wall time, pauses for the page included; busy: Tifa's own work.
    measure({
      start,
      end,
      detail: { matches: hits.length, chars, busy, scope: roots ? 'changes' : 'page' },
    });
    for (const listener of listeners) listener(hits);
  }

  /** A full pass: the text down to the viewport's end first, then the rest when the page is idle. */
  async function wholePage(root: Element, start: number): Promise<void> {
    const scanner = createScanner(root, matcher);
    // The layout is read only at every fourth run's start, and it is up to date at this point.
    const bottom = (globalThis.innerHeight ?? 0) * 2;
    const enough = (node: Text, chars: number) => {
      if (chars < FIRST_CHARS) return false;
      if (performance.now() > start + FIRST_MS) return true;
      const el = node.parentElement;
      return el !== null && typeof el.getBoundingClientRect === 'function' && el.getBoundingClientRect().top > bottom;
    };
    // Only `enough` ends it, where a run starts: a first step never stops short of FIRST_CHARS.
    let done = scanner.work(Infinity, enough);
    const first = scanner.hits.slice();
    layer.removeWhere(() => true);
    layer.add(first, true);
    let busy = performance.now() - start;
    await layer.placed();
    if (signal.aborted) return;
    const scope = done ? 'page' : 'viewport';
    const detail = { matches: first.length, chars: scanner.chars, busy, scope };
    measure({ start, end: performance.now(), detail });
    for (const listener of listeners) listener(first);
    if (done) return;
    // Each slice of idle time either reads on or paints a batch of what was read.
    let added = first.length;
    while (!done || added < scanner.hits.length) {
      const deadline = await idleSlice();
      if (signal.aborted) return;
      const from = performance.now();
      const pending = scanner.hits.length - added;
      if (pending >= REST_BATCH || (done && pending > 0)) {
        layer.add(scanner.hits.slice(added, added + REST_BATCH));
        added = Math.min(scanner.hits.length, added + REST_BATCH);
      } else {
        done = scanner.work(Math.min(deadline, from + REST_MS));
      }
      busy += performance.now() - from;
    }
    const rest = scanner.hits.slice(first.length);
    const all = { matches: scanner.hits.length, chars: scanner.chars, busy, scope: 'page' };
    measure({ start, end: performance.now(), detail: all });
    for (const listener of listeners) listener(rest);
  }

  return {
    rescan(roots) {
      queue = queue.then(() => pass(roots)).catch(report);
      return queue;
    },
    onPass(listener) {
      listeners.push(listener);
    },
  };
}

/** Waits for idle time (a slice of it at most REST_MS long) and returns when it ends. */
function idleSlice(): Promise<number> {
  if (typeof requestIdleCallback !== 'function') return yieldToPage().then(() => performance.now() + REST_MS);
  return new Promise((resolve) =>
    // On a page that is never idle, a slice comes after 250 ms anyway.
    requestIdleCallback((idle) => resolve(performance.now() + Math.max(4, Math.min(REST_MS, idle.timeRemaining()))), {
      timeout: 250,
    }),
  );
}

function isWithin(node: Node, roots: Set<Node>): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) if (roots.has(n)) return true;
  return false;
}
