// The fallback where CSS.highlights is missing: each piece wrapped in <tifa-mark data-tifa-term>,
// and unwrapped again so that the page gets its text nodes back.
import type { HitPiece } from './hits';

export function wrap(piece: HitPiece): Text {
  // Split only where text remains on that side: no empty text nodes left in the page.
  const middle = piece.start > 0 ? piece.node.splitText(piece.start) : piece.node;
  if (piece.end - piece.start < middle.length) middle.splitText(piece.end - piece.start);
  const mark = document.createElement('tifa-mark');
  mark.dataset.tifaTerm = String(piece.hit.id);
  middle.replaceWith(mark);
  mark.append(middle);
  return middle;
}

export function unwrap(node: Text): void {
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
