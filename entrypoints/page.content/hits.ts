// What a scan finds: term occurrences, each in pieces at the text nodes it spans.

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

/**
 * The occurrence text[start, end) as a hit, in pieces at the text nodes it spans: nodes[j]'s
 * text begins at starts[j], and a match never reaches past starts[j + 1] within it. It starts
 * in nodes[k]; the entry after the last node it reaches is at or past its end.
 */
export function hitAcross(
  id: number,
  start: number,
  end: number,
  nodes: readonly Text[],
  starts: readonly number[],
  k: number,
): TermHit {
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
