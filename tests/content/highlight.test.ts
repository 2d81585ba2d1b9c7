// The highlight layer on a small DOM (linkedom). The wrapping fallback (browsers without
// CSS.highlights, as linkedom has none) changes the DOM, so what it must give back is checked node
// by node. The native path's bookkeeping (which range paints which occurrence, through removals)
// is checked here with a stand-in CSS.highlights; Chromium's own painting is driven by the e2e suite.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { addSplitText } from './dom';
import { buildMatcher } from '../../data/match/matcher';
import { createHighlights } from '../../entrypoints/page.content/highlight';
import { scanTree } from '../../entrypoints/page.content/scan';

const BODY = '<p id="p">要做到六个<b>精准</b>，实现两不愁三保障。</p><p id="q">五个一批</p>';
const TERMS = ['六个精准', '两不愁三保障', '五个一批'];

/** Each child of an element as text (a text node's data) or <tag>text</tag>, for comparing shapes. */
function shape(el: Element): string[] {
  return [...el.childNodes].map((n) =>
    n.nodeType === 3 ? (n as Text).data : `<${(n as Element).localName}>${n.textContent}</${(n as Element).localName}>`,
  );
}

let document: Document;

beforeEach(() => {
  const window = parseHTML(`<!doctype html><html><head></head><body>${BODY}</body></html>`);
  document = window.document as unknown as Document;
  addSplitText(document); // linkedom has none: the DOM's, for what wrapping needs
  vi.stubGlobal('document', document);
  vi.stubGlobal('NodeFilter', { SHOW_TEXT: 4, SHOW_CDATA_SECTION: 8 });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

async function painted() {
  const matcher = buildMatcher(TERMS.map((text, id) => ({ text, id })));
  const { hits } = await scanTree(document.body, matcher);
  const layer = createHighlights();
  layer.add(hits, true);
  return { layer, hits };
}

describe('highlights without CSS.highlights: wrapping', () => {
  it('wraps each piece in <tifa-mark>, leaving the text as it was', async () => {
    const { layer } = await painted();
    expect(layer.native).toBe(false);
    const p = document.getElementById('p')!;
    expect(shape(p)).toEqual([
      '要做到',
      '<tifa-mark>六个</tifa-mark>',
      '<b>精准</b>',
      '，实现',
      '<tifa-mark>两不愁三保障</tifa-mark>',
      '。',
    ]);
    expect(p.querySelector('b')!.firstElementChild!.localName).toBe('tifa-mark');
    expect(document.body.textContent).toBe('要做到六个精准，实现两不愁三保障。五个一批');
    expect([...document.querySelectorAll('tifa-mark')].map((m) => (m as HTMLElement).dataset.tifaTerm)).toEqual([
      '0',
      '0',
      '1',
      '2',
    ]);
    expect(layer.hits()).toHaveLength(3);
  });

  it('finds the pieces in a wrapped text node, with the whole occurrence they belong to', async () => {
    const { layer } = await painted();
    const jing = document.querySelector('b tifa-mark')!.firstChild!;
    const [piece] = layer.piecesIn(jing);
    expect(piece.start).toBe(0);
    expect(piece.end).toBe(2);
    expect(piece.hit.pieces.map((x) => x.node.data)).toEqual(['六个', '精准']);
  });

  it('unwraps an occurrence whole, even where only one of its nodes was asked for, and gives the page its text nodes back', async () => {
    const { layer } = await painted();
    const b = document.querySelector('b')!;
    layer.removeWhere((node) => b.contains(node));
    const p = document.getElementById('p')!;
    expect(shape(p)).toEqual(['要做到六个', '<b>精准</b>', '，实现', '<tifa-mark>两不愁三保障</tifa-mark>', '。']);
    expect(layer.hits()).toHaveLength(2);
    expect(layer.piecesIn(b.firstChild!)).toEqual([]);
    layer.clear();
    expect(shape(p)).toEqual(['要做到六个', '<b>精准</b>', '，实现两不愁三保障。']);
    expect(shape(document.getElementById('q')!)).toEqual(['五个一批']);
    expect(document.querySelectorAll('tifa-mark')).toHaveLength(0);
    expect(layer.hits()).toEqual([]);
  });

  it('leaves out an occurrence whose text changed since it was found', async () => {
    const matcher = buildMatcher(TERMS.map((text, id) => ({ text, id })));
    const { hits } = await scanTree(document.body, matcher);
    (document.getElementById('q')!.firstChild as Text).data = '五个';
    const layer = createHighlights();
    layer.add(hits);
    expect(layer.hits().map((h) => h.id)).toEqual([0, 1]);
    expect(shape(document.getElementById('q')!)).toEqual(['五个']);
  });
});

describe('highlights with CSS.highlights: one StaticRange per occurrence', () => {
  /** The stand-ins: a Highlight is a Set of ranges, a StaticRange keeps what it was given. */
  beforeEach(() => {
    vi.stubGlobal('CSS', { highlights: new Map() });
    vi.stubGlobal(
      'Highlight',
      class extends Set<AbstractRange> {
        constructor(...ranges: AbstractRange[]) {
          super(ranges);
        }
      },
    );
    vi.stubGlobal(
      'StaticRange',
      class {
        startContainer: Node;
        startOffset: number;
        endContainer: Node;
        endOffset: number;
        constructor(init: StaticRangeInit) {
          ({
            startContainer: this.startContainer,
            startOffset: this.startOffset,
            endContainer: this.endContainer,
            endOffset: this.endOffset,
          } = init);
        }
      },
    );
  });

  /** What a range covers, as text. */
  const covered = (r: AbstractRange) =>
    r.startContainer === r.endContainer
      ? (r.startContainer as Text).data.slice(r.startOffset, r.endOffset)
      : `${(r.startContainer as Text).data.slice(r.startOffset)}|${(r.endContainer as Text).data.slice(0, r.endOffset)}`;
  const paintedTexts = () =>
    [...(CSS.highlights.get('tifa-term') as unknown as Set<AbstractRange>)].map(covered).sort();
  const pairs = (layer: ReturnType<typeof createHighlights>) => {
    const out: string[] = [];
    const painting = CSS.highlights.get('tifa-term') as unknown as Set<AbstractRange> | undefined;
    layer.eachRange((hit, range) => {
      // The range handed out must be the one in tifa-term, and must start where the hit does.
      const own =
        painting?.has(range) &&
        range.startContainer === hit.pieces[0].node &&
        range.startOffset === hit.pieces[0].start;
      out.push(`${hit.id}:${covered(range)}${own ? '' : ' (not its range)'}`);
    });
    return out.sort();
  };

  it('paints each occurrence with one range across its pieces, and hands out the range each one is painted with', async () => {
    const { layer } = await painted();
    expect(layer.native).toBe(true);
    expect(paintedTexts()).toEqual(['两不愁三保障', '五个一批', '六个|精准']);
    expect(pairs(layer)).toEqual(['0:六个|精准', '1:两不愁三保障', '2:五个一批']);
    expect(document.querySelectorAll('tifa-mark')).toHaveLength(0);
    expect(document.body.textContent).toBe('要做到六个精准，实现两不愁三保障。五个一批');
  });

  it('removes exactly the occurrences asked for, and each remaining one keeps its own range', async () => {
    const { layer } = await painted();
    // A second batch (as a rescan of new content adds), then a removal from the middle of the list.
    const q = document.getElementById('q')!;
    const more = await scanTree(q, buildMatcher(TERMS.map((text, id) => ({ text, id }))));
    layer.add(more.hits, true);
    expect(layer.hits()).toHaveLength(4);
    const b = document.querySelector('b')!;
    layer.removeWhere((node) => b.contains(node));
    expect(paintedTexts()).toEqual(['两不愁三保障', '五个一批', '五个一批']);
    expect(pairs(layer)).toEqual(['1:两不愁三保障', '2:五个一批', '2:五个一批']);
    layer.removeWhere((node) => q.contains(node));
    expect(paintedTexts()).toEqual(['两不愁三保障']);
    expect(pairs(layer)).toEqual(['1:两不愁三保障']);
    expect(layer.piecesIn(b.firstChild!)).toEqual([]);
    expect(layer.piecesIn(document.getElementById('p')!.lastChild!).map((p) => p.hit.id)).toEqual([1]);
    // Occurrences added after removals are paired with their own ranges too.
    layer.add((await scanTree(q, buildMatcher(TERMS.map((text, id) => ({ text, id }))))).hits, true);
    expect(pairs(layer)).toEqual(['1:两不愁三保障', '2:五个一批']);
    layer.clear();
    expect(CSS.highlights.has('tifa-term')).toBe(false);
    expect(layer.hits()).toEqual([]);
    expect(pairs(layer)).toEqual([]);
  });
});

describe('with CSS.highlights and an IntersectionObserver: only occurrences near the viewport are ranges', () => {
  /** The stand-in observer: the test says which elements are near, as the browser would after a frame. */
  let observers: Array<{
    targets: Set<Element>;
    report(near: Element[], above?: Element[], below?: Element[]): void;
  }>;
  beforeEach(() => {
    observers = [];
    vi.stubGlobal('CSS', { highlights: new Map() });
    vi.stubGlobal('Highlight', class extends Set<AbstractRange> {});
    vi.stubGlobal(
      'StaticRange',
      class {
        constructor(init: StaticRangeInit) {
          Object.assign(this, init);
        }
      },
    );
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        targets = new Set<Element>();
        constructor(callback: (entries: Array<Partial<IntersectionObserverEntry>>) => void) {
          const rootBounds = { top: 0, bottom: 1000 } as DOMRectReadOnly;
          const at = (top: number) => ({ top, bottom: top + 100 }) as DOMRectReadOnly;
          observers.push({
            targets: this.targets,
            report: (near, above = [], below = []) =>
              callback([
                ...near.map((target) => ({ target, isIntersecting: true, rootBounds, boundingClientRect: at(500) })),
                ...above.map((target) => ({ target, isIntersecting: false, rootBounds, boundingClientRect: at(-500) })),
                ...below.map((target) => ({ target, isIntersecting: false, rootBounds, boundingClientRect: at(1500) })),
              ]),
          });
        }
        observe(el: Element) {
          this.targets.add(el);
        }
        unobserve(el: Element) {
          this.targets.delete(el);
        }
        disconnect() {
          this.targets.clear();
        }
      },
    );
  });

  const registered = () =>
    [...((CSS.highlights.get('tifa-term') as unknown as Set<StaticRange>) ?? [])].map(
      (r) => (r.startContainer as Text).data,
    );

  it("paints a block's occurrences while it is near, and only then; the pass waits for the first report", async () => {
    const { layer } = await painted();
    const [io] = observers;
    const p = document.getElementById('p')!;
    const q = document.getElementById('q')!;
    expect([...io.targets]).toEqual([p, q]);
    expect(registered()).toEqual([]);
    let placed = false;
    void layer.placed().then(() => (placed = true));
    const seen: string[] = [];
    layer.onRange((hit, _range, shown) => seen.push(`${shown ? '+' : '-'}${hit.id}`));
    io.report([], [p, q]);
    await Promise.resolve();
    expect(placed).toBe(true);
    expect(registered()).toEqual([]);
    io.report([q]);
    expect(registered()).toEqual(['五个一批']);
    expect(seen).toEqual(['+2']);
    // Gone below on a quiet page: it stays (few ranges; each change repaints the whole page).
    io.report([], [], [q]);
    expect(registered()).toEqual(['五个一批']);
    // The page starts changing its DOM: what is out of view goes at once, and from then on as it leaves.
    layer.pageChanged();
    expect(registered()).toEqual([]);
    io.report([q]);
    io.report([], [q]);
    expect(registered()).toEqual([]);
    io.report([p]);
    expect(registered().sort()).toEqual(['要做到六个', '，实现两不愁三保障。'].sort());
    expect(layer.hits()).toHaveLength(3); // every occurrence is kept for the hover card, painted or not
    layer.removeWhere((node) => p.contains(node));
    expect(registered()).toEqual([]);
    expect(seen).toEqual(['+2', '-2', '+2', '-2', '+0', '+1', '-0', '-1']);
    expect([...io.targets]).toEqual([q]);
  });

  it('on a long page watches a few hundred elements, and pages ranges in and out as it is scrolled through', async () => {
    document.body.replaceChildren(
      ...Array.from({ length: 2400 }, (_, k) => {
        const p = document.createElement('p');
        p.id = `b${k}`;
        p.textContent = `第${k}段：五个一批`;
        return p;
      }),
    );
    const { layer, hits } = await painted();
    expect(hits).toHaveLength(2400);
    const [io] = observers;
    expect(io.targets.size).toBeLessThanOrEqual(500);
    const blocks = [...document.body.children];
    const texts = () => new Set(registered());
    const scroll = () => {
      let most = 0;
      // Scrolled from top to bottom: a window of 40 blocks near at a time.
      for (let top = 0; top + 40 <= 2400; top += 40) {
        io.report(
          [...io.targets].filter((el) => {
            const k = Number(el.id.slice(1));
            return k >= top && k < top + 40;
          }),
          [...io.targets].filter((el) => {
            const k = Number(el.id.slice(1));
            return k >= top - 40 && k < top;
          }),
        );
        const now = texts();
        for (let k = top; k < top + 40; k++) expect(now.has(blocks[k].firstChild!.textContent!)).toBe(true);
        most = Math.max(most, now.size);
      }
      return most;
    };
    // A quiet page: at most about MAX_SHOWN (1,500) at a time, and the first ones went again.
    expect(scroll()).toBeLessThan(1800);
    expect(texts().has(blocks[0].firstChild!.textContent!)).toBe(false);
    // A busy page: only the window and the rest of the groups at its edges (10 blocks each).
    io.report([], [], [...io.targets]); // back to the top: every block below
    layer.pageChanged();
    expect(scroll()).toBeLessThanOrEqual(60);
    expect(texts().has(blocks[0].firstChild!.textContent!)).toBe(false);
    expect(layer.hits()).toHaveLength(2400);
    // A group whose first block is above the viewport and last below is in view: still painted.
    const middle = blocks.slice(1000, 1010);
    io.report([], [middle[0]], [middle[9]]);
    expect(texts().has(middle[5].firstChild!.textContent!)).toBe(true);
    io.report([], [], [middle[0]]);
    expect(texts().has(middle[5].firstChild!.textContent!)).toBe(false);
  }, 30_000);
});
