// Each note whose term appears on the page is reported once per page (count and last seen,
// never a grade); a single-page navigation starts a new page.
import { sendMessage } from '@/data/messages';
import type { TifaPage } from './page';

export function recordSightings({ ctx, signal, index, passes, contain }: TifaPage): void {
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
    if (fresh.length > 0) sendMessage('recordSighting', fresh).catch((error: unknown) => contain.report('sightings', error));
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => sent.clear(), { signal });
}
