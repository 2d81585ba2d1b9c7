// Matching across inline element boundaries: the content script joins the text nodes of
// one block ("六个" + "精准" from 六个<b>精准</b>), matches the joined string, then maps
// each match back to per-node pieces, one Range (or highlight) per piece.

export interface Joined {
  text: string;
  /** starts[k]: where segment k begins in `text`; one extra entry, starts[texts.length] === text.length. */
  starts: number[];
}

export interface Piece {
  /** Index into the texts given to joinSegments. */
  segment: number;
  /** Offsets inside that segment, end exclusive; never empty. */
  start: number;
  end: number;
}

export function joinSegments(texts: readonly string[]): Joined {
  const starts: number[] = [0];
  let total = 0;
  for (const t of texts) starts.push((total += t.length));
  return { text: texts.join(''), starts };
}

/** Last segment k with starts[k] <= offset < starts[k + 1], so empty segments are skipped. */
function segmentAt(offset: number, starts: readonly number[]): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function locate(match: { start: number; end: number }, starts: readonly number[]): Piece[] {
  const pieces: Piece[] = [];
  const last = starts.length - 1;
  if (match.end <= match.start || match.start < 0 || match.end > starts[last]) return pieces;
  for (let k = segmentAt(match.start, starts); k < last && starts[k] < match.end; k++) {
    const start = Math.max(match.start, starts[k]) - starts[k];
    const end = Math.min(match.end, starts[k + 1]) - starts[k];
    if (end > start) pieces.push({ segment: k, start, end });
  }
  return pieces;
}
