// Aho–Corasick over UTF-16 code units: one pass over the text for every pattern at once.
//
// Semantics: leftmost, then longest, non-overlapping. Scanning left to right, take the
// match that starts first; among matches starting there, the longest; continue after it.
// With 精准 / 六个精准 / 精准扶贫 on "六个精准扶贫" that is 六个精准 alone: 精准扶贫 overlaps it.
//
// How: the automaton is built over the *reversed* patterns and run from the end of the
// text to its start, so the output at position i is the longest pattern *starting* at i.
// A forward greedy walk over those positions then yields leftmost-longest directly,
// without the bookkeeping a forward scan needs to decide when a pending match is final.
//
// Layout: a full automaton (no failure links left to follow while scanning). The root's
// transitions are a dense table; every other state keeps only the transitions that lead
// deeper than one character, a list of 1–2 entries on average, anything else goes where
// the root would go. ~2,000 terms give ~10,000 states and ~20,000 such entries: well under
// 1 MB. A scan then costs one table read plus a short list walk per character, which also
// keeps the loop cheap before V8 has optimised it (a page is scanned once, mostly cold).

export interface Pattern {
  text: string;
  id: number | string;
}

export interface Match {
  /** UTF-16 offsets into the searched text, end exclusive. */
  start: number;
  end: number;
  id: number | string;
}

/**
 * For each position of a text where some pattern starts, the longest one: pairs (position,
 * pattern number) in `table[0 … count)`, from the end of the text back to its start. The table
 * is the matcher's own, overwritten by its next call.
 */
export interface Starts {
  table: Int32Array;
  count: number;
}

export interface Matcher {
  findAll(text: string): Match[];
  /** The raw material of findAll, for callers that choose among the matches themselves. */
  longestStarts(text: string): Starts;
  /**
   * The longest pattern that starts at `start` and ends by `end` (a boundary no match may cross),
   * as a pattern number, or -1.
   */
  longestWithin(text: string, start: number, end: number): number;
  /** Length and id of pattern number `pattern`. */
  lengthOf(pattern: number): number;
  idOf(pattern: number): number | string;
  /** Distinct non-empty patterns; a repeated text keeps the id it was first given. */
  readonly patternCount: number;
  readonly stateCount: number;
}

/**
 * A built automaton as plain, JSON-safe data. The background builds it once per deck and sends it
 * with the term index, so that a page does not spend its first milliseconds (and a background
 * compile of the builder) on it: matcherFromAutomaton only copies it into typed arrays.
 */
export interface Automaton {
  version: 1;
  /** The root's transitions: pairs (character, state). */
  root: number[];
  /** For states 1 … n-1 in turn, how many transitions each has; then per transition its
   *  character (a UTF-16 code unit: numbers, as a lone surrogate may not survive messaging) and
   *  the state it leads to. */
  rowSizes: number[];
  rowChars: number[];
  rowNext: number[];
  /** Pairs (state, pattern number): the longest pattern read on reaching the state. */
  outputs: number[];
  /** Per pattern number: its length and id. */
  lengths: number[];
  ids: Array<number | string>;
}

export function buildMatcher(patterns: readonly Pattern[]): Matcher {
  return matcherFromAutomaton(compileAutomaton(patterns));
}

export function compileAutomaton(patterns: readonly Pattern[]): Automaton {
  // 1. A trie of the reversed patterns, with Maps while it grows.
  const kids: Array<Map<number, number>> = [new Map()];
  const terminal: number[] = [-1];
  const ids: Array<number | string> = [];
  const lengths: number[] = [];
  for (const { text, id } of patterns) {
    if (!text) continue;
    let s = 0;
    for (let i = text.length - 1; i >= 0; i--) {
      const c = text.charCodeAt(i);
      let t = kids[s].get(c);
      if (t === undefined) {
        t = kids.length;
        kids.push(new Map());
        terminal.push(-1);
        kids[s].set(c, t);
      }
      s = t;
    }
    if (terminal[s] < 0) {
      terminal[s] = ids.length;
      ids.push(id);
      lengths.push(text.length);
    }
  }

  // 2. Failure links, breadth first; `out` is the longest pattern that is a suffix of the
  //    state's string (the state's own, else its failure state's).
  const n = kids.length;
  const fail = new Int32Array(n);
  const out = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (const t of kids[0].values()) {
    out[t] = terminal[t];
    queue[tail++] = t;
  }
  while (head < tail) {
    const s = queue[head++];
    for (const [c, t] of kids[s]) {
      let f = fail[s];
      while (f !== 0 && !kids[f].has(c)) f = fail[f];
      fail[t] = kids[f].get(c) ?? 0;
      out[t] = terminal[t] >= 0 ? terminal[t] : out[fail[t]];
      queue[tail++] = t;
    }
  }

  // 3. Transitions with the failure links folded in, breadth first so that a state's
  //    failure state is done before it: its own edges, then those of its failure state that
  //    it does not override. Edges to depth-1 states are left out: the root table has them.
  const rows: number[][] = new Array<number[]>(n);
  rows[0] = [];
  for (let k = 0; k < tail; k++) {
    const s = queue[k];
    const row: number[] = [];
    for (const [c, t] of kids[s]) row.push(c, t);
    const inherited = rows[fail[s]];
    for (let e = 0; e < inherited.length; e += 2) if (!kids[s].has(inherited[e])) row.push(inherited[e], inherited[e + 1]);
    rows[s] = row;
  }
  // 4. Number the states breadth first (the root 0, then queue order): the states one character
  //    deep, all the root table leads to, come first and fit its 16-bit entries (half the memory
  //    of 32-bit ones, and fewer cache misses in the scan's busiest lookup).
  const rank = new Int32Array(n);
  for (let k = 0; k < tail; k++) rank[queue[k]] = k + 1;
  const root: number[] = [];
  for (const [c, t] of kids[0]) root.push(c, rank[t]);
  const rowSizes: number[] = [];
  const rowChars: number[] = [];
  const rowNext: number[] = [];
  const outputs: number[] = [];
  for (let r = 1; r < n; r++) {
    const s = queue[r - 1];
    if (out[s] >= 0) outputs.push(r, out[s]);
    const row = rows[s];
    rowSizes.push(row.length >> 1);
    for (let j = 0; j < row.length; j += 2) {
      rowChars.push(row[j]);
      rowNext.push(rank[row[j + 1]]);
    }
  }
  return { version: 1, root, rowSizes, rowChars, rowNext, outputs, lengths, ids };
}

