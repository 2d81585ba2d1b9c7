// Paints term occurrences without touching the page: every piece becomes a StaticRange in the
// CSS highlight `tifa-term` (styled in highlight.css). StaticRange rather than Range: a page
// with thousands of live Ranges pays for each of them on every DOM change it makes.
// Only where CSS.highlights is missing are pieces wrapped in <tifa-mark data-tifa-term>.
import type { HitPiece, TermHit } from './scan';

export const HIGHLIGHT_NAME = 'tifa-term';

export interface TermHighlights {
  /** False in the fallback, which changes the DOM: old marks must go before a rescan reads the text. */
  readonly native: boolean;
  /** Paints these occurrences (pieces whose text changed meanwhile are left out). */
  add(hits: readonly TermHit[]): void;
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

  function paint(piece: HitPiece): void {
    if (native) {
      if (!highlight) {
        highlight = new Highlight();
        CSS.highlights.set(HIGHLIGHT_NAME, highlight);
      }
      const range = new StaticRange({
        startContainer: piece.node,
        startOffset: piece.start,
        endContainer: piece.node,
        endOffset: piece.end,
      });
      highlight.add(range);
      ranges.set(piece, range);
    } else {
      piece.node = wrap(piece);
      piece.end -= piece.start;
      piece.start = 0;
    }
    const list = byNode.get(piece.node);
    if (list) list.push(piece);
    else byNode.set(piece.node, [piece]);
  }

  function unpaint(piece: HitPiece): void {
    const range = ranges.get(piece);
    if (range) {
      highlight?.delete(range);
      ranges.delete(piece);
    } else if (!native) {
      unwrap(piece.node);
    }
    byNode.delete(piece.node);
  }

  return {
    native,
    add(hits) {
      const valid = hits.filter((hit) => hit.pieces.every((p) => p.node.isConnected && p.end <= p.node.length));
      if (native) for (const hit of valid) hit.pieces.forEach(paint);
      // Wrapping splits text nodes: go from the end of each node so earlier offsets stay right.
      else mutate(() => valid.flatMap((h) => h.pieces).sort((a, b) => b.start - a.start).forEach(paint));
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
