// Bumped whenever study progress changes (a review in the popup, dashboard or a page, 加入学习,
// an import), so content scripts can recolour terms by state without polling the background.
// Plain storage.local calls rather than wxt/storage: the content script on every news page is
// smaller and starts faster without that library.
const KEY = 'progress';

export function bumpProgress(): Promise<void> {
  return browser.storage.local.set({ [KEY]: Date.now() });
}

/** Calls `onChange` whenever the stamp changes; returns the function that stops watching. */
export function watchProgress(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && KEY in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
