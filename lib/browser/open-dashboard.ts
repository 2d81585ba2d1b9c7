/** The extension's own pages that the popup and the background open in a tab. */
export type ExtensionPage = 'dashboard' | 'quiz';

/** Focuses an open tab of the page (so two never drift apart) or opens one. */
export async function openExtensionPage(page: ExtensionPage, hash = ''): Promise<void> {
  const base = browser.runtime.getURL(`/${page}.html`);
  const [existing] = await browser.tabs.query({ url: `${base}*` });
  if (existing?.id !== undefined) {
    await browser.tabs.update(existing.id, {
      active: true,
      ...(hash || page === 'dashboard' ? { url: `${base}${hash}` } : {}),
    });
    if (existing.windowId !== undefined) await browser.windows.update(existing.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url: `${base}${hash}` });
}

export const openDashboardTab = (hash = ''): Promise<void> => openExtensionPage('dashboard', hash);
