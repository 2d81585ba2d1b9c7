/** Focuses an open dashboard tab (so two never drift apart) or opens one. */
export async function openDashboardTab(hash = ''): Promise<void> {
  const base = browser.runtime.getURL('/dashboard.html');
  const [existing] = await browser.tabs.query({ url: `${base}*` });
  if (existing?.id !== undefined) {
    await browser.tabs.update(existing.id, { active: true, url: `${base}${hash}` });
    if (existing.windowId !== undefined) await browser.windows.update(existing.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url: `${base}${hash}` });
}
