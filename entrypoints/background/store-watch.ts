// The background follows the store (lib/browser/store-follow.ts) and also drops a stale term
// index when the notes change and checks the bundled deck again when the sources change.
import { TERM_INDEX_TABLES } from '@/data/db/term-index';
import { followStore as follow, refreshProgress } from '@/lib/browser/store-follow';
import { invalidateTermIndex, recheckDeck } from './deck';

/** Starts following the store; returns the function that stops. */
export function followStore(): () => void {
  // Writes made while this worker slept went unheard: catch up once on waking.
  void refreshProgress();
  return follow((tables) => {
    if (TERM_INDEX_TABLES.some((t) => tables.has(t))) invalidateTermIndex();
    if (tables.has('sources')) recheckDeck();
  });
}
