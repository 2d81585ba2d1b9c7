// Which blocks of the page are near the viewport (within a quarter of a screen above or below it),
// so that only their occurrences are registered as highlight ranges: on every frame after a DOM
// change Chromium rebuilds the markers of every registered range, so their number is what a busy
// page pays for (highlight.ts). An IntersectionObserver does the geometry off our task (in the
// browser's own rendering step, with the layout it has anyway) and tells of blocks as they come
// near or go, and to which side they went: a group of blocks watched at its two ends is still in
// view while its first end is above and its last below.
// Where it is missing (tests in Node), every block counts as near at once.

/** A quarter of a screen above and below: a short scroll paints at once. */
const MARGIN = '25% 0px';
/** A tab in the background has no rendering steps: a pass does not wait for one longer than this. */
const PLACE_TIMEOUT_MS = 1000;

/** Where a block is: above the near zone (-1), in it (0), below it (1). */
export type Side = -1 | 0 | 1;

export interface NearBlocks {
  /** Starts watching a block; `moved` is called as it comes near or goes. */
  watch(block: Element): void;
  unwatch(block: Element): void;
  /** Resolves once every block watched so far has been placed (or after a timeout). */
  placed(): Promise<void>;
  disconnect(): void;
}

export function watchNearBlocks(moved: (block: Element, side: Side) => void): NearBlocks {
  if (typeof IntersectionObserver !== 'function') {
    const near = new Set<Element>();
    return {
      watch(block) {
        if (near.has(block)) return;
        near.add(block);
        moved(block, 0);
      },
      unwatch: (block) => void near.delete(block),
      placed: () => Promise.resolve(),
      disconnect: () => near.clear(),
    };
  }
  /** Watched, but not reported on yet. */
  const unplaced = new Set<Element>();
  let waiters: Array<() => void> = [];
  const settle = () => {
    const done = waiters;
    waiters = [];
    done.forEach((resolve) => resolve());
  };
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        unplaced.delete(entry.target);
        let side: Side = 0;
        if (!entry.isIntersecting) {
          const bottom = entry.rootBounds?.bottom ?? globalThis.innerHeight;
          side = entry.boundingClientRect.top >= bottom ? 1 : -1;
        }
        moved(entry.target, side);
      }
      if (unplaced.size === 0) settle();
    },
    { rootMargin: MARGIN },
  );
  return {
    watch(block) {
      unplaced.add(block);
      observer.observe(block);
    },
    unwatch(block) {
      observer.unobserve(block);
      if (unplaced.delete(block) && unplaced.size === 0) settle();
    },
    placed() {
      if (unplaced.size === 0) return Promise.resolve();
      return new Promise((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, PLACE_TIMEOUT_MS);
      });
    },
    disconnect() {
      observer.disconnect();
      unplaced.clear();
      settle();
    },
  };
}
