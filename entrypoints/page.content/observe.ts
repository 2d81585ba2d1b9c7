// Dynamic pages: new or changed text is rescanned, only the blocks it sits in, after the page
// has been quiet for a moment (at most ~1 s under a steady stream of changes). A single-page
// navigation (pushState, popstate) rescans the whole page. Tifa's own nodes are ignored.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Passes } from './pass';
import { blockOf, isInline, isInsideSkipped } from './dom';

const QUIET_MS = 300;
const MAX_WAIT_MS = 1000;

export interface ChangeWatcher {
  /** Runs our own DOM writes (the fallback's wrapping) so that they are not taken for the page's. */
  mute(write: () => void): void;
}

/** `onPageChange` is told of each batch of the page's own changes (a busy page is painted more sparingly). */
export function watchChanges(
  ctx: ContentScriptContext,
  passes: Passes,
  signal: AbortSignal,
  onPageChange: () => void = () => {},
): ChangeWatcher {
  const changed = new Set<Node>();
  let full = false;
  /** Nodes were removed: their occurrences are to be forgotten, even when nothing is rescanned. */
  let pruned = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstChange = 0;

  const flush = () => {
    timer = undefined;
    if (signal.aborted) return;
    if (full) {
      full = false;
      pruned = false;
      changed.clear();
      void passes.rescan();
      return;
    }
    const roots = rootsOf(changed);
    changed.clear();
    if (roots.length > 0 || pruned) void passes.rescan(roots);
    pruned = false;
  };

  const schedule = () => {
    const now = performance.now();
    if (timer === undefined) firstChange = now;
    else clearTimeout(timer);
    timer = setTimeout(flush, Math.max(0, Math.min(QUIET_MS, firstChange + MAX_WAIT_MS - now)));
  };

  const collect = (records: MutationRecord[]) => {
    let any = false;
    for (const record of records) {
      if (isOwn(record.target)) continue;
      if (record.type === 'characterData') {
        changed.add(record.target);
        any = true;
        continue;
      }
      for (const node of record.addedNodes) {
        if (isOwn(node)) continue;
        changed.add(node);
        any = true;
      }
      if (record.removedNodes.length > 0) {
        any = true;
        // A removal can bring text together (六个<x>…</x>精准): only where text or inline
        // elements are left on both sides is the block rescanned. Otherwise (a feed dropping
        // stories at the top) only the occurrences in the removed nodes are forgotten.
        if (joinsText(record)) changed.add(record.target);
        else pruned = true;
      }
    }
    if (!any) return;
    schedule();
    onPageChange();
  };

  const observer = new MutationObserver(collect);
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });

  // WXT watches the URL through the Navigation API (or polls) and reports it as wxt:locationchange.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    full = true;
    schedule();
  });

  return {
    mute(write) {
      collect(observer.takeRecords());
      write();
      observer.takeRecords();
    },
  };
}

function isOwn(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return el !== null && el.localName.startsWith('tifa-');
}

/** The blocks to rescan: one per change, none inside another, none in skipped regions. */
function rootsOf(changed: Set<Node>): Node[] {
  const blocks = new Set<Node>();
  for (const node of changed) {
    if (!node.isConnected) continue;
    const block = blockOf(node);
    if (block && block.nodeType === 1 && !isInsideSkipped(block)) blocks.add(block);
  }
  return [...blocks].filter((block) => {
    for (let up = block.parentNode; up; up = up.parentNode) if (blocks.has(up)) return false;
    return true;
  });
}

/**
 * Whether a removal may have brought text together: in an inline element (its text runs on into
 * its neighbours'), or with text or inline elements left on both of its sides.
 */
function joinsText(record: MutationRecord): boolean {
  if (record.target.nodeType === 1 && isInline(record.target as Element)) return true;
  const flows = (node: Node | null) =>
    node !== null && (node.nodeType === 3 || (node.nodeType === 1 && isInline(node as Element)));
  return flows(record.previousSibling) && flows(record.nextSibling);
}
