// Paints term occurrences without touching the page: an occurrence becomes one StaticRange (from
// its first piece's start to its last piece's end, across the inline elements between) in the CSS
// highlight `tifa-term` (styled in highlight.css). StaticRange rather than Range: a page with
// thousands of live Ranges pays for each of them on every DOM change it makes.
// Every occurrence found is kept (for the hover card), but only those in blocks near the viewport
// (near.ts) are registered as ranges: whenever the DOM changes anywhere (a ticker, a feed), Chromium
// rebuilds the markers of every registered range in the next frame and repaints their text.
// Only where CSS.highlights is missing are pieces wrapped in <tifa-mark data-tifa-term>.
import type { HitPiece, TermHit } from './hits';
import { watchNearBlocks, type NearBlocks, type Side } from './near';
import { hitRange, isCurrent, placeOf } from './hit-range';
import { unwrap, wrap } from './wrap';

export { isCurrent } from './hit-range';

export const HIGHLIGHT_NAME = 'tifa-term';

/**
 * About the most groups made per batch of occurrences added: the browser works out every watched
 * element's place at each frame that moves anything (measured: 4,000 watched blocks made scrolling
 * a long page cost 2–3× as much). Neighbouring blocks are grouped, each group watched at its first
 * and last block and painted while either is near, or the one is above and the other below. A
 * batch's groups are as large as the blocks met so far call for (a long page's later batches have
 * large groups): every group that comes or goes changes the highlight, and Chromium then repaints
 * the whole page (one long task on a page of 200k nodes).
 */
const MAX_GROUPS = 250;

/**
 * A page whose DOM changed within BUSY_MS is busy: groups out of view go at once (it pays for every
 * range at every frame). On a quiet page they stay until more than MAX_SHOWN ranges are registered,
 * then all go in one step: there, each change to the highlight costs a repaint of the whole page.
 */
const BUSY_MS = 2000;
const MAX_SHOWN = 1500;

/** Neighbouring blocks with occurrences, painted together. */
interface Group {
  blocks: Element[];
  /** Its first and last block: the ones watched. */
  ends: Element[];
  hits: TermHit[];
  /** Where each end is (near.ts), as last reported; unknown until then. */
  sides: Array<Side | undefined>;
  /** Its occurrences are registered as ranges. */
  shown: boolean;
  /** Its occurrences are all gone. */
  gone: boolean;
}

/** Told of each range as it is registered in tifa-term (`shown`) or taken out of it. */
export type RangeListener = (hit: TermHit, range: AbstractRange, shown: boolean) => void;

export interface TermHighlights {
  /** False in the fallback, which changes the DOM: old marks must go before a rescan reads the text. */
  readonly native: boolean;
  /**
   * Paints these occurrences (pieces whose text changed meanwhile are left out). `fresh`: the
   * page has not run since they were found, so that checking each piece can be skipped.
   */
  add(hits: readonly TermHit[], fresh?: boolean): void;
  /** Resolves once the occurrences added so far that are near the viewport are painted. */
  placed(): Promise<void>;
  /** Tells that the page changed its own DOM: for a while, groups out of view go at once. */
  pageChanged(): void;
  /** Forgets and unpaints every occurrence touching a node for which `test` is true. */
  removeWhere(test: (node: Text) => boolean): void;
  /** The pieces found in a text node, painted or not (in fallback mode: the node inside a <tifa-mark>). */
  piecesIn(node: Node): readonly HitPiece[];
  /** Every occurrence found, painted or not, in no particular order. */
  hits(): TermHit[];
  /** Every painted occurrence with the range it is painted with (none in the fallback), to paint it elsewhere too. */
  eachRange(visit: (hit: TermHit, range: AbstractRange) => void): void;
  /** Follows the ranges as they are painted and unpainted (scrolling, rescans); returns the way to stop. */
  onRange(listener: RangeListener): () => void;
  clear(): void;
}

/**
 * `mutate` wraps the fallback's DOM writes, so that the MutationObserver can tell them
 * from the page's own changes.
 */
