// The usual way to scan a root (see scan.ts): its whole text read at once and matched, then
// the text nodes walked to place the matches, synchronously.
import type { Matcher } from '@/data/match/matcher';
import { continuesRun, skipFinder, textWalker } from './dom';
import { hitAcross, type TermHit } from './hits';

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
export function scanSnapshot(root: Element, text: string, matcher: Matcher): TermHit[] {
  const hits: TermHit[] = [];
  // textContent comes as a string that points into the page's memory; a copy of our own (with a
  // space appended, V8 copies it into one string on first read) is read much faster by the
  // matcher's loop before V8 has optimised it.
  const { table, count } = matcher.longestStarts(`${text} `);
  if (count === 0) return hits;
  const skipped = skipFinder(root);
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
      if (continuesRun(nodes[j - 1], nodes[j])) continue;
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
