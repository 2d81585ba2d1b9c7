// Wiring only: ask the background whether this site is on, fetch the term index, build the
// matcher once and start the features. Each feature fails alone (contain.ts); all of them stop
// with one AbortSignal when the site is turned off or the extension goes away.
import './highlight.css';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { readSelection, showPageNotice } from '@/components/content/selection';
import { watchLocalKey } from '@/components/storage-watch';
import { matcherFromIndex, type TermIndex } from '@/data/match/index-terms';
import { onMessage, sendMessage } from '@/data/messages';
import { sitePatterns } from '@/data/sites';
import { createContainment, isContextInvalidated, type Containment } from './contain';
import { createHighlights } from './highlight';
import { startHoverCard } from './hover-card';
import { watchChanges, type ChangeWatcher } from './observe';
import type { TifaPage } from './page';
import { createPasses } from './pass';
import { recordSightings } from './sightings';
import { colourByState } from './states';

export default defineContentScript({
  matches: sitePatterns(),
  runAt: 'document_idle',
  main(ctx) {
    if (ctx.isInvalid) return;
    performance.mark('tifa:ready');
    const contain = createContainment(() => ctx.abort('Extension context invalidated'));
    contain.run('start', () => followSiteState(ctx, contain));
    // The context menu's "用所选文字制作卡片" works here even where highlighting is off.
    contain.run('selection', () => answerSelection(ctx, contain));
  },
});

function answerSelection(ctx: ContentScriptContext, contain: Containment): void {
  const stops = [
    onMessage('readSelection', () => readSelection()),
    onMessage('showPageNotice', ({ data }) => showPageNotice(data.message, data.kind)),
  ];
  ctx.onInvalidated(() => stops.forEach((stop) => contain.run('selection', stop)));
}

/** Starts Tifa when the site is on, stops it when turned off (re-checked whenever settings change). */
async function followSiteState(ctx: ContentScriptContext, contain: Containment): Promise<void> {
  let running: AbortController | undefined;
  let index: TermIndex | null = null;
  const sync = async () => {
    const { enabled } = await sendMessage('getSiteState', location.hostname);
    if (enabled && !running) {
      index ??= await sendMessage('getTermIndex');
      if (!index || ctx.isInvalid) return;
      running = new AbortController();
      startFeatures(ctx, index, AbortSignal.any([ctx.signal, running.signal]), contain);
    } else if (!enabled && running) {
      running.abort();
      running = undefined;
    }
  };
  // Right after the extension starts, its background may not answer yet: try once more.
  let queue = sync().catch((error: unknown) =>
    isContextInvalidated(error) ? Promise.reject(error) : new Promise((resolve) => setTimeout(resolve, 1000)).then(sync),
  );
  // Only the site settings matter here (study progress is stored beside them).
  const unwatch = watchLocalKey(
    'sites',
    contain.guard('site-state', () => {
      queue = queue.catch(() => {}).then(sync);
    }),
  );
  ctx.onInvalidated(() => contain.run('site-state', unwatch));
  await queue;
}

function startFeatures(ctx: ContentScriptContext, index: TermIndex, signal: AbortSignal, contain: Containment): void {
  let watcher: ChangeWatcher | undefined;
  const layer = createHighlights((write) => (watcher ? watcher.mute(write) : write()));
  signal.addEventListener('abort', () => layer.clear());
  const passes = createPasses(matcherFromIndex(index), layer, signal, (error) => contain.report('highlight', error));
  const page: TifaPage = { ctx, signal, index, layer, passes, contain };
  contain.run('observe', () => (watcher = watchChanges(ctx, passes, signal)));
  contain.run('hover-card', () => startHoverCard(page));
  contain.run('sightings', () => recordSightings(page));
  contain.run('states', () => colourByState(page));
  contain.run('highlight', () => passes.rescan());
}
