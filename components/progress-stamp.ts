// Bumped whenever study progress changes (a review in the popup, dashboard or a page, 加入学习,
// an import), so content scripts can recolour terms by state without polling the background.
import { storage } from '#imports';

export const progressStamp = storage.defineItem<number>('local:progress', { fallback: 0 });

export function bumpProgress(): Promise<void> {
  return progressStamp.setValue(Date.now());
}
