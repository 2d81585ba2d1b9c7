// The highlighting pass's performance measures (issue 15): a page that keeps changing must not
// pile up one 'tifa:highlight' entry per pass; the latest passes stay readable, newest last.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { addSplitText } from './dom';
import { buildMatcher } from '../../data/match/matcher';
import { createHighlights } from '../../entrypoints/page.content/highlight';
import { createPasses, KEPT_MEASURES } from '../../entrypoints/page.content/pass';

let document: Document;
beforeEach(() => {
  document = parseHTML('<!doctype html><html><head></head><body><p id="p">六个精准</p></body></html>')
    .document as unknown as Document;
  addSplitText(document); // linkedom has no CSS.highlights: the wrapping fallback paints
  vi.stubGlobal('document', document);
  vi.stubGlobal('NodeFilter', { SHOW_TEXT: 4, SHOW_CDATA_SECTION: 8 });
  performance.clearMeasures('tifa:highlight');
});
afterEach(() => {
  vi.unstubAllGlobals();
  performance.clearMeasures('tifa:highlight');
});

describe('tifa:highlight measures', () => {
  it(`keeps at most ${2 * KEPT_MEASURES - 1} entries over 100 passes, the latest last`, async () => {
    const matcher = buildMatcher([{ text: '六个精准', id: 0 }]);
    const errors: unknown[] = [];
    const passes = createPasses(matcher, createHighlights(), new AbortController().signal, (e) => errors.push(e));
    const p = document.getElementById('p')!;
    let most = 0;
    for (let i = 1; i <= 100; i++) {
      p.append(document.createTextNode('六个精准'));
      await passes.rescan([p]);
      most = Math.max(most, performance.getEntriesByName('tifa:highlight').length);
    }
    expect(errors.map(String)).toEqual([]);
    expect(most).toBeLessThan(2 * KEPT_MEASURES);
    const entries = performance.getEntriesByName('tifa:highlight') as PerformanceMeasure[];
    expect(entries.length).toBeGreaterThanOrEqual(KEPT_MEASURES);
    // The last entry is the last pass: 101 occurrences of the term in the paragraph by then.
    expect((entries.at(-1)!.detail as { matches: number }).matches).toBe(101);
    const starts = entries.map((e) => e.startTime);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});
