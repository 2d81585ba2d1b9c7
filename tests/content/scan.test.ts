// The page scan on a small DOM (linkedom): which text is read, which text nodes a term may run
// across, and that chunking and pauses change nothing. Every case runs through both ways of
// scanning (the snapshot of the whole text, and the chunked walk used for very long pages), and
// random pages check that the two always agree. Real Chromium runs the e2e suite; here the walk's
// own logic is checked, case by case.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { buildMatcher } from '../../data/match/matcher';
import { scanTree, type ScanOptions, type TermHit } from '../../entrypoints/page.content/scan';

const SHOW_TEXT = 4;
const SHOW_CDATA_SECTION = 8;

/**
 * linkedom's TreeWalker only has nextNode(). This one follows the DOM spec for what the scan
 * uses, with whatToShow = SHOW_TEXT (and SHOW_CDATA_SECTION): nextNode() and nextSibling() (the first text node after the
 * current node's subtree, never leaving the root), and a settable currentNode.
 */
class TextWalker {
  currentNode: Node;
  constructor(
    readonly root: Node,
    readonly whatToShow: number,
  ) {
    this.currentNode = root;
  }

  nextNode(): Node | null {
    return this.textFrom(following(this.currentNode, this.root, true));
  }

  nextSibling(): Node | null {
    if (this.currentNode === this.root) return null;
    return this.textFrom(following(this.currentNode, this.root, false));
  }

  private textFrom(node: Node | null): Node | null {
    while (node && !(this.whatToShow & (1 << (node.nodeType - 1)))) node = following(node, this.root, true);
    if (node) this.currentNode = node;
    return node;
  }
}

/** The next node in document order within `root`; with `into` false, the one after node's subtree. */
function following(node: Node, root: Node, into: boolean): Node | null {
  if (into && node.firstChild) return node.firstChild;
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) {
    if (n.nextSibling) return n.nextSibling;
  }
  return null;
}

function page(body: string): Element {
  const { document } = parseHTML(
    `<!doctype html><html><head><title>六个精准</title></head><body>${body}</body></html>`,
  );
  (document as unknown as { createTreeWalker: (root: Node, whatToShow: number) => TextWalker }).createTreeWalker = (
    root,
    whatToShow,
  ) => new TextWalker(root, whatToShow);
  vi.stubGlobal('document', document);
  return document.body as unknown as Element;
}

/** Each hit as the text of its pieces, joined by "|" where it crosses from one text node to the next. */
function shown(hits: TermHit[]): string[] {
  return hits.map((hit) => hit.pieces.map((p) => p.node.data.slice(p.start, p.end)).join('|'));
}

/** The two ways of scanning: the chunked one is forced by allowing no text in a snapshot. */
const WAYS: Array<[string, ScanOptions]> = [
  ['snapshot', {}],
  ['chunked', { snapshotChars: 0 }],
];

async function scanWith(way: ScanOptions, body: string, patterns: string[]): Promise<string[]> {
  const root = page(body);
  const matcher = buildMatcher(patterns.map((text, id) => ({ text, id })));
  return shown((await scanTree(root, matcher, way)).hits);
}

