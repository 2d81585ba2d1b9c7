// An occurrence as the highlight layer sees it: whether its pieces still fit their text, the
// block whose nearness decides whether it is painted, and the range it is painted with.
import { blockOf } from './dom';
import type { HitPiece, TermHit } from './hits';

/** True while a piece still fits the text node it was found in. */
export function isCurrent(piece: HitPiece): boolean {
  return piece.node.isConnected && piece.end <= piece.node.length;
}

/** The element whose nearness decides whether an occurrence is painted: the block its text starts in. */
export function placeOf(hit: TermHit): Element {
  const node = hit.pieces[0].node;
  const block = blockOf(node);
  return block !== null && block.nodeType === 1 ? (block as Element) : (node.parentElement ?? document.documentElement);
}

/** The range an occurrence is painted with (static: see the top of this file). */
export function hitRange(hit: TermHit): StaticRange {
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
