// Sightings (issue 15): each term seen on a page is reported once per page load, however often
// the page changes or navigates within itself.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TermHit } from '../../entrypoints/page.content/scan';

const sent = vi.hoisted(() => [] as unknown[]);
vi.mock('@/data/messages', () => ({
  sendMessage: (type: string, data: unknown) => {
    sent.push([type, data]);
    return Promise.resolve();
  },
}));
const { recordSightings } = await import('../../entrypoints/page.content/sightings');

describe('recordSightings', () => {
  let pass: (hits: TermHit[]) => void;
  /** What anything listens for on the page's context (WXT's wxt:locationchange, say). */
  let listeners: Array<[string, () => void]>;
  const navigate = () =>
    listeners.filter(([type]) => type === 'wxt:locationchange').forEach(([, listener]) => listener());
  const hits = (...ids: number[]) => ids.map((id) => ({ id, pieces: [] }) as unknown as TermHit);

  beforeEach(() => {
    sent.length = 0;
    listeners = [];
    const ctx = {
      addEventListener: (_target: unknown, type: string, listener: () => void) => listeners.push([type, listener]),
    };
    recordSightings({
      ctx,
      signal: new AbortController().signal,
      index: { noteIds: { 0: ['n1'], 1: ['n2'], 2: ['n2', 'n3'] } } as never,
      passes: { onPass: (listener: (h: TermHit[]) => void) => void (pass = listener), rescan: async () => {} },
      contain: { report: () => {} },
    } as never);
  });

  it('reports each note once per page load, whatever the passes find again', () => {
    pass(hits(0, 1, 0));
    pass(hits(0, 1)); // the page changed (a ticker), same terms
    navigate(); // a single-page navigation
    pass(hits(1, 0));
    pass(hits(2));
    expect(sent).toEqual([
      ['recordSighting', ['n1', 'n2']],
      ['recordSighting', ['n3']],
    ]);
  });
});