beforeEach(() => {
  vi.stubGlobal('NodeFilter', { SHOW_TEXT, SHOW_CDATA_SECTION });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe.each(WAYS)('%s', (_way, way) => {
  describe('scanTree: runs of text', () => {
    const terms = ['六个精准', '五个一批', '精准扶贫', '两不愁三保障'];

    it.each([
      ['one text node', '<p>实现六个精准。</p>', ['六个精准']],
      ['across inline elements', '<p>要做到六个<b>精准</b>。</p>', ['六个|精准']],
      ['across nested inline elements', '<p>六<span>个<em>精</em></span>准</p>', ['六|个|精|准']],
      [
        'past an empty inline element, a comment and an image',
        '<p>两不愁<span></span>三<!-- x -->保<img src="x.png">障</p>',
        ['两不愁|三|保|障'],
      ],
      ['not across a <br>', '<p>五个<br>一批</p>', []],
      ['not across a <br> inside an inline element', '<p>五个<span><br></span>一批</p>', []],
      ['not across an empty block', '<p>五个<span><div></div></span>一批</p>', []],
      ['not across a block boundary', '<p>六个</p><p>精准</p>', []],
      ['not in and out of a nested block', '<div>六个<div>精准扶贫</div>精准</div>', ['精准扶贫']],
      ['not across a nested block, in either direction', '<div>六个<div>x</div>精准</div>', []],
      ['not from a block into the next', '<div><b>五个</b></div><b>一批</b>', []],
      ['not across an element that is not inline', '<p>六个<custom-el></custom-el>精准</p>', []],
      ['not across a skipped element', '<p>六个<script>x</script>精准</p>', []],
      ['not across an empty input', '<p>五个<input>一批</p>', []],
      ['with the space between two inline elements kept', '<p><b>两不愁</b> <b>三保障</b></p>', []],
      ['around a block, each side on its own', '<div>实现<b>六个</b><p>x</p><i>精准</i>扶贫</div>', ['精准|扶贫']],
    ])('%s', async (_name, body, expected) => {
      expect(await scanWith(way, body, terms)).toEqual(expected);
    });
  });

  describe('scanTree: what is never read', () => {
    it.each([
      ['script and style', '<script>六个精准</script><style>/* 六个精准 */</style>'],
      ['form fields', '<textarea>六个精准</textarea><select><option>六个精准</option></select>'],
      [
        'noscript, template and iframe',
        '<noscript>六个精准</noscript><template>六个精准</template><iframe>六个精准</iframe>',
      ],
      [
        'svg and math, however deep',
        '<svg><g><text>六个<tspan>精准</tspan></text></g><title>六个精准</title></svg><math><mi>六个精准</mi></math>',
      ],
      [
        'ruby annotations, which also part the characters they annotate',
        '<ruby>六<rt>六个精准</rt>个<rp>六个精准</rp></ruby>精准',
      ],
      [
        'editable regions, inline or not, however deep',
        '<div contenteditable><p><b>六个精准</b></p></div><span contenteditable="true">六个精准</span>',
      ],
      ['Tifa’s own card', '<tifa-hover-card><div>六个精准</div></tifa-hover-card>'],
    ])('%s', async (_name, body) => {
      const found = await scanWith(way, `<p>前</p>${body}<p>后：六个精准</p>`, ['六个精准']);
      expect(found).toEqual(['六个精准']);
    });

    it('reads contenteditable="false" regions, and the page on both sides of a skipped one', async () => {
      const body = '<p>六个精准<textarea>六个精准</textarea>精准扶贫</p><div contenteditable="false">六个精准</div>';
      expect(await scanWith(way, body, ['六个精准', '精准扶贫'])).toEqual(['六个精准', '精准扶贫', '六个精准']);
    });

    it('does not read the title in <head>', async () => {
      const root = page('<p>正文</p>').ownerDocument.documentElement;
      const matcher = buildMatcher([{ text: '六个精准', id: 0 }]);
      expect((await scanTree(root, matcher, way)).hits).toEqual([]);
    });

    it('counts the text of CDATA sections (XHTML) where they are, so the terms after them are placed right', async () => {
      const root = page('<p>前<b>六个</b></p><p>两不愁三保障</p>');
      const first = root.firstChild!;
      first.insertBefore(root.ownerDocument.createCDATASection('两不'), first.firstChild);
      root.insertBefore(root.ownerDocument.createCDATASection('xx'), first.nextSibling);
      const matcher = buildMatcher(['两不愁三保障', '六个'].map((text, id) => ({ text, id })));
      expect(shown((await scanTree(root, matcher, way)).hits)).toEqual(['六个', '两不愁三保障']);
    });
  });
});

describe('scanTree: long pages', () => {
  // ~70 characters per paragraph: 2,000 paragraphs fill several of the chunked scanner's chunks.
  const paragraph = (i: number) =>
    `<p>第${i}段：要做到六个<b>精准</b>，实现<span>两不愁</span><i>三保障</i>，这是一段用来填充篇幅的文字，没有别的意思。</p>`;
  const body = Array.from({ length: 2000 }, (_, i) => paragraph(i)).join('\n');
  const expected = Array.from({ length: 2000 }, () => ['六个|精准', '两不愁|三保障']).flat();
  const matcher = () => buildMatcher(['六个精准', '两不愁三保障'].map((text, id) => ({ text, id })));

  it('chunked: finds every term in a page larger than one chunk, and counts the text read', async () => {
    const root = page(body);
    // No deadline: on a slow machine 30 ms slices would pause, and this case is about chunks.
    const result = await scanTree(root, matcher(), { sliceMs: Infinity, snapshotChars: 0 });
    expect(shown(result.hits)).toEqual(expected);
    expect(result.chars).toBe(root.textContent!.length);
    expect(result.paused).toBe(false);
  });

  it('chunked: finds the same when it pauses at every opportunity, runs cut by the pauses included', async () => {
    const result = await scanTree(page(body), matcher(), { sliceMs: 0, snapshotChars: 0 });
    expect(result.paused).toBe(true);
    expect(shown(result.hits)).toEqual(expected);
  });

  it('snapshot: reads the whole text in one go, never pausing', async () => {
    const root = page(body);
    const result = await scanTree(root, matcher(), { sliceMs: 0 });
    expect(result.paused).toBe(false);
    expect(shown(result.hits)).toEqual(expected);
    expect(result.chars).toBe(root.textContent!.length);
  });

  it('a root with more text than a snapshot takes is scanned in slices', async () => {
    const result = await scanTree(page(body), matcher(), { sliceMs: 0, snapshotChars: 1000 });
    expect(result.paused).toBe(true);
    expect(shown(result.hits)).toEqual(expected);
  });
});

describe('scanTree: both ways agree on random pages', () => {
  // Text of 0–3 characters from a four-letter alphabet, and terms over it: terms meet across
  // every kind of boundary the scan knows, and overlap in every way.
  const ALPHABET = '六个精准';
  const TERMS = ['六个精准', '个精', '精准', '六个', '准六个', '个精准六'];
  // Inline elements more often than the rest: terms across them are what is most worth checking.
  const WRAP = [
    'b',
    'span',
    'em',
    'a',
    'font',
    'b',
    'span',
    'i',
    'p',
    'div',
    'li',
    'custom-el',
    'script',
    'textarea',
    'style',
    'rt',
    'svg',
  ];
  const LEAF = ['<br>', '<img src="x.png">', '<!-- c -->', '<input>', '<span></span>', '<wbr>'];

  it('finds the same hits, node by node, on 1,000 random pages', async () => {
    // A deterministic generator (the same pages on every run), its high bits used: the low bits
    // of this one repeat too soon.
    let seed = 4242;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return Math.floor((seed / 0x80000000) * n);
    };
    const text = () => Array.from({ length: random(4) }, () => ALPHABET[random(ALPHABET.length)]).join('');
    const tree = (depth: number): string => {
      let html = '';
      for (let n = 1 + random(5); n > 0; n--) {
        const pick = random(10);
        if (pick < 5 || depth === 0) html += text();
        else if (pick < 6) html += LEAF[random(LEAF.length)];
        else {
          const tag = WRAP[random(WRAP.length)];
          const editable = random(12) === 0 ? ' contenteditable' : '';
          // Raw-text elements hold text only.
          const inner = ['script', 'textarea', 'style'].includes(tag) ? text() : tree(depth - 1);
          html += `<${tag}${editable}>${inner}</${tag}>`;
        }
      }
      return html;
    };
    const matcher = buildMatcher(TERMS.map((text, id) => ({ text, id })));
    const where = (hits: TermHit[]) =>
      hits.map((h) => h.pieces.map((p) => `${h.id}@${p.start}-${p.end}:${p.node.data}`).join('|'));
    let found = 0;
    let spanning = 0;
    for (let round = 0; round < 1000; round++) {
      const html = tree(3);
      const root = page(html);
      const snapshot = await scanTree(root, matcher);
      const chunked = await scanTree(root, matcher, { snapshotChars: 0 });
      expect(where(snapshot.hits), html).toEqual(where(chunked.hits));
      // Pieces point at the nodes themselves, and every piece is real text.
      for (const hit of snapshot.hits)
        for (const p of hit.pieces) expect(p.end > p.start && p.end <= p.node.length, html).toBe(true);
      found += snapshot.hits.length;
      spanning += snapshot.hits.filter((h) => h.pieces.length > 1).length;
    }
    // The pages are not trivial: many terms, many across elements.
    expect(found).toBeGreaterThan(800);
    expect(spanning).toBeGreaterThan(80);
  });
});
