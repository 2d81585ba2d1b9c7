// Geometry for the hover card: which highlighted term is under a point, where to put the card,
// and the order of terms on the page. Highlights are not elements, so the term under the pointer
// is found from the caret position there, checked against the boxes of the painted pieces.
import type { CardPosition } from '@/components/content/term-card';
import type { HitPiece, TermHit } from './scan';

function rangeOf(piece: HitPiece): Range {
  const range = document.createRange();
  range.setStart(piece.node, Math.min(piece.start, piece.node.length));
  range.setEnd(piece.node, Math.min(piece.end, piece.node.length));
  return range;
}

/** The term under a point: the caret position there, then the painted pieces' boxes. */
export function hitAt(piecesIn: (node: Node) => readonly HitPiece[], x: number, y: number): TermHit | undefined {
  const caret = caretAt(x, y);
  if (!caret || caret.node.nodeType !== 3) return undefined;
  for (const piece of piecesIn(caret.node)) {
    if (caret.offset < piece.start || caret.offset > piece.end) continue;
    // The caret snaps to the nearest character even far from the text: check the boxes.
    for (const r of rangeOf(piece).getClientRects()) {
      if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return piece.hit;
    }
  }
  return undefined;
}

function caretAt(x: number, y: number): { node: Node; offset: number } | undefined {
  if (typeof document.caretPositionFromPoint === 'function') {
    const position = document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

function firstRect(hit: TermHit): DOMRect | undefined {
  const piece = hit.pieces[0];
  return piece?.node.isConnected ? rangeOf(piece).getClientRects()[0] : undefined;
}

/** Below the term, or above it when there is more room there; always inside the viewport. */
export function placeNear(hit: TermHit): CardPosition {
  const rect = firstRect(hit);
  const width = Math.min(360, innerWidth - 16);
  if (!rect) return { left: 8, top: 8 };
  const left = Math.max(8, Math.min(rect.left, innerWidth - width - 8));
  return innerHeight - rect.bottom >= Math.min(320, rect.top)
    ? { left, top: rect.bottom + 6 }
    : { left, bottom: innerHeight - rect.top + 6 };
}

export function scrollToHit(hit: TermHit): void {
  const rect = firstRect(hit);
  if (rect && (rect.top < 0 || rect.bottom > innerHeight)) scrollBy({ top: rect.top - innerHeight / 3 });
}

export function inDocumentOrder(hits: TermHit[]): TermHit[] {
  const connected = hits.filter((h) => h.pieces[0]?.node.isConnected);
  return connected.sort((a, b) => {
    const x = a.pieces[0];
    const y = b.pieces[0];
    if (x.node === y.node) return x.start - y.start;
    return x.node.compareDocumentPosition(y.node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
}
