// Finds the deck's terms in a page's text and maps them back to per-node pieces: a short pipeline
// over three layers. A term may run across inline elements (六个<b>精准</b>) but not across a block
// boundary (五个<br>一批), and never starts in script, style, form fields, editable regions or
// Tifa's own UI (dom.ts says which nodes are which). No DOM is changed.
//
// Two ways, same answers (tests/content/scan.test.ts runs every case through both):
// - the usual one, scanSnapshot (scan-snapshot.ts): the whole text read at once and matched, then
//   the text nodes walked to place the matches, synchronously;
// - for a root with more text than one task should take (SNAPSHOT_CHARS), the chunked scanner
//   (scan-chunked.ts): text nodes grouped into runs by block as they are walked, matched chunk by
//   chunk, with pauses for the page in between.
import type { Matcher } from '@/data/match/matcher';
import { createScanner } from './scan-chunked';
import { scanSnapshot } from './scan-snapshot';
import type { TermHit } from './hits';

export type { HitPiece, TermHit } from './hits';

export interface ScanResult {
  hits: TermHit[];
  /** Characters of text read. */
  chars: number;
  /** Time spent working, without the pauses given to the page. */
  busyMs: number;
  /** Whether the page had a turn during the scan, so that it may have changed the text read before. */
  paused: boolean;
}

export interface ScanOptions {
  signal?: AbortSignal;
  /** Longest stretch of work before yielding to the page (chunked scanner). */
  sliceMs?: number;
  /** Most characters read and matched in one go; a root with more goes to the chunked scanner. */
  snapshotChars?: number;
}

// About 15 ms of work on this project's test machine for the whole pass (1.2 MB of page text):
// a root with more text is scanned in slices that yield to the page.
export const SNAPSHOT_CHARS = 1 << 19;

/** Reads the text under `root` (an element) and returns every term occurrence, in document order. */
export async function scanTree(root: Node, matcher: Matcher, options: ScanOptions = {}): Promise<ScanResult> {
  const { signal, sliceMs = 30, snapshotChars = SNAPSHOT_CHARS } = options;
  let busyMs = 0;
  let paused = false;
  let start = performance.now();
  if (root.nodeType === 1) {
    const text = root.textContent ?? '';
    if (text.length <= snapshotChars) {
      const hits = scanSnapshot(root as Element, text, matcher);
      return { hits, chars: text.length, busyMs: performance.now() - start, paused };
    }
  }
  const scanner = createScanner(root, matcher);
  // The loop itself is synchronous: V8 optimises it much better than a loop inside an async function.
  while (!scanner.work(start + sliceMs)) {
    busyMs += performance.now() - start;
    await yieldToPage();
    paused = true;
    if (signal?.aborted) return { hits: [], chars: scanner.chars, busyMs, paused };
    start = performance.now();
  }
  busyMs += performance.now() - start;
  return { hits: scanner.hits, chars: scanner.chars, busyMs, paused };
}

interface Scheduler {
  yield(): Promise<void>;
}

/** Lets the page paint and handle input. scheduler.yield keeps our place in the task queue (Chrome 129+). */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  // A MessageChannel task is not clamped to 4 ms like nested setTimeouts are.
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
