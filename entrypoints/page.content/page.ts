// What every content feature gets: the shared state of Tifa on this page.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { TermIndex } from '@/data/match/index-terms';
import type { Containment } from './contain';
import type { TermHighlights } from './highlight';
import type { Passes } from './pass';

export interface TifaPage {
  ctx: ContentScriptContext;
  /** Aborted when highlighting stops here (site turned off, extension reloaded). */
  signal: AbortSignal;
  index: TermIndex;
  layer: TermHighlights;
  passes: Passes;
  contain: Containment;
}
