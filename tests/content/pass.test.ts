// The highlighting pass's performance measures (issue 15): a page that keeps changing must not
// pile up one 'tifa:highlight' entry per pass; the latest passes stay readable, newest last.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { addSplitText } from './dom';
import { buildMatcher } from '../../data/match/matcher';
import { createHighlights, type TermHighlights } from '../../entrypoints/page.content/highlight';
import { createPasses, FIRST_CHARS, KEPT_MEASURES } from '../../entrypoints/page.content/pass';
import { scanTree, type TermHit } from '../../entrypoints/page.content/scan';

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

describe('a pass over a long page', () => {
  /** A layer that paints nothing and keeps what it is given, as the native one does. */
  function recordingLayer() {
    const added: TermHit[] = [];
    const layer: TermHighlights = {
      native: true,
      add: (hits) => void added.push(...hits),
      placed: () => Promise.resolve(),
      pageChanged: () => {},
      removeWhere: () => {},
      piecesIn: () => [],
      hits: () => added.slice(),
      eachRange: () => {},
      onRange: () => () => {},
      clear: () => (added.length = 0),
    };
    return { layer, added };
  }

  it('paints the text down to the viewport first, then the rest, every occurrence once', async () => {
    // 400 paragraphs of ~20 characters, each 100 px tall: far more than FIRST_CHARS and the viewport.
    const texts = Array.from({ length: 400 }, (_, k) => `第${k}段，要做到六个精准，实现五个一批。`);
    document.body.replaceChildren(
      ...texts.map((text, k) => {
        const p = document.createElement('p');
        p.dataset.k = String(k);
        p.textContent = text;
        return p;
      }),
    );
    const Element = Object.getPrototypeOf(Object.getPrototypeOf(document.body));
    vi.stubGlobal('innerHeight', 1000);
    Element.getBoundingClientRect = function (this: HTMLElement) {
      return { top: Number(this.dataset.k) * 100 };
    };
    const matcher = buildMatcher(['六个精准', '五个一批'].map((text, id) => ({ text, id })));
    const { layer, added } = recordingLayer();
    const seen: TermHit[][] = [];
    const errors: unknown[] = [];
    const passes = createPasses(matcher, layer, new AbortController().signal, (e) => errors.push(e));
    passes.onPass((hits) => seen.push(hits));
    await passes.rescan();
    delete Element.getBoundingClientRect;
    expect(errors.map(String)).toEqual([]);
    const entries = performance.getEntriesByName('tifa:highlight') as PerformanceMeasure[];
    // First: at least FIRST_CHARS of text, on to where a paragraph starts 2 viewports down, no further.
    const first = entries[0].detail as { matches: number; chars: number; scope: string };
    expect(first.scope).toBe('viewport');
    expect(first.chars).toBeGreaterThanOrEqual(FIRST_CHARS);
    expect(first.chars).toBeLessThan(FIRST_CHARS + 4 * 30);
    expect(first.matches).toBeLessThan(800);
    expect(entries.at(-1)!.detail).toMatchObject({ scope: 'page', matches: 800 });
    // Every occurrence painted once, in document order, as a one-step scan finds them.
    const { hits } = await scanTree(document.body, matcher);
    const key = (hit: TermHit) =>
      `${hit.id}@${(hit.pieces[0].node.parentNode as HTMLElement).dataset.k}:${hit.pieces[0].start}`;
    expect(added.map(key)).toEqual(hits.map(key));
    expect(seen.flat().map(key)).toEqual(hits.map(key));
  });
});
