// Where highlighting runs, kept in storage.local so the content script can watch it live
// (content scripts may read extension storage; they may not open the extension's IndexedDB).
import { storage } from '#imports';
import { isListedHost } from '@/data/sites';
import type { SiteState } from '@/data/messages';

export interface SiteSettings {
  /** The global switch: off means no highlighting anywhere. */
  globalEnabled: boolean;
  /** Listed sites the user turned off. */
  off: string[];
  /** Unlisted sites the user turned on (each with its own host permission). */
  on: string[];
  /**
   * Colour terms by study state (learning / known) on pages. Off unless the user turns it on:
   * the page's scripts can read those colours and so learn which formulations the user knows.
   */
  stateColours?: boolean;
}

export const siteSettings = storage.defineItem<SiteSettings>('local:sites', {
  fallback: { globalEnabled: true, off: [], on: [] },
  version: 1,
});

export function siteState(settings: SiteSettings, host: string): SiteState {
  const listed = isListedHost(host);
  const chosen = listed ? !settings.off.includes(host) : settings.on.includes(host);
  return {
    host,
    listed,
    globalEnabled: settings.globalEnabled,
    enabled: settings.globalEnabled && chosen,
    stateColours: settings.stateColours === true,
  };
}
