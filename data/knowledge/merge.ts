// Merging one fact stated in several documents into one note, and the stable ids that keep a
// user's progress when the deck is rebuilt: ids hash normalized content, never positions.
import type { Evidence } from './types';
import { quoteOriginal, type NormalizedText, type Span } from './normalize';

export interface DocText {
  source: string;
  original: string;
  norm: NormalizedText;
}

export { hash64, stableId } from './stable-id';

/** The sentence(s) covering normalized [from, to), quoted from the original, with marks. */
export function evidenceAt(doc: DocText, from: number, to: number, marks: Span[] = []): Evidence {
  // Sentences are sorted and disjoint, so starts and ends both increase: binary searches.
  const sentences = doc.norm.sentences;
  const firstAt = firstIndex(sentences.length, (i) => sentences[i].end > from);
  const first = sentences[firstAt] ?? { start: from, end: to };
  const lastAt = firstIndex(sentences.length, (i) => sentences[i].start >= to) - 1;
  const last = lastAt >= 0 ? sentences[lastAt] : first;
  const start = Math.min(first.start, from);
  const end = Math.max(last.end, to);
  const offset = doc.norm.toOriginal(start);
  const quote = quoteOriginal(doc.original, doc.norm, start, end);
  const mapped = marks
    .filter((m) => m.start >= start && m.end <= end && m.end > m.start)
    .map((m): [number, number] => [doc.norm.toOriginal(m.start) - offset, doc.norm.toOriginal(m.end - 1) + 1 - offset]);
  return mapped.length ? { source: doc.source, quote, marks: mapped, offset } : { source: doc.source, quote, offset };
}

/** The first i in [0, n) where the monotone `past(i)` holds, or n. */
function firstIndex(n: number, past: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (past(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Evidence lists merged: one entry per source (the first seen), source order kept. */
export function mergeEvidence(a: Evidence[], b: Evidence[]): Evidence[] {
  const out = [...a];
  for (const e of b) if (!out.some((x) => x.source === e.source)) out.push(e);
  return out;
}

/**
 * Group items by key, in first-seen order; `combine` folds later items into the first. Keys are
 * built from normalized simplified text, so the traditional document merges with the others.
 */
export function mergeByKey<T>(items: T[], key: (t: T) => string, combine: (kept: T, next: T) => T): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    const kept = byKey.get(k);
    byKey.set(k, kept === undefined ? item : combine(kept, item));
  }
  return [...byKey.values()];
}

/** Text compared across documents: no whitespace, no quotes/brackets that documents vary on. */
export function comparable(s: string): string {
  return s.replace(/[\s“”‘’"'「」『』《》〈〉]/g, '');
}