export function createHighlights(mutate: (write: () => void) => void = (write) => write()): TermHighlights {
  const native = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
  // Every occurrence found, and the block it is placed by at the same index: two plain lists
  // (occurrences only ever go by removeWhere, which reads the whole list anyway).
  const found: TermHit[] = [];
  const blocks: Element[] = [];
  /** The group of each block with occurrences. */
  const groupOf = new Map<Element, Group>();
  /** The painted occurrences and their ranges: those near the viewport. */
  const shown = new Map<TermHit, StaticRange>();
  const listeners = new Set<RangeListener>();
  /** The pieces in each text node, for the hover card: built when first asked for after a change. */
  let byNode: Map<Text, HitPiece[]> | null = null;
  let highlight: Highlight | undefined;
  let near: NearBlocks | undefined;

  function show(hit: TermHit): void {
    if (shown.has(hit) || !hit.pieces.every(isCurrent)) return;
    const range = hitRange(hit);
    shown.set(hit, range);
    highlight!.add(range);
    for (const listener of listeners) listener(hit, range, true);
  }

  function hide(hit: TermHit): void {
    const range = shown.get(hit);
    if (!range) return;
    shown.delete(hit);
    highlight?.delete(range);
    for (const listener of listeners) listener(hit, range, false);
  }

  /** The groups whose occurrences are registered. */
  const showing = new Set<Group>();
  let busyUntil = -Infinity;

  function showGroup(group: Group): void {
    if (group.shown || group.gone) return;
    group.shown = true;
    showing.add(group);
    group.hits.forEach(show);
  }

  function hideGroup(group: Group): void {
    if (!group.shown) return;
    group.shown = false;
    showing.delete(group);
    group.hits.forEach(hide);
  }

  // In view: an end is near, or the group reaches from above the near zone to below it.
  const inView = ({ sides }: Group) => sides.includes(0) || (sides[0] === -1 && sides[1] === 1);

  function hideOutOfView(): void {
    for (const group of showing) if (!inView(group)) hideGroup(group);
  }

  const nearBlocks = () =>
    (near ??= watchNearBlocks((end, side) => {
      const group = groupOf.get(end);
      if (!group) return;
      group.sides[group.ends.indexOf(end)] = side;
      if (inView(group)) showGroup(group);
      else if (performance.now() < busyUntil) hideGroup(group);
      else if (shown.size > MAX_SHOWN) hideOutOfView();
    }));

  function addNative(hits: readonly TermHit[]): void {
    if (!highlight) {
      highlight = new Highlight();
      CSS.highlights.set(HIGHLIGHT_NAME, highlight);
    }
    const watcher = nearBlocks();
    // Blocks met for the first time, in order, with their occurrences.
    const fresh: Element[] = [];
    const freshHits = new Map<Element, TermHit[]>();
    for (const hit of hits) {
      const block = placeOf(hit);
      found.push(hit);
      blocks.push(block);
      const group = groupOf.get(block);
      if (group !== undefined) {
        group.hits.push(hit);
        if (group.shown) show(hit);
        continue;
      }
      const list = freshHits.get(block);
      if (list) list.push(hit);
      else {
        freshHits.set(block, [hit]);
        fresh.push(block);
      }
    }
    const stride = Math.ceil((groupOf.size + fresh.length) / MAX_GROUPS);
    for (let at = 0; at < fresh.length; at += stride) {
      const members = fresh.slice(at, at + stride);
      const ends = members.length > 1 ? [members[0], members[members.length - 1]] : members;
      const hitsOf = members.flatMap((block) => freshHits.get(block)!);
      const group: Group = {
        blocks: members,
        ends,
        hits: hitsOf,
        sides: ends.map(() => undefined),
        shown: false,
        gone: false,
      };
      for (const block of members) groupOf.set(block, group);
      for (const end of ends) watcher.watch(end);
    }
  }

  function addWrapped(hits: readonly TermHit[]): void {
    // Wrapping splits text nodes: go from the end of each node so earlier offsets stay right.
    const pieces = hits.flatMap((hit) => hit.pieces).sort((a, b) => b.start - a.start);
    for (const piece of pieces) {
      piece.node = wrap(piece);
      piece.end -= piece.start;
      piece.start = 0;
    }
    for (const hit of hits) found.push(hit);
  }

  return {
    native,
    add(hits, fresh = false) {
      // The fallback checks even fresh pieces: splitText would throw on a wrong offset.
      const valid = fresh && native ? hits : hits.filter((hit) => hit.pieces.every(isCurrent));
      if (valid.length === 0) return;
      byNode = null;
      if (native) addNative(valid);
      else mutate(() => addWrapped(valid));
    },
    pageChanged() {
      const quiet = performance.now() >= busyUntil;
      busyUntil = performance.now() + BUSY_MS;
      if (quiet) hideOutOfView();
    },
    placed() {
      return near ? near.placed() : Promise.resolve();
    },
    removeWhere(test) {
      const doomed = new Set<TermHit>();
      const touched = new Set<Element>();
      let kept = 0;
      for (let k = 0; k < found.length; k++) {
        const hit = found[k];
        if (hit.pieces.some((piece) => test(piece.node))) {
          doomed.add(hit);
          if (native) touched.add(blocks[k]);
          continue;
        }
        if (native) blocks[kept] = blocks[k];
        found[kept++] = hit;
      }
      if (doomed.size === 0) return;
      found.length = kept;
      if (native) blocks.length = kept;
      byNode = null;
      if (!native) {
        mutate(() => doomed.forEach((hit) => hit.pieces.forEach((piece) => unwrap(piece.node))));
        return;
      }
      doomed.forEach(hide);
      const groups = new Set<Group>();
      for (const block of touched) groups.add(groupOf.get(block)!);
      for (const group of groups) {
        group.hits = group.hits.filter((hit) => !doomed.has(hit));
        if (group.hits.length > 0) continue;
        for (const end of group.ends) near?.unwatch(end);
        for (const block of group.blocks) groupOf.delete(block);
        group.gone = true;
        showing.delete(group);
      }
    },
    piecesIn(node) {
      if (!byNode) {
        byNode = new Map();
        for (const hit of found) {
          for (const piece of hit.pieces) {
            const list = byNode.get(piece.node);
            if (list) list.push(piece);
            else byNode.set(piece.node, [piece]);
          }
        }
      }
      return byNode.get(node as Text) ?? [];
    },
    hits() {
      return found.slice();
    },
    eachRange(visit) {
      for (const [hit, range] of shown) visit(hit, range);
    },
    onRange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear() {
      if (!native) {
        this.removeWhere(() => true);
        return;
      }
      near?.disconnect();
      near = undefined;
      highlight?.clear();
      CSS.highlights.delete(HIGHLIGHT_NAME);
      highlight = undefined;
      found.length = 0;
      blocks.length = 0;
      groupOf.clear();
      showing.clear();
      shown.clear();
      byNode = null;
    },
  };
}
