// Wiring only: ask the background whether this site is on, fetch the term index, build the
// matcher once and start the features. Each feature fails alone (contain.ts); all of them stop
// with one AbortSignal when the site is turned off or the extension goes away.
import './highlight.css';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { readSelection, showPageNotice } from '@/components/content/selection';
import { watchLocalKey } from '@/lib/browser/storage-watch';
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
  // WXT would otherwise window.postMessage the page a "started" note whose type carries the
  // extension's id: any page script could read it and know Tifa is installed.
  noScriptStartedPostMessage: true,
  main(ctx) {
    if (ctx.isInvalid) return;
    ignoreForgedStarts(ctx);
    performance.mark('tifa:ready');
    const contain = createContainment(() => ctx.abort('Extension context invalidated'));
    contain.run('start', () => followSiteState(ctx, contain));
    // The context menu's "用所选文字制作卡片" works here even where highlighting is off.
    contain.run('selection', () => answerSelection(ctx, contain));
  },
});

/**
 * WXT stops this script when a newer copy announces itself with a document event named after the
 * extension's id (so an updated extension replaces its orphaned scripts). A page that knows the
 * id could send that event too and switch Tifa off; while this script is still connected to the
 * extension it is not orphaned, so the event is stopped before WXT's listener sees it.
 */
function ignoreForgedStarts(ctx: ContentScriptContext): void {
  const stop = (event: Event) => {
    if (browser.runtime?.id) event.stopImmediatePropagation();
  };
  // WXT's name for it (getUniqueEventName in wxt/utils/internal/custom-events).
  const type = `${browser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`;
  window.addEventListener(type, stop, { capture: true, signal: ctx.signal });
}

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
  let colours = false;
  let index: TermIndex | null = null;
  const sync = async () => {
    const { enabled, stateColours } = await sendMessage('getSiteState', location.hostname);
    // Turning the state colours on or off starts the features afresh.
    if (running && (!enabled || stateColours !== colours)) {
      running.abort();
      running = undefined;
    }
    if (enabled && !running) {
      index ??= await sendMessage('getTermIndex');
      if (!index || ctx.isInvalid) return;
      running = new AbortController();
      colours = stateColours;
      startFeatures(ctx, index, AbortSignal.any([ctx.signal, running.signal]), contain, stateColours);
    }
  };
  // Right after the extension starts, its background may not answer yet: try once more.
  let queue = sync().catch((error: unknown) =>
    isContextInvalidated(error)
      ? Promise.reject(error)
      : new Promise((resolve) => setTimeout(resolve, 1000)).then(sync),
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

function startFeatures(
  ctx: ContentScriptContext,
  index: TermIndex,
  signal: AbortSignal,
  contain: Containment,
  stateColours: boolean,
): void {
  let watcher: ChangeWatcher | undefined;
  const layer = createHighlights((write) => (watcher ? watcher.mute(write) : write()));
  signal.addEventListener('abort', () => layer.clear());
  const passes = createPasses(matcherFromIndex(index), layer, signal, (error) => contain.report('highlight', error));
  const page: TifaPage = { ctx, signal, index, layer, passes, contain };
  contain.run('observe', () => (watcher = watchChanges(ctx, passes, signal, () => layer.pageChanged())));
  contain.run('hover-card', () => startHoverCard(page));
  contain.run('sightings', () => recordSightings(page));
  // Opt-in only: page scripts can read highlight names, so by default they carry no study state.
  if (stateColours) contain.run('states', () => colourByState(page));
  contain.run('highlight', () => passes.rescan());
}
