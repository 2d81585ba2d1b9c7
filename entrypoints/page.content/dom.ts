// The scan's DOM layer: which elements are never read (code, form fields, editable regions, our
// own UI), which ones text flows through (so a term may run across them: 六个<b>精准</b>), and the
// walk over text nodes. The matcher (data/match) sees only strings; this is all it needs of a page.

// Never look inside these: code, form fields, editable or invisible content, our own UI.
// rt/rp are ruby annotations (pinyin): their text would split the characters they annotate.
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'svg',
  'math',
  'template',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  'rt',
  'rp',
  'tifa-hover-card',
]);

// Text flows through these without a break, so a term may continue across them. Anything
// else (p, div, li, td, br, custom elements …) ends the run.
const INLINE = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'q',
  'ruby',
  'rb',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  'tifa-mark',
]);

/**
 * An editable region ([contenteditable] other than "false"): never read, and text does not run
 * through it even where it is inline. Read off the element's attribute where it is met, rather
 * than from a list of the page's editable elements made beforehand (a querySelectorAll over the
 * whole root, which a long page paid for again after every pause).
 */
function isEditable(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  return value !== null && value !== 'false';
}

export function isSkipped(el: Element): boolean {
  return SKIP.has(el.localName) || isEditable(el);
}

/** An element text runs through: inline and not editable. */
export function isInline(el: Element): boolean {
  return INLINE.has(el.localName) && !isEditable(el);
}

/** True when `node` sits inside something the scanner never reads (an editor, a textarea …). */
export function isInsideSkipped(node: Node): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkipped(el)) return true;
  }
  return false;
}

/** The element a node's text belongs to for matching: its nearest non-inline ancestor. */
export function blockOf(node: Node): Node | null {
  let el: Node | null = node.nodeType === 1 ? node : node.parentNode;
  while (el && el.nodeType === 1 && INLINE.has((el as Element).localName)) el = el.parentNode;
  return el;
}

/**
 * True when nothing but inline elements lies between `last` and `text` (which follows it), so a
 * term may run on from one to the other: 六个<b>精准</b>, but not 五个<br>一批, nor across a block
 * boundary. Goes backwards from `text` through the nodes between; each step leaves or enters an
 * element, and any that is not inline ends the search.
 */
export function continuesRun(last: Text, text: Text): boolean {
  let node: Node = text;
  for (;;) {
    let before: Node | null = node.previousSibling;
    if (before === null) {
      // Going out of the element `node` is in (forwards: into it).
      const parent = node.parentNode;
      if (parent === null || !isInline(parent as Element)) return false;
      node = parent;
      continue;
    }
    // Into `before` from its end, down to its last leaf.
    while (before !== last && before.nodeType === 1) {
      if (!isInline(before as Element)) return false;
      const inner: Node | null = before.lastChild;
      if (inner === null) break;
      before = inner;
    }
    if (before === last) return true;
    // A leaf in between: an empty element, an empty text node, a comment.
    node = before;
  }
}

export interface SkipFinder {
  /** After a pause: the page may have changed. */
  reset(): void;
  /** The outermost skipped element (below the root) around a text node, or null. */
  around(node: Node): Element | null;
}

/**
 * Finds the outermost skipped element (below the root) around a text node, or null. Asked in
 * document order, mostly about nodes whose grandparent was seen already: it keeps the path from
 * the root down to the last node found clear, and only looks at the ancestors not on it. Where
 * each node on the path sits in it is kept too, so that a deep tree (layouts nest 40 divs) costs
 * one lookup per ancestor rather than a search of the path.
 */
export function skipFinder(root: Node): SkipFinder {
  // Arrays with counters, written by index: an array emptied by `length = 0` drops its storage,
  // and the next push allocates it again (thousands of times a pass, a young-generation
  // collection's worth of garbage on a large page).
  /** path[0 … depth): ancestors of the last node found clear, the root first; none of them is skipped. */
  const path: Node[] = [root];
  let depth = 1;
  /** Where a node was put on the path; stale once the path is cut above it (checked against `path`). */
  const at = new Map<Node, number>([[root, 0]]);
  const entered: Element[] = [];
  return {
    reset() {
      depth = 1;
    },
    around(node) {
      let count = 0;
      for (let el = node.parentNode; ; el = el.parentNode) {
        if (el === null) {
          // Not under the root any more (moved during a pause): nothing to skip.
          depth = 1;
          return null;
        }
        const known = at.get(el);
        if (known !== undefined && known < depth && path[known] === el) {
          depth = known + 1;
          break;
        }
        entered[count++] = el as Element;
      }
      for (let k = count - 1; k >= 0; k--) {
        const el = entered[k];
        if (isSkipped(el)) return el;
      }
      for (let k = count - 1; k >= 0; k--) {
        at.set(entered[k], depth);
        path[depth++] = entered[k];
      }
      return null;
    },
  };
}

/**
 * A walk over the text nodes under `root`: the nodes whose data make up its textContent, CDATA
 * sections included (they occur in XHTML pages), so that the snapshot's offsets line up.
 */
export function textWalker(root: Node): TreeWalker {
  return document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION);
}
