// The chunked scanner (see scan.ts), for a root with more text than one task should take: text
// nodes grouped into runs by block as they are walked, matched chunk by chunk, with pauses for
// the page in between.
import type { Match, Matcher } from '@/data/match/matcher';
import { continuesRun, skipFinder, textWalker } from './dom';
import { hitAcross, type TermHit } from './hits';

// Runs are matched in chunks of many runs joined by NUL, a character no term contains, so that
// the matcher is called a few dozen times per page rather than once per paragraph.
const SEPARATOR = '\u0000';
const CHUNK_CHARS = 1 << 15;

// The walk visits text nodes only (a page has about as many elements again, and each one visited
// costs about as much as a text node read). What the elements would have told is found out instead:
// - whether a text node continues the run of the one before is read off the few nodes between
//   them (continuesRun), which stops at the first element that is not inline;
// - a text node can only be in a skipped element the one before was not in where it starts a
//   run (skipped elements are not inline), so only there are its ancestors looked at, and only
//   up to the nearest one known already: the path from the root down to the last run's start.
//
// The scanner is a closure rather than a class: the walk's state lives in the closure's variables,
// and writing those back after the loop needs no type feedback, so V8's optimised loop (compiled
// while the loop runs, before it has ever ended) is not thrown away the first time the loop ends.
export function createScanner(root: Node, matcher: Matcher) {
  const hits: TermHit[] = [];
  let chars = 0;
  // The chunk being collected: its text, where each text node's segment starts in it, and the
  // text node of each segment. A run ends with a separator that belongs to no segment (no match
  // covers it). Runs before segment `runFrom` are complete. The arrays are emptied, never
  // replaced, so that the walk's code keeps seeing the same kind of array.
  let chunk = '';
  const starts: number[] = [];
  const owners: Text[] = [];
  let runFrom = 0;
  /** The last text node of the open run; null when no run is open. */
  let last: Text | null = null;
  const walker = textWalker(root);
  let next = walker.nextNode() as Text | null;
  const skipped = skipFinder(root);
  let slices = 0;
  let runs = 0;

  /** Set when `until` said to stop: the walk ends where a run starts, so that every run read is matched. */
  let stopped = false;

  /**
   * Reads on until the end (true), the deadline or a text node that starts a run and for which
   * `until` (told the characters read so far) is true (false); a run in progress survives the
   * pause. `until` is asked at every fourth run only (it may read the layout).
   */
  function work(deadline: number, until?: (node: Text, chars: number) => boolean): boolean {
    // Found afresh for every slice after the first: the page may have changed during the pause.
    if (slices++ > 0) skipped.reset();
    stopped = false;
    for (;;) {
      collect(deadline, until);
      if (next === null) {
        endRun();
        matchChunk();
        return true;
      }
      matchChunk();
      if (stopped || performance.now() > deadline) return false;
    }
  }

  /** The walk: collects text until the chunk is full (checked where a run starts), the deadline passes, or the text ends. */
  function collect(deadline: number, until: ((node: Text, chars: number) => boolean) | undefined): void {
    // The loop works on local copies: faster than the closure's variables.
    let node = next;
    let text = chunk;
    let open = last;
    let read = chars;
    let complete = runFrom;
    let steps = 0;
    while (node !== null) {
      if (open === null || !continuesRun(open, node)) {
        if (open !== null) {
          text += SEPARATOR;
          complete = owners.length;
          open = null;
        }
        if (text.length >= CHUNK_CHARS) break;
        if (until !== undefined && (++runs & 3) === 0 && until(node, read)) {
          stopped = true;
          break;
        }
        const around = skipped.around(node);
        if (around !== null) {
          // With SHOW_TEXT, nextSibling goes on through the element's following siblings and its
          // ancestors' (all of them "skipped" by the filter) to the next text node after it.
          walker.currentNode = around;
          node = walker.nextSibling() as Text | null;
          continue;
        }
      }
      const data = node.data;
      read += data.length;
      if (data.length > 0) {
        starts.push(text.length);
        owners.push(node);
        text += data;
        open = node;
      }
      node = walker.nextNode() as Text | null;
      if ((++steps & 255) === 0 && performance.now() > deadline) break;
    }
    chunk = text;
    last = open;
    chars = read;
    runFrom = complete;
    next = node;
  }

  function endRun(): void {
    if (last === null) return;
    chunk += SEPARATOR;
    runFrom = owners.length;
    last = null;
  }

  /** Matches the complete runs of the chunk; an open run stays, so a term across a pause is found. */
  function matchChunk(): void {
    if (runFrom === 0) return;
    if (runFrom === owners.length) {
      // Every run is complete (the usual case): match it all, start afresh.
      starts.push(chunk.length);
      addHits(hits, matcher.findAll(chunk), starts, owners);
      chunk = '';
      starts.length = 0;
      owners.length = 0;
    } else {
      // starts[runFrom], where the open run begins, is also where the complete runs end.
      const cut = starts[runFrom];
      addHits(hits, matcher.findAll(chunk.slice(0, cut)), starts, owners);
      chunk = chunk.slice(cut);
      const count = owners.length - runFrom;
      for (let k = 0; k < count; k++) {
        starts[k] = starts[runFrom + k] - cut;
        owners[k] = owners[runFrom + k];
      }
      starts.length = count;
      owners.length = count;
    }
    runFrom = 0;
  }

  return {
    work,
    hits,
    /** Characters of text read so far. */
    get chars() {
      return chars;
    },
  };
}

/**
 * One hit per match, split into pieces at the text nodes' boundaries. `starts[k]` is where the
 * text of owners[k] begins; the entry after the last segment a match can reach is the text's end.
 * Matches come in order, so the segment a match starts in is found by walking on, not searching.
 */
function addHits(hits: TermHit[], matches: Match[], starts: readonly number[], owners: readonly Text[]): void {
  let k = 0;
  for (const { start, end, id } of matches) {
    while (starts[k + 1] <= start) k++;
    hits.push(hitAcross(id as number, start, end, owners, starts, k));
  }
}
