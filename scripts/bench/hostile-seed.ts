// The deck for the busy-page bench: the bundled notes' terms (for the one-regex peer), and 20
// imported documents' worth of notes written into the extension's IndexedDB, as the term index
// bench does (copies of the bundled notes with a field word in front of every text).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { highlightTerms } from '../../data/knowledge/highlight-terms';
import { buildTermIndex } from '../../data/match/index-terms';
import { ROOT, type Tifa } from '../../tests/e2e/harness.ts';
import { bundledNotes, manyNotes } from './term-index-bench.ts';

/** The patterns of the bundled deck's term index (simplified and traditional forms). */
export function bundledTerms(): string[] {
  return buildTermIndex(highlightTerms(bundledNotes())).patterns;
}

/** Writes `documents` imported documents' notes beside the bundled ones; the term index is rebuilt on the next request. */
export async function seedImported(tifa: Tifa, documents: number): Promise<{ notes: number; patterns: number }> {
  const rows = manyNotes(bundledNotes(), documents + 1).filter((row) => row.origin !== 'bundled');
  const page = await tifa.openDashboard();
  await page.getByTestId('dashboard-due').filter({ hasText: /^\d+$/ }).waitFor({ timeout: 30_000 });
  await page.evaluate(readFileSync(join(ROOT, 'node_modules/dexie/dist/dexie.js'), 'utf8'));
  await page.evaluate(`globalThis.benchDb = new Dexie('tifa'); benchDb.open()`);
  await page.evaluate(async (list) => {
    await (
      globalThis as unknown as { benchDb: { table(n: string): { bulkPut(r: unknown[]): Promise<unknown> } } }
    ).benchDb
      .table('notes')
      .bulkPut(list);
  }, rows);
  await page.waitForTimeout(1000); // the worker hears of the write and drops its cached index
  await page.close();
  const all = manyNotes(bundledNotes(), documents + 1);
  return { notes: all.length, patterns: buildTermIndex(highlightTerms(all)).patterns.length };
}
