// Which blocks of the page are near the viewport (within a screen's height above or below it), so
// that only their occurrences are registered as highlight ranges: the browser's cost of painting
// highlights grows with the number of ranges registered, and a long page has thousands that
// cannot be seen. An IntersectionObserver does the geometry off our task (in the browser's own
// rendering step, with the layout it has anyway) and tells of blocks as they come near or go.
// Where it is missing (tests in Node), every block counts as near at once.

/** One screen above and below, half a screen sideways: a scroll of less than that paints at once. */
const MARGIN = '100% 50%';
/** A tab in the background has no rendering steps: a pass does not wait for one longer than this. */
const PLACE_TIMEOUT_MS = 1000;

export interface NearBlocks {
  /** Starts watching a block; `enter`/`leave` are called as it comes near or goes. */
  watch(block: Element): void;
  unwatch(block: Element): void;
  isNear(block: Element): boolean;
  /** Resolves once every block watched so far has been placed (or after a timeout). */
  placed(): Promise<void>;
  disconnect(): void;
}

export function watchNearBlocks(enter: (block: Element) => void, leave: (block: Element) => void): NearBlocks {
  const near = new Set<Element>();
  if (typeof IntersectionObserver !== 'function') {
    return {
      watch(block) {
        if (near.has(block)) return;
        near.add(block);
        enter(block);
      },
      unwatch: (block) => void near.delete(block),
      isNear: (block) => near.has(block),
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
        const block = entry.target;
        unplaced.delete(block);
        if (entry.isIntersecting) {
          if (near.has(block)) continue;
          near.add(block);
          enter(block);
        } else if (near.delete(block)) {
          leave(block);
        }
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
      near.delete(block);
      if (unplaced.delete(block) && unplaced.size === 0) settle();
    },
    isNear: (block) => near.has(block),
    placed() {
      if (unplaced.size === 0) return Promise.resolve();
      return new Promise((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, PLACE_TIMEOUT_MS);
      });
    },
    disconnect() {
      observer.disconnect();
      near.clear();
      unplaced.clear();
      settle();
    },
  };
}
