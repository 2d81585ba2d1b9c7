// Bumped whenever study progress changes (a review in the popup, dashboard or a page, 加入学习,
// an import), so content scripts can recolour terms by state without polling the background.
import { watchLocalKey } from './storage-watch';

const KEY = 'progress';

export function bumpProgress(): Promise<void> {
  return browser.storage.local.set({ [KEY]: Date.now() });
}

/** Calls `onChange` whenever the stamp changes; returns the function that stops watching. */
export function watchProgress(onChange: () => void): () => void {
  return watchLocalKey(KEY, onChange);
}
