// The deck for the busy-page bench: the bundled notes' terms (for the one-regex peer), and 20
// imported documents' worth of notes written into the extension's IndexedDB, as the term index
// bench does (copies of the bundled notes with a field word in front of every text).
import { highlightTerms } from '../../data/knowledge/highlight-terms';
import { buildTermIndex } from '../../data/match/index-terms';
import type { Tifa } from '../../tests/e2e/harness.ts';
import { bundledNotes, manyNotes, putNotesFromDashboard } from './term-index-bench.ts';

/** The patterns of the bundled deck's term index (simplified and traditional forms). */
export function bundledTerms(): string[] {
  return buildTermIndex(highlightTerms(bundledNotes())).patterns;
}

/** Writes `documents` imported documents' notes beside the bundled ones; the term index is rebuilt on the next request. */
export async function seedImported(tifa: Tifa, documents: number): Promise<{ notes: number; patterns: number }> {
  const all = manyNotes(bundledNotes(), documents + 1);
  const page = await tifa.openDashboard();
  await putNotesFromDashboard(
    page,
    all.filter((row) => row.origin !== 'bundled'),
  );
  await page.waitForTimeout(1000); // the worker hears of the write and drops its cached index
  await page.close();
  return { notes: all.length, patterns: buildTermIndex(highlightTerms(all)).patterns.length };
}
