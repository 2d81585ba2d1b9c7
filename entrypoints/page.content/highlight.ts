// Paints term occurrences without touching the page: every occurrence becomes one StaticRange
// (from its first piece's start to its last piece's end, across the inline elements between) in
// the CSS highlight `tifa-term` (styled in highlight.css). StaticRange rather than Range: a page
// with thousands of live Ranges pays for each of them on every DOM change it makes.
// Only where CSS.highlights is missing are pieces wrapped in <tifa-mark data-tifa-term>.
import type { HitPiece, TermHit } from './scan';

export const HIGHLIGHT_NAME = 'tifa-term';

// Most ranges handed to the Highlight constructor at once: spread arguments live on the stack.
const MAX_SPREAD = 8192;

export interface TermHighlights {
  /** False in the fallback, which changes the DOM: old marks must go before a rescan reads the text. */
  readonly native: boolean;
  /**
   * Paints these occurrences (pieces whose text changed meanwhile are left out). `fresh`: the
   * page has not run since they were found, so that checking each piece can be skipped.
   */
  add(hits: readonly TermHit[], fresh?: boolean): void;
  /** Forgets and unpaints every occurrence touching a node for which `test` is true. */
  removeWhere(test: (node: Text) => boolean): void;
  /** The pieces painted in a text node (in fallback mode: the node inside a <tifa-mark>). */
  piecesIn(node: Node): readonly HitPiece[];
  /** Every painted occurrence, in no particular order. */
  hits(): TermHit[];
  /** Every painted occurrence with the range it is painted with (none in the fallback), to paint it elsewhere too. */
  eachRange(visit: (hit: TermHit, range: AbstractRange) => void): void;
  clear(): void;
}

/**
 * `mutate` wraps the fallback's DOM writes, so that the MutationObserver can tell them
 * from the page's own changes.
 */
export function createHighlights(mutate: (write: () => void) => void = (write) => write()): TermHighlights {
  const native = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
  // Every painted occurrence, and the range it is painted with (null in the fallback) at the same
  // index: two plain lists rather than a Map from hit to range, which cost the pass ~1 ms for its
  // thousands of entries (much of it in garbage collection). Occurrences only ever go by
  // removeWhere, which reads the whole list anyway.
  const painted: TermHit[] = [];
  const ranges: Array<AbstractRange | null> = [];
  /** The pieces in each text node, for the hover card: built when first asked for after a change. */
  let byNode: Map<Text, HitPiece[]> | null = null;
  let highlight: Highlight | undefined;

  function paintNative(hits: readonly TermHit[]): void {
    const from = ranges.length;
    // Grown once to their new size, not push by push (each growth leaves the old storage as garbage).
    painted.length = ranges.length = from + hits.length;
    for (let k = 0; k < hits.length; k++) {
      painted[from + k] = hits[k];
      ranges[from + k] = hitRange(hits[k]);
    }
    let next = from;
    if (!highlight) {
      // Handing the ranges to the constructor is faster than adding them one by one.
      next = Math.min(ranges.length, from + MAX_SPREAD);
      highlight = new Highlight(...(ranges.slice(from, next) as AbstractRange[]));
      CSS.highlights.set(HIGHLIGHT_NAME, highlight);
    }
    for (let k = next; k < ranges.length; k++) highlight.add(ranges[k]!);
  }

  function paintWrapped(hits: readonly TermHit[]): void {
    // Wrapping splits text nodes: go from the end of each node so earlier offsets stay right.
    const pieces = hits.flatMap((hit) => hit.pieces).sort((a, b) => b.start - a.start);
    for (const piece of pieces) {
      piece.node = wrap(piece);
      piece.end -= piece.start;
      piece.start = 0;
    }
    for (const hit of hits) {
      painted.push(hit);
      ranges.push(null);
    }
  }

  function unpaint(hit: TermHit, range: AbstractRange | null): void {
    if (range) highlight?.delete(range);
    else if (!native) hit.pieces.forEach((piece) => unwrap(piece.node));
  }

  return {
    native,
    add(hits, fresh = false) {
      // The fallback checks even fresh pieces: splitText would throw on a wrong offset.
      const valid = fresh && native ? hits : hits.filter((hit) => hit.pieces.every(isCurrent));
      if (valid.length === 0) return;
      byNode = null;
      if (native) paintNative(valid);
      else mutate(() => paintWrapped(valid));
    },
    removeWhere(test) {
      const doomed: number[] = [];
      for (let k = 0; k < painted.length; k++) if (painted[k].pieces.some((piece) => test(piece.node))) doomed.push(k);
      if (doomed.length === 0) return;
      byNode = null;
      mutate(() => doomed.forEach((k) => unpaint(painted[k], ranges[k])));
      // Close the gaps, keeping the order.
      let kept = 0;
      for (let k = 0, d = 0; k < painted.length; k++) {
        if (k === doomed[d]) {
          d++;
          continue;
        }
        painted[kept] = painted[k];
        ranges[kept++] = ranges[k];
      }
      painted.length = kept;
      ranges.length = kept;
    },
    piecesIn(node) {
      if (!byNode) {
        byNode = new Map();
        for (const hit of painted) {
          for (const piece of hit.pieces) {
            const list = byNode.get(piece.node);
            if (list) list.push(piece);
            else byNode.set(piece.node, [piece]);
          }
        }
      }
      return byNode.get(node as Text) ?? [];
    },
    hits() {
      return painted.slice();
    },
    eachRange(visit) {
      for (let k = 0; k < painted.length; k++) {
        const range = ranges[k];
        if (range) visit(painted[k], range);
      }
    },
    clear() {
      if (native) {
        highlight?.clear();
        CSS.highlights.delete(HIGHLIGHT_NAME);
        highlight = undefined;
        painted.length = 0;
        ranges.length = 0;
        byNode = null;
      } else {
        this.removeWhere(() => true);
      }
    },
  };
}

