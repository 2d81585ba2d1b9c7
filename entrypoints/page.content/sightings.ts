// Each note whose term appears on the page is reported once per page load (count and last seen,
// never a grade). A single-page navigation, a ticker or an infinite scroll adds only the notes not
// reported yet: every report rewrites the notes' card rows, so it stays one write per term per load.
import { sendMessage } from '@/data/messages';
import type { TifaPage } from './page';

export function recordSightings({
  signal,
  index,
  passes,
  contain,
}: Pick<TifaPage, 'signal' | 'index' | 'passes' | 'contain'>): void {
  const sent = new Set<string>();
  passes.onPass((hits) => {
    if (signal.aborted) return;
    const fresh: string[] = [];
    for (const hit of hits) {
      for (const noteId of index.noteIds[hit.id] ?? []) {
        if (sent.has(noteId)) continue;
        sent.add(noteId);
        fresh.push(noteId);
      }
    }
    if (fresh.length > 0)
      sendMessage('recordSighting', fresh).catch((error: unknown) => contain.report('sightings', error));
  });
}
