// Finds the deck's terms in a page's text and maps them back to per-node pieces. A term may run
// across inline elements (六个<b>精准</b>) but not across a block boundary (五个<br>一批), and
// never starts in script, style, form fields, editable regions or Tifa's own UI. No DOM is changed.
//
// Two ways, same answers (tests/content/scan.test.ts runs every case through both):
// - the usual one, scanSnapshot: the whole text read at once and matched, then the text nodes
//   walked to place the matches, synchronously;
// - for a root with more text than one task should take (SNAPSHOT_CHARS), the chunked scanner:
//   text nodes grouped into runs by block as they are walked, matched chunk by chunk, with pauses
//   for the page in between.
import type { Match, Matcher } from '@/data/match/matcher';

/** One occurrence of a term on the page; several pieces when it spans elements. */
export interface TermHit {
  /** Index into the TermIndex's patterns / noteIds. */
  id: number;
  pieces: HitPiece[];
}

export interface HitPiece {
  node: Text;
  start: number;
  end: number;
  hit: TermHit;
}

export interface ScanResult {
  hits: TermHit[];
  /** Characters of text read. */
  chars: number;
  /** Time spent working, without the pauses given to the page. */
  busyMs: number;
  /** Whether the page had a turn during the scan, so that it may have changed the text read before. */
  paused: boolean;
}

// Never look inside these: code, form fields, editable or invisible content, our own UI.
// rt/rp are ruby annotations (pinyin): their text would split the characters they annotate.
const SKIP = new Set([
  'script', 'style', 'noscript', 'textarea', 'input', 'select', 'option', 'optgroup', 'svg', 'math',
  'template', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'head', 'title', 'rt', 'rp',
  'tifa-hover-card',
]);

// Text flows through these without a break, so a term may continue across them. Anything
// else (p, div, li, td, br, custom elements …) ends the run.
const INLINE = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font',
  'i', 'img', 'ins', 'kbd', 'label', 'mark', 'nobr', 'q', 'ruby', 'rb', 's', 'samp', 'small', 'span',
  'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', 'tifa-mark',
]);

