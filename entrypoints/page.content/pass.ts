// A highlighting pass: scan some roots, swap their old highlights for the new ones in one go
// (no flicker while the scan yields), and record it as performance.measure('tifa:highlight').
// Passes run one after another, never interleaved.
import type { Matcher } from '@/data/match/matcher';
import type { TermHighlights } from './highlight';
import { scanTree, type TermHit } from './scan';

/**
 * The latest passes' measures kept in the page's performance timeline: a page that keeps changing
 * (a ticker) would otherwise add one entry per pass for as long as it stays open.
 */
export const KEPT_MEASURES = 10;

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

function isWithin(node: Node, roots: Set<Node>): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) if (roots.has(n)) return true;
  return false;
}
