// Collects a page's text and finds the deck's terms in it: one TreeWalker pass, text nodes
// grouped into runs by block so that 六个<b>精准</b> is matched as one string, runs matched in
// large chunks, matches mapped back to per-node pieces. No DOM is changed here.
import type { Matcher } from '@/data/match/matcher';
import { locate } from '@/data/match/segments';

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
  /** Text nodes read. */
  nodes: number;
  /** Time spent working, without the pauses given to the page. */
  busyMs: number;
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

// One lookup per element in the hot loop.
const SKIPPED = 1;
const INLINED = 2;
const KIND = new Map<string, number>([...[...SKIP].map((n) => [n, SKIPPED] as const), ...[...INLINE].map((n) => [n, INLINED] as const)]);

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
  /** Longest stretch of work before yielding to the page. */
  sliceMs?: number;
}

// Runs are matched in chunks of many runs joined by NUL, a character no term contains, so that
// the matcher is called a few dozen times per page rather than once per paragraph.
const SEPARATOR = '\u0000';
const CHUNK_CHARS = 1 << 15;

/** Reads the text under `root` (an element) and returns every term occurrence, in document order. */
export async function scanTree(root: Node, matcher: Matcher, options: ScanOptions = {}): Promise<ScanResult> {
  const { signal, sliceMs = 30 } = options;
  let busyMs = 0;
  let start = performance.now();
  const scanner = new TextScanner(root, matcher);
  // The loop itself is synchronous: V8 optimises it much better than a loop inside an async function.
  while (!scanner.work(start + sliceMs)) {
    busyMs += performance.now() - start;
    await yieldToPage();
    if (signal?.aborted) return { hits: [], nodes: scanner.nodes, busyMs };
    start = performance.now();
  }
  busyMs += performance.now() - start;
  return { hits: scanner.hits, nodes: scanner.nodes, busyMs };
}

class TextScanner {
  readonly hits: TermHit[] = [];
  nodes = 0;
  // The chunk being collected: its text, where each segment starts in it, and the text node of
  // each segment (null for separators). Runs before segment `runFrom` are complete.
  private chunk = '';
  private starts: number[] = [];
  private owners: Array<Text | null> = [];
  private runFrom = 0;
  private runBlock: Node | null = null;
  private lastParent: Node | null = null;
  private lastBlock: Node | null = null;
  private readonly walker: TreeWalker;
  private readonly editable: Set<Element>;
  private next: Node | null;

  constructor(
    root: Node,
    private readonly matcher: Matcher,
  ) {
    this.walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    this.editable = new Set(root.nodeType === 1 ? (root as Element).querySelectorAll('[contenteditable]') : []);
    this.next = this.walker.nextNode();
  }

  /** Reads on until the end (true) or the deadline (false); a run in progress survives the pause. */
  work(deadline: number): boolean {
    const walker = this.walker;
    let node = this.next;
    let steps = 0;
    while (node) {
      if (node.nodeType === 3) {
        const text = node as Text;
        const data = text.data;
        this.nodes++;
        if (data.length > 0) {
          const parent = text.parentNode;
          if (parent !== this.lastParent) {
            this.lastParent = parent;
            this.lastBlock = parent && blockOf(parent);
          }
          if (this.lastBlock !== this.runBlock) {
            this.endRun();
            if (this.chunk.length > CHUNK_CHARS) this.matchChunk();
            this.runBlock = this.lastBlock;
          }
          this.starts.push(this.chunk.length);
          this.owners.push(text);
          this.chunk += data;
        }
        node = walker.nextNode();
      } else {
        const el = node as Element;
        const kind = KIND.get(el.localName);
        if (kind === SKIPPED || (this.editable.size > 0 && this.editable.has(el) && el.getAttribute('contenteditable') !== 'false')) {
          this.endRun();
          node = nextOutside(walker);
          continue;
        }
        if (kind !== INLINED) this.endRun();
        node = walker.nextNode();
      }
      if ((++steps & 255) === 0 && performance.now() > deadline) {
        this.next = node;
        this.matchChunk();
        return false;
      }
    }
    this.next = null;
    this.endRun();
    this.matchChunk();
    return true;
  }

  private endRun(): void {
    if (this.runBlock === null) return;
    this.starts.push(this.chunk.length);
    this.owners.push(null);
    this.chunk += SEPARATOR;
    this.runFrom = this.owners.length;
    this.runBlock = null;
  }

  /** Matches the complete runs of the chunk; an open run stays, so a term across a pause is found. */
  private matchChunk(): void {
    const { runFrom, starts, chunk } = this;
    if (runFrom === 0) return;
    if (runFrom === this.owners.length) {
      // Every run is complete (the usual case): match it all, start afresh.
      starts.push(chunk.length);
      addHits(this.hits, this.matcher, chunk, starts, this.owners);
      this.chunk = '';
      this.starts = [];
      this.owners = [];
    } else {
      const cut = starts[runFrom];
      addHits(this.hits, this.matcher, chunk.slice(0, cut), [...starts.slice(0, runFrom), cut], this.owners);
      this.chunk = chunk.slice(cut);
      this.starts = starts.slice(runFrom).map((at) => at - cut);
      this.owners = this.owners.slice(runFrom);
    }
    this.runFrom = 0;
  }
}

/** The next node after the walker's current node's subtree. */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

/** `starts[k]` is where segment k begins in `text`, plus one last entry: text.length. */
function addHits(hits: TermHit[], matcher: Matcher, text: string, starts: number[], owners: Array<Text | null>): void {
  for (const m of matcher.findAll(text)) {
    const hit: TermHit = { id: m.id as number, pieces: [] };
    for (const p of locate(m, starts)) {
      const node = owners[p.segment];
      if (node) hit.pieces.push({ node, start: p.start, end: p.end, hit });
    }
    hits.push(hit);
  }
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
