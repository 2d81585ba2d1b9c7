import { siteSettings, siteState } from '@/lib/browser/site-settings';
import type { SiteState } from '@/data/messages';

const USER_SITES_SCRIPT = 'tifa-user-sites';

export async function getSiteState(host: string): Promise<SiteState> {
  return siteState(await siteSettings.getValue(), host);
}

export async function setSiteEnabled(host: string, enabled: boolean): Promise<SiteState> {
  const settings = await siteSettings.getValue();
  if (host === '*') {
    settings.globalEnabled = enabled;
  } else if (siteState(settings, host).listed) {
    settings.off = enabled ? settings.off.filter((h) => h !== host) : [...new Set([...settings.off, host])];
  } else {
    settings.on = enabled ? [...new Set([...settings.on, host])] : settings.on.filter((h) => h !== host);
  }
  await siteSettings.setValue(settings);
  await restoreUserSites();
  return siteState(settings, host);
}

export async function setStateColours(enabled: boolean): Promise<SiteState> {
  const settings = await siteSettings.getValue();
  await siteSettings.setValue({ ...settings, stateColours: enabled === true });
  return siteState({ ...settings, stateColours: enabled === true }, 'x.invalid');
}

/**
 * Sites the user turned on are served by a dynamically registered copy of the page content
 * script, limited to the hosts whose permission the user granted.
 */
export async function restoreUserSites(): Promise<void> {
  const { on } = await siteSettings.getValue();
  const granted = [];
  for (const host of on) {
    if (await browser.permissions.contains({ origins: [`*://${host}/*`] })) granted.push(`*://${host}/*`);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [USER_SITES_SCRIPT] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [USER_SITES_SCRIPT] });
  if (!granted.length) return;
  const declared = browser.runtime.getManifest().content_scripts?.[0];
  if (!declared?.js) return;
  await browser.scripting.registerContentScripts([
    { id: USER_SITES_SCRIPT, matches: granted, js: declared.js, css: declared.css, runAt: 'document_idle' },
  ]);
}