function isSkipped(el: Element): boolean {
  if (SKIP.has(el.localName)) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
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

// Runs are matched in chunks of many runs joined by NUL, a character no term contains, so that
// the matcher is called a few dozen times per page rather than once per paragraph.
const SEPARATOR = '\u0000';
const CHUNK_CHARS = 1 << 15;

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

/**
 * The usual scan. `text` is the root's textContent: its text nodes' data in document order, read
 * in one native call. It is matched whole; then the text nodes are walked once, reading only their
 * lengths (no string is made per node), to place the matches. What the chunked scanner finds out
 * for every text node is checked here only where a match needs it:
 * - whether a match may run on from one text node into the next (continuesRun), only for matches
 *   that do; where one may not, the longest pattern that stops at that boundary is taken instead;
 * - whether a match starts in a skipped element (the text of script, style, textarea … is matched
 *   along with the rest); no match runs into or out of one, as skipped elements are not inline.
 * Synchronous: the text read must be the page's text until every match is placed.
 */
function scanSnapshot(root: Element, text: string, matcher: Matcher): TermHit[] {
  const hits: TermHit[] = [];
  // textContent comes as a string that points into the page's memory; a copy of our own (with a
  // space appended, V8 copies it into one string on first read) is read much faster by the
  // matcher's loop before V8 has optimised it.
  const { table, count } = matcher.longestStarts(`${text} `);
  if (count === 0) return hits;
  const skipped = skipFinder(root);
  const editable = skipped.editable;
  const walker = textWalker(root);
  // The non-empty text nodes from the one the current match starts in: nodes[k] covers
  // text[starts[k], starts[k + 1]) for k < size, and starts[size] is `read`. Emptied (size 0)
  // once a match starts past them all; the arrays themselves are only ever written over.
  const nodes: Text[] = [];
  const starts: number[] = [0];
  let size = 0;
  /** Where the next text node from the walker begins. */
  let read = 0;
  /** The first position no match taken covers. */
  let from = 0;
  let parent: Node | null = null;
  let parentSkipped = false;
  // Candidates front to back, greedily, as findAll takes them: leftmost, then longest.
  for (let r = count - 2; r >= 0; r -= 2) {
    const start = table[r];
    if (start < from) continue;
    let pattern = table[r + 1];
    let end = start + matcher.lengthOf(pattern);
    let k = 0;
    while (k < size && starts[k + 1] <= start) k++;
    if (k === size) {
      k = 0;
      let node = walker.nextNode() as Text | null;
      let length = node === null ? 0 : node.length;
      while (node !== null && read + length <= start) {
        read += length;
        node = walker.nextNode() as Text | null;
        length = node === null ? 0 : node.length;
      }
      // The text and the nodes disagree: not while this runs synchronously.
      if (node === null) break;
      nodes[0] = node;
      starts[0] = read;
      starts[1] = read += length;
      size = 1;
    }
    while (read < end) {
      const node = walker.nextNode() as Text | null;
      if (node === null) break;
      const length = node.length;
      if (length === 0) continue;
      nodes[size++] = node;
      starts[size] = read += length;
    }
    for (let j = k + 1; j < size && starts[j] < end; j++) {
      if (continuesRun(nodes[j - 1], nodes[j], editable)) continue;
      pattern = matcher.longestWithin(text, start, starts[j]);
      if (pattern < 0) break;
      end = start + matcher.lengthOf(pattern);
    }
    if (pattern < 0 || end > read) continue;
    // Text nodes side by side mostly share a parent: its answer holds for them all.
    const first = nodes[k];
    if (first.parentNode !== parent) {
      parent = first.parentNode;
      parentSkipped = skipped.around(first) !== null;
    }
    if (parentSkipped) continue;
    from = end;
    hits.push(hitAcross(matcher.idOf(pattern) as number, start, end, nodes, starts, k));
  }
  return hits;
}

/**
 * Finds the outermost skipped element (below the root) around a text node, or null. Asked in
 * document order, mostly about nodes whose grandparent was seen already: it keeps the path from
 * the root down to the last node found clear, and only looks at the ancestors not on it.
 */
function skipFinder(root: Node) {
  // Arrays with counters, written by index: an array emptied by `length = 0` drops its storage,
  // and the next push allocates it again (thousands of times a pass, a young-generation
  // collection's worth of garbage on a large page).
  /** path[0 … depth): ancestors of the last node found clear, the root first; none of them is skipped. */
  const path: Node[] = [root];
  let depth = 1;
  const entered: Element[] = [];
  /** Editable regions ([contenteditable] other than "false"): inline or not, text does not run through them. */
  let editable = findEditable(root);
  return {
    get editable() {
      return editable;
    },
    /** After a pause: the page may have changed. */
    reset(): void {
      editable = findEditable(root);
      depth = 1;
    },
    around(node: Node): Element | null {
      let count = 0;
      for (let el = node.parentNode; ; el = el.parentNode) {
        if (el === null) {
          // Not under the root any more (moved during a pause): nothing to skip.
          depth = 1;
          return null;
        }
        let known = depth - 1;
        while (known >= 0 && path[known] !== el) known--;
        if (known >= 0) {
          depth = known + 1;
          break;
        }
        entered[count++] = el as Element;
      }
      for (let k = count - 1; k >= 0; k--) {
        const el = entered[k];
        if (SKIP.has(el.localName) || (editable !== null && editable.has(el))) return el;
      }
      for (let k = count - 1; k >= 0; k--) path[depth++] = entered[k];
      return null;
    },
  };
}

// The walk visits text nodes only (a page has about as many elements again, and each one visited
// costs about as much as a text node read). What the elements would have told is found out instead:
// - whether a text node continues the run of the one before is read off the few nodes between
//   them (continuesRun), which stops at the first element that is not inline;
// - a text node can only be in a skipped element the one before was not in where it starts a
//   run (skipped elements are not inline), so only there are its ancestors looked at, and only
//   up to the nearest one known already: the path from the root down to the last run's start.
//
// The scanner is a closure rather than a class: the walk's state lives in the closure's variables,
// and writing those back after the loop needs no type feedback, so V8's optimised loop (compiled
// while the loop runs, before it has ever ended) is not thrown away the first time the loop ends.
function createScanner(root: Node, matcher: Matcher) {
  const hits: TermHit[] = [];
  let chars = 0;
  // The chunk being collected: its text, where each text node's segment starts in it, and the
  // text node of each segment. A run ends with a separator that belongs to no segment (no match
  // covers it). Runs before segment `runFrom` are complete. The arrays are emptied, never
  // replaced, so that the walk's code keeps seeing the same kind of array.
  let chunk = '';
  const starts: number[] = [];
  const owners: Text[] = [];
  let runFrom = 0;
  /** The last text node of the open run; null when no run is open. */
  let last: Text | null = null;
  const walker = textWalker(root);
  let next = walker.nextNode() as Text | null;
  const skipped = skipFinder(root);
  let slices = 0;

  /** Reads on until the end (true) or the deadline (false); a run in progress survives the pause. */
  function work(deadline: number): boolean {
    // Found afresh for every slice after the first: the page may have changed during the pause.
    if (slices++ > 0) skipped.reset();
    for (;;) {
      collect(deadline);
      if (next === null) {
        endRun();
        matchChunk();
        return true;
      }
      matchChunk();
      if (performance.now() > deadline) return false;
    }
  }

  /** The walk: collects text until the chunk is full (checked where a run starts), the deadline passes, or the text ends. */
  function collect(deadline: number): void {
    // The loop works on local copies: faster than the closure's variables.
    const notInline = skipped.editable;
    let node = next;
    let text = chunk;
    let open = last;
    let read = chars;
    let complete = runFrom;
    let steps = 0;
    while (node !== null) {
      if (open === null || !continuesRun(open, node, notInline)) {
        if (open !== null) {
          text += SEPARATOR;
          complete = owners.length;
          open = null;
        }
        if (text.length >= CHUNK_CHARS) break;
        const around = skipped.around(node);
        if (around !== null) {
          // With SHOW_TEXT, nextSibling goes on through the element's following siblings and its
          // ancestors' (all of them "skipped" by the filter) to the next text node after it.
          walker.currentNode = around;
          node = walker.nextSibling() as Text | null;
          continue;
        }
      }
      const data = node.data;
      read += data.length;
      if (data.length > 0) {
        starts.push(text.length);
        owners.push(node);
        text += data;
        open = node;
      }
      node = walker.nextNode() as Text | null;
      if ((++steps & 255) === 0 && performance.now() > deadline) break;
    }
    chunk = text;
    last = open;
    chars = read;
    runFrom = complete;
    next = node;
  }

  function endRun(): void {
    if (last === null) return;
    chunk += SEPARATOR;
    runFrom = owners.length;
    last = null;
  }

  /** Matches the complete runs of the chunk; an open run stays, so a term across a pause is found. */
  function matchChunk(): void {
    if (runFrom === 0) return;
    if (runFrom === owners.length) {
      // Every run is complete (the usual case): match it all, start afresh.
      starts.push(chunk.length);
      addHits(hits, matcher.findAll(chunk), starts, owners);
      chunk = '';
      starts.length = 0;
      owners.length = 0;
    } else {
      // starts[runFrom], where the open run begins, is also where the complete runs end.
      const cut = starts[runFrom];
      addHits(hits, matcher.findAll(chunk.slice(0, cut)), starts, owners);
      chunk = chunk.slice(cut);
      const count = owners.length - runFrom;
      for (let k = 0; k < count; k++) {
        starts[k] = starts[runFrom + k] - cut;
        owners[k] = owners[runFrom + k];
      }
      starts.length = count;
      owners.length = count;
    }
    runFrom = 0;
  }

  return {
    work,
    hits,
    /** Characters of text read so far. */
    get chars() {
      return chars;
    },
  };
}

/**
 * True when nothing but inline elements lies between `last` and `text` (which follows it), so a
 * term may run on from one to the other: 六个<b>精准</b>, but not 五个<br>一批, nor across a block
 * boundary. Goes backwards from `text` through the nodes between; each step leaves or enters an
 * element, and any that is not inline ends the search.
 */
function continuesRun(last: Text, text: Text, editable: Set<Element> | null): boolean {
  let node: Node = text;
  for (;;) {
    let before: Node | null = node.previousSibling;
    if (before === null) {
      // Going out of the element `node` is in (forwards: into it).
      const parent = node.parentNode;
      if (parent === null || !isInline(parent as Element, editable)) return false;
      node = parent;
      continue;
    }
    // Into `before` from its end, down to its last leaf.
    while (before !== last && before.nodeType === 1) {
      if (!isInline(before as Element, editable)) return false;
      const inner: Node | null = before.lastChild;
      if (inner === null) break;
      before = inner;
    }
    if (before === last) return true;
    // A leaf in between: an empty element, an empty text node, a comment.
    node = before;
  }
}

/** Editable regions under `root`, or null when there are none. */
function findEditable(root: Node): Set<Element> | null {
  if (root.nodeType !== 1) return null;
  let editable: Set<Element> | null = null;
  for (const el of (root as Element).querySelectorAll('[contenteditable]')) {
    if (el.getAttribute('contenteditable') !== 'false') (editable ??= new Set()).add(el);
  }
  return editable;
}

function isInline(el: Element, editable: Set<Element> | null): boolean {
  return INLINE.has(el.localName) && (editable === null || !editable.has(el));
}

/**
 * One hit per match, split into pieces at the text nodes' boundaries. `starts[k]` is where the
 * text of owners[k] begins; the entry after the last segment a match can reach is the text's end.
 * Matches come in order, so the segment a match starts in is found by walking on, not searching.
 */
function addHits(hits: TermHit[], matches: Match[], starts: readonly number[], owners: readonly Text[]): void {
  let k = 0;
  for (const { start, end, id } of matches) {
    while (starts[k + 1] <= start) k++;
    hits.push(hitAcross(id as number, start, end, owners, starts, k));
  }
}

/**
 * The occurrence text[start, end) as a hit, in pieces at the text nodes it spans: nodes[j]'s
 * text begins at starts[j], and a match never reaches past starts[j + 1] within it. It starts
 * in nodes[k]; the entry after the last node it reaches is at or past its end.
 */
function hitAcross(id: number, start: number, end: number, nodes: readonly Text[], starts: readonly number[], k: number): TermHit {
  const hit: TermHit = { id, pieces: NO_PIECES };
  const from = starts[k];
  if (end <= starts[k + 1]) {
    // One piece, the usual case. An array literal of its exact size: one that grows from [] by
    // push reserves room for 17, and thousands of them fill the young generation faster, so a
    // garbage collection during the pass becomes likelier.
    hit.pieces = [{ node: nodes[k], start: start - from, end: end - from, hit }];
    return hit;
  }
  const pieces: HitPiece[] = [];
  for (let j = k; starts[j] < end; j++) {
    const at = starts[j];
    pieces.push({ node: nodes[j], start: Math.max(start, at) - at, end: Math.min(end, starts[j + 1]) - at, hit });
  }
  hit.pieces = pieces;
  return hit;
}

const NO_PIECES: HitPiece[] = [];

/**
 * A walk over the text nodes under `root`: the nodes whose data make up its textContent, CDATA
 * sections included (they occur in XHTML pages), so that the snapshot's offsets line up.
 */
function textWalker(root: Node): TreeWalker {
  return document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION);
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
