// Watching one key of storage.local, from extension pages and content scripts alike: a plain
// storage.onChanged listener (the content script on every news page carries no storage library).

/** Calls `onChange` whenever `key` changes in storage.local; returns the function that stops watching. */
export function watchLocalKey(key: string, onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && key in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
