// Opt-in only (the user turns it on in 学习中心; page scripts can read these names and so the
// user's progress). Colours by study state: terms of notes being learned or known are also put in the highlights
// `tifa-term-learning` / `tifa-term-known`, painted over `tifa-term` (which keeps every term, the
// new ones yellow). Only those notes' occurrences go in, with the very ranges tifa-term paints
// them with (those near the viewport, following them as they come and go).
// States come from the background; a change of study progress anywhere (stored stamp) repaints.
import { watchProgress } from '@/lib/browser/progress-stamp';
import type { StudiedState } from '@/data/match/term-states';
import { sendMessage } from '@/data/messages';
import { TERM_STATE_HIGHLIGHTS } from '@/data/vocab/card-states';
import { isCurrent } from './highlight';
import type { TermHit } from './scan';
import type { TifaPage } from './page';

export function colourByState({ ctx, signal, index, layer, contain }: TifaPage): void {
  // The wrapping fallback has one element per piece and no layering; it stays single-coloured.
  if (!layer.native) return;
  let states: Record<string, StudiedState> = {};
  const highlights = new Map<StudiedState, Highlight>();
  for (const [state, name] of Object.entries(TERM_STATE_HIGHLIGHTS) as Array<[StudiedState, string]>) {
    const highlight = new Highlight();
    highlight.priority = 1; // above tifa-term
    highlights.set(state, highlight);
    CSS.highlights.set(name, highlight);
  }

  const stateOf = (hit: TermHit): StudiedState | undefined => {
    const noteId = index.noteIds[hit.id]?.[0];
    return noteId === undefined ? undefined : states[noteId];
  };

  const repaint = () => {
    if (signal.aborted) return;
    for (const highlight of highlights.values()) highlight.clear();
    // The very range tifa-term paints each occurrence with; left out once its text has changed.
    layer.eachRange((hit, range) => {
      const state = stateOf(hit);
      if (state && hit.pieces.every(isCurrent)) highlights.get(state)!.add(range);
    });
  };

  // One request at a time; a change that comes in meanwhile asks once more afterwards.
  let running = false;
  let again = false;
  const refresh = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        states = (await sendMessage('getTermStates', undefined)) ?? {};
        repaint();
      } while (again && !signal.aborted);
    } catch (error) {
      contain.report('states', error);
    } finally {
      running = false;
    }
  };

  // Ranges come and go as the page scrolls and changes: each follows its state.
  const unfollow = layer.onRange((hit, range, shown) => {
    const state = stateOf(hit);
    if (state === undefined) return;
    if (shown) highlights.get(state)!.add(range);
    else highlights.get(state)!.delete(range);
  });
  void refresh();
  const unwatch = watchProgress(() => void refresh());
  const stop = () => {
    unwatch();
    unfollow();
    for (const name of Object.values(TERM_STATE_HIGHLIGHTS)) CSS.highlights.delete(name);
  };
  // Calls to the extension throw once it is gone: contained, like every other feature's.
  signal.addEventListener('abort', () => contain.run('states', stop), { once: true });
  ctx.onInvalidated(() => contain.run('states', stop));
}
