// Compiling the matcher's automaton (see matcher.ts for the semantics and the layout): the
// background compiles it once per deck; a page only copies it into typed arrays.

export interface Pattern {
  text: string;
  id: number | string;
}

/**
 * A built automaton as plain, JSON-safe data. The background builds it once per deck and sends it
 * with the term index, so that a page does not spend its first milliseconds (and a background
 * compile of the builder) on it: matcherFromAutomaton only copies it into typed arrays.
 */
export interface Automaton {
  version: 2;
  /** The root's transitions: pairs (character, state). Characters are UTF-16 code units, as
   *  numbers: a lone surrogate may not survive messaging. */
  root: number[];
  /** The characters with a class, in class order: classes[k] has class k + 1. */
  classes: number[];
  /** Per state: where its slots start. */
  base: number[];
  /** Per slot: the state it belongs to, or -1; and the state its transition leads to. */
  check: number[];
  next: number[];
  /** Pairs (state, pattern number): the longest pattern read on reaching the state. */
  outputs: number[];
  /** Per pattern number: its length and id. */
  lengths: number[];
  ids: Array<number | string>;
}

export const AUTOMATON_VERSION = 2;

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
    for (let e = 0; e < inherited.length; e += 2)
      if (!kids[s].has(inherited[e])) row.push(inherited[e], inherited[e + 1]);
    rows[s] = row;
  }
  // 4. Number the states breadth first (the root 0, then queue order): the states one character
  //    deep, all the root table leads to, come first and fit in 16 bits (see matcherFromAutomaton).
  const rank = new Int32Array(n);
  for (let k = 0; k < tail; k++) rank[queue[k]] = k + 1;
  const root: number[] = [];
  for (const [c, t] of kids[0]) root.push(c, rank[t]);
  const outputs: number[] = [];
  for (let r = 1; r < n; r++) if (out[queue[r - 1]] >= 0) outputs.push(r, out[queue[r - 1]]);

  // 5. The double array. Classes by how many transitions use them, commonest first, so that
  //    most rows use small classes and pack tightly.
  const uses = new Map<number, number>();
  for (const row of rows) for (let e = 0; e < row.length; e += 2) uses.set(row[e], (uses.get(row[e]) ?? 0) + 1);
  const classes = [...uses.keys()].sort((a, b) => uses.get(b)! - uses.get(a)! || a - b);
  const classOf = new Map(classes.map((c, k) => [c, k + 1]));
  const base = new Array<number>(n).fill(0);
  const check: number[] = [];
  const next: number[] = [];
  // For a slot in use: a slot after it to look on from for a free one (pointers shortened as
  // they are followed), so that finding the next free slot stays cheap as the array fills up.
  const onward: number[] = [];
  const freeFrom = (slot: number): number => {
    let free = slot;
    while (onward[free] !== undefined) free = onward[free];
    for (let at = slot; at !== free;) {
      const after = onward[at];
      onward[at] = free;
      at = after;
    }
    return free;
  };
  for (let r = 1; r < n; r++) {
    const row = rows[queue[r - 1]];
    if (row.length === 0) continue;
    const ks: number[] = [];
    for (let e = 0; e < row.length; e += 2) ks.push(classOf.get(row[e])!);
    const least = Math.min(...ks);
    // First fit: the lowest base at which every slot the state needs is free, trying only bases
    // that put its least class on a free slot.
    let b = freeFrom(least) - least;
    while (!ks.every((k) => check[b + k] === undefined)) b = freeFrom(b + least + 1) - least;
    base[r] = b;
    for (let e = 0; e < ks.length; e++) {
      check[b + ks[e]] = r;
      next[b + ks[e]] = rank[row[2 * e + 1]];
      onward[b + ks[e]] = b + ks[e] + 1;
    }
  }
  // Room for every class after the highest base, so that no lookup reads past the end.
  let size = classes.length + 1;
  for (let r = 1; r < n; r++) size = Math.max(size, base[r] + classes.length + 1);
  for (let slot = 0; slot < size; slot++) {
    if (check[slot] === undefined) {
      check[slot] = -1;
      next[slot] = 0;
    }
  }
  return { version: 2, root, classes, base, check, next, outputs, lengths, ids };
}