/** The matcher for an automaton built by compileAutomaton (here or in the background). */
export function matcherFromAutomaton(automaton: Automaton): Matcher {
  if (automaton.version !== 1) throw new Error('Unknown automaton version');
  const { lengths, ids } = automaton;
  const n = automaton.rowSizes.length + 1;
  const total = automaton.rowChars.length;
  if (automaton.rowNext.length !== total || lengths.length !== ids.length) throw new Error('Malformed automaton');
  const root = new Uint16Array(65536);
  for (let k = 0; k < automaton.root.length; k += 2) root[automaton.root[k]] = automaton.root[k + 1];
  const output = new Int32Array(n).fill(-1);
  for (let k = 0; k < automaton.outputs.length; k += 2) output[automaton.outputs[k]] = automaton.outputs[k + 1];
  // State r's transitions are rowChar/rowNext[rowStart[r] … rowStart[r + 1]); the root has none.
  const rowStart = new Int32Array(n + 1);
  for (let r = 1; r < n; r++) rowStart[r + 1] = rowStart[r] + automaton.rowSizes[r - 1];
  if (rowStart[n] !== total) throw new Error('Malformed automaton');
  const rowChar = Uint16Array.from(automaton.rowChars);
  const rowNext = Int32Array.from(automaton.rowNext);

  // Reused between calls: per match found, where it starts and which pattern (back to front).
  // Sized for a pattern at one position in eight (on a news page it is about one in a hundred),
  // grown when a text has more: a table for every position would be eight times larger.
  let hits = new Int32Array(0);

  // The hot loop, alone in its function: V8 optimises it on its own, and the code that
  // follows (seldom run when the optimiser looks) cannot send it back to the interpreter.
  // Returns how many numbers it wrote, or -1 when `hits` is too small.
  function scanBackwards(text: string, hits: Int32Array): number {
    let count = 0;
    let s = 0;
    for (let i = text.length - 1; i >= 0; i--) {
      const c = text.charCodeAt(i);
      let t = root[c];
      // The root's row is the table itself (and the root is the commonest state by far).
      if (s !== 0) {
        for (let e = rowStart[s], end = rowStart[s + 1]; e < end; e++) {
          if (rowChar[e] === c) {
            t = rowNext[e];
            break;
          }
        }
      }
      s = t;
      const o = output[s];
      if (o >= 0) {
        if (count === hits.length) return -1;
        hits[count++] = i;
        hits[count++] = o;
      }
    }
    return count;
  }

  function longestStarts(text: string): Starts {
    if (text.length === 0 || ids.length === 0) return { table: hits, count: 0 };
    if (hits.length < text.length >> 2) hits = new Int32Array(Math.max(256, text.length >> 2));
    let count = scanBackwards(text, hits);
    // Full: again with room for a pattern at every position, which is always enough.
    if (count < 0) {
      hits = new Int32Array(Math.max(2 * hits.length, 2 * text.length));
      count = scanBackwards(text, hits);
    }
    return { table: hits, count };
  }

  /** The state after `s` reads `c`: scanBackwards's step, which keeps it inline for speed. */
  function next(s: number, c: number): number {
    if (s !== 0) {
      for (let e = rowStart[s], last = rowStart[s + 1]; e < last; e++) if (rowChar[e] === c) return rowNext[e];
    }
    return root[c];
  }

  function longestWithin(text: string, start: number, end: number): number {
    // The same scan over text[start, end) alone: the state at `start` has read nothing past `end`.
    let s = 0;
    for (let i = Math.min(end, text.length) - 1; i >= start; i--) s = next(s, text.charCodeAt(i));
    return start < end ? output[s] : -1;
  }

  function findAll(text: string): Match[] {
    const result: Match[] = [];
    const { table, count } = longestStarts(text);
    // Front to back, greedily: the longest pattern at the first free position, then past it.
    let from = 0;
    for (let k = count - 2; k >= 0; k -= 2) {
      const i = table[k];
      if (i < from) continue;
      const p = table[k + 1];
      from = i + lengths[p];
      result.push({ start: i, end: from, id: ids[p] });
    }
    return result;
  }

  return {
    findAll,
    longestStarts,
    longestWithin,
    lengthOf: (pattern) => lengths[pattern],
    idOf: (pattern) => ids[pattern],
    patternCount: ids.length,
    stateCount: n,
  };
}
