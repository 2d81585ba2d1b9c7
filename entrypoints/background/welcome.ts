/**
 * On a fresh install only (not on an update or a browser update): the welcome page, opened once the
 * bundled deck is in the store so its documents are listed at once.
 */
export async function openWelcome(reason: string): Promise<void> {
  if (reason !== 'install') return;
  try {
    await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  } catch (err) {
    console.error('提法：无法打开欢迎页', err);
  }
}
