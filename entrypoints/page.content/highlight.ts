// Paints term occurrences without touching the page: every piece becomes a StaticRange in the
// CSS highlight `tifa-term` (styled in highlight.css). StaticRange rather than Range: a page
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
  clear(): void;
}

/**
 * `mutate` wraps the fallback's DOM writes, so that the MutationObserver can tell them
 * from the page's own changes.
 */
export function createHighlights(mutate: (write: () => void) => void = (write) => write()): TermHighlights {
  const byNode = new Map<Text, HitPiece[]>();
  const ranges = new Map<HitPiece, AbstractRange>();
  const native = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
  let highlight: Highlight | undefined;

  /** Keeps track of a painted piece (in the fallback: wraps it first). */
  function note(piece: HitPiece): void {
    if (!native) {
      piece.node = wrap(piece);
      piece.end -= piece.start;
      piece.start = 0;
    }
    const list = byNode.get(piece.node);
    if (list) list.push(piece);
    else byNode.set(piece.node, [piece]);
  }

  function paintNative(hits: readonly TermHit[]): void {
    const added: AbstractRange[] = [];
    for (const hit of hits) {
      for (const piece of hit.pieces) {
        const range = pieceRange(piece);
        added.push(range);
        ranges.set(piece, range);
        note(piece);
      }
    }
    let from = 0;
    if (!highlight) {
      // Handing the ranges to the constructor is faster than adding them one by one to a
      // highlight that is already registered.
      from = Math.min(added.length, MAX_SPREAD);
      highlight = new Highlight(...added.slice(0, from));
      CSS.highlights.set(HIGHLIGHT_NAME, highlight);
    }
    for (let k = from; k < added.length; k++) highlight.add(added[k]);
  }

  function unpaint(piece: HitPiece): void {
    const range = ranges.get(piece);
    if (range) {
      highlight?.delete(range);
      ranges.delete(piece);
    } else if (!native) {
      unwrap(piece.node);
    }
    // Only this piece: a hit that spans two nodes must not take the other node's pieces with it.
    const list = byNode.get(piece.node);
    const at = list ? list.indexOf(piece) : -1;
    if (at >= 0) list!.splice(at, 1);
    if (list && list.length === 0) byNode.delete(piece.node);
  }

  return {
    native,
    add(hits, fresh = false) {
      // The fallback checks even fresh pieces: splitText would throw on a wrong offset.
      const valid = fresh && native ? hits : hits.filter((hit) => hit.pieces.every(isCurrent));
      if (native) paintNative(valid);
      // Wrapping splits text nodes: go from the end of each node so earlier offsets stay right.
      else mutate(() => valid.flatMap((h) => h.pieces).sort((a, b) => b.start - a.start).forEach(note));
    },
    removeWhere(test) {
      const doomed = new Set<TermHit>();
      for (const [node, pieces] of byNode) if (test(node)) for (const p of pieces) doomed.add(p.hit);
      if (doomed.size === 0) return;
      mutate(() => {
        for (const hit of doomed) hit.pieces.forEach(unpaint);
      });
    },
    piecesIn(node) {
      return byNode.get(node as Text) ?? [];
    },
    hits() {
      const all = new Set<TermHit>();
      for (const pieces of byNode.values()) for (const p of pieces) all.add(p.hit);
      return [...all];
    },
    clear() {
      if (native) {
        highlight?.clear();
        CSS.highlights.delete(HIGHLIGHT_NAME);
        highlight = undefined;
        ranges.clear();
        byNode.clear();
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

/** The range a piece is painted with (static: see the top of this file). */
export function pieceRange(piece: HitPiece): StaticRange {
  return new StaticRange({ startContainer: piece.node, startOffset: piece.start, endContainer: piece.node, endOffset: piece.end });
}

function wrap(piece: HitPiece): Text {
  const middle = piece.node.splitText(piece.start);
  middle.splitText(piece.end - piece.start);
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
