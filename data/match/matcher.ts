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
// Layout: the root's transitions are a dense table (most characters of a page lead
// nowhere, so that case is one array read); other states keep their few edges in shared
// typed arrays, sorted by character. ~2,000 terms give ~10,000 states: well under 1 MB.

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

export interface Matcher {
  findAll(text: string): Match[];
  /** Distinct non-empty patterns; a repeated text keeps the id it was first given. */
  readonly patternCount: number;
  readonly stateCount: number;
}

export function buildMatcher(patterns: readonly Pattern[]): Matcher {
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

  // 3. Freeze: dense root table, sorted edge lists for the rest.
  const root = new Int32Array(65536);
  for (const [c, t] of kids[0]) root[c] = t;
  const edgeStart = new Int32Array(n + 1);
  for (let s = 1; s < n; s++) edgeStart[s + 1] = edgeStart[s] + kids[s].size;
  const edgeChar = new Uint16Array(edgeStart[n]);
  const edgeNext = new Int32Array(edgeStart[n]);
  for (let s = 1; s < n; s++) {
    let e = edgeStart[s];
    for (const [c, t] of [...kids[s]].sort((a, b) => a[0] - b[0])) {
      edgeChar[e] = c;
      edgeNext[e++] = t;
    }
  }

  function step(s: number, c: number): number {
    for (;;) {
      if (s === 0) return root[c];
      let lo = edgeStart[s];
      let hi = edgeStart[s + 1];
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const m = edgeChar[mid];
        if (m === c) return edgeNext[mid];
        if (m < c) lo = mid + 1;
        else hi = mid;
      }
      s = fail[s];
    }
  }

  // Reused between calls: a content script calls findAll once per block of a page.
  let best = new Int32Array(0);

  function findAll(text: string): Match[] {
    const result: Match[] = [];
    const len = text.length;
    if (len === 0 || ids.length === 0) return result;
    if (best.length < len) best = new Int32Array(Math.max(len, best.length * 2));
    let first = len;
    let s = 0;
    for (let i = len - 1; i >= 0; i--) {
      s = step(s, text.charCodeAt(i));
      const o = out[s];
      best[i] = o + 1;
      if (o >= 0) first = i;
    }
    for (let i = first; i < len; ) {
      const p = best[i] - 1;
      if (p < 0) {
        i++;
        continue;
      }
      result.push({ start: i, end: i + lengths[p], id: ids[p] });
      i += lengths[p];
    }
    return result;
  }

  return { findAll, patternCount: ids.length, stateCount: n };
}