/** True while a piece still fits the text node it was found in. */
export function isCurrent(piece: HitPiece): boolean {
  return piece.node.isConnected && piece.end <= piece.node.length;
}

/** The range an occurrence is painted with (static: see the top of this file). */
function hitRange(hit: TermHit): StaticRange {
  const first = hit.pieces[0];
  const last = hit.pieces[hit.pieces.length - 1];
  // One init object for all: the constructor copies it, and thousands fewer short-lived objects
  // make a garbage collection during the pass less likely.
  bounds ??= { startContainer: first.node, startOffset: 0, endContainer: first.node, endOffset: 0 };
  bounds.startContainer = first.node;
  bounds.startOffset = first.start;
  bounds.endContainer = last.node;
  bounds.endOffset = last.end;
  return new StaticRange(bounds);
}

let bounds: StaticRangeInit | undefined;

function wrap(piece: HitPiece): Text {
  // Split only where text remains on that side: no empty text nodes left in the page.
  const middle = piece.start > 0 ? piece.node.splitText(piece.start) : piece.node;
  if (piece.end - piece.start < middle.length) middle.splitText(piece.end - piece.start);
  const mark = document.createElement('tifa-mark');
  mark.dataset.tifaTerm = String(piece.hit.id);
  middle.replaceWith(mark);
  mark.append(middle);
  return middle;
}

function unwrap(node: Text): void {
  const mark = node.parentElement;
  if (mark?.localName !== 'tifa-mark') return;
  mark.replaceWith(node);
  // Join the pieces wrap() split off again, so the page gets its text node back.
  const next = node.nextSibling;
  if (next?.nodeType === 3) {
    node.appendData((next as Text).data);
    next.remove();
  }
  const prev = node.previousSibling;
  if (prev?.nodeType === 3) {
    (prev as Text).appendData(node.data);
    node.remove();
  }
}
