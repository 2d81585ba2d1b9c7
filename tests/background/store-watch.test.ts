// The background against a stand-in browser and fake-indexeddb: the bundled deck is installed
// when missing (a failed first install is retried), the term index comes from the store and
// follows it, and writes made anywhere refresh the badge and the progress stamp without a message.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb } from '../../data/db/schema';
import { syncDeck } from '../../data/db/deck-sync';
import { recordSighting, saveReview } from '../../data/db/repo';
import { highlightTerms } from '../../data/knowledge/highlight-terms';
import type { Deck } from '../../data/knowledge/types';
import { loadToday } from '../../data/db/today';
import { makeDeck, SETTINGS } from '../data/db/helpers';
import { PEEK_KEY, type Peek } from '../../data/srs/peek';

type BackgroundDeck = typeof import('../../entrypoints/background/deck');

let setBadgeText: ReturnType<typeof vi.fn>;
let stop = () => {};
let fetchDeck: ReturnType<typeof vi.fn>;

function bundled(): Deck {
  const deck = makeDeck();
  return { ...deck, terms: highlightTerms(deck.notes) };
}

const served = (deck: Deck) => ({ ok: true, json: async () => deck });

async function load(): Promise<BackgroundDeck> {
  vi.resetModules();
  return import('../../entrypoints/background/deck');
}

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.session.clear();
  setBadgeText = vi.fn(async () => {});
  (fakeBrowser as unknown as Record<string, unknown>).action = {
    setBadgeText,
    setBadgeBackgroundColor: async () => {},
    setTitle: async () => {},
  };
  fetchDeck = vi.fn(async () => served(bundled()));
  vi.stubGlobal('fetch', fetchDeck);
  vi.spyOn(console, 'info').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(async () => {
  stop();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  const db = getDb();
  await Promise.all(db.tables.map((table) => table.clear()));
});

describe('the bundled deck as the first import', () => {
  it('a failed first install is retried when a page asks for the term index', async () => {
    const bg = await load();
    fetchDeck.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await bg.installDeck('install');
    expect(await getDb().cards.count()).toBe(0);

    const index = await bg.getTermIndex();
    expect(fetchDeck).toHaveBeenCalledTimes(2);
    expect(await getDb().cards.count()).toBe(makeDeck().cards.length);
    expect(index?.patterns).toContain('六个精准');
  });

  it('with the deck in the store, a new worker installs nothing and reads the index from the store', async () => {
    await syncDeck(getDb(), bundled(), new Date());
    const bg = await load();
    await bg.ensureDeckLoaded();
    expect(fetchDeck).not.toHaveBeenCalled();
    expect((await bg.getTermIndex())?.patterns).toContain('扶持对象精准');
  });

  it('no deck at all: no index (null), so the page asks again later', async () => {
    fetchDeck.mockResolvedValue({ ok: false, json: async () => ({}) });
    const bg = await load();
    expect(await bg.getTermIndex()).toBeNull();
  });
});

describe('the background follows the store', () => {
  async function start() {
    await syncDeck(getDb(), bundled(), new Date());
    const bg = await load();
    const { followStore } = await import('../../entrypoints/background/store-watch');
    stop = followStore();
    return bg;
  }

  it('a note written later (an import) is in the next term index', async () => {
    const bg = await start();
    expect((await bg.getTermIndex())?.patterns).not.toContain('三个不动摇');
    const imported = makeDeck();
    imported.sources = [{ id: 'imp', file: 'imp.txt', title: '学习材料' }];
    imported.notes = [
      {
        id: 'n-imp',
        kind: 'formulation',
        name: '三个不动摇',
        members: ['思想不动摇'],
        evidence: [{ source: 'imp', quote: '三个不动摇' }],
        importance: 0.8,
      },
    ];
    imported.cards = [];
    imported.conflicts = [];
    await syncDeck(getDb(), imported, new Date(), 'import:imp');
    await vi.waitFor(async () => expect((await bg.getTermIndex())?.patterns).toContain('三个不动摇'));
  });

  it('a review refreshes the badge and bumps the progress stamp; a sighting bumps nothing', async () => {
    await start();
    const db = getDb();
    const dueNow = async () => String((await loadToday(db, new Date())).counts.total || '');
    const before = await dueNow();
    await recordSighting(db, { noteIds: ['n1'] }, new Date());
    await vi.waitFor(() => expect(setBadgeText).toHaveBeenCalledWith({ text: before }));
    await vi.waitFor(async () =>
      expect((await fakeBrowser.storage.local.get('progress')).progress).toBeTypeOf('number'),
    );
    const stamp = (await fakeBrowser.storage.local.get('progress')).progress;
    setBadgeText.mockClear();

    // Sightings change no colour: the stamp stays (open tabs do not all ask again).
    await recordSighting(db, { noteIds: ['n1'] }, new Date());
    await vi.waitFor(() => expect(setBadgeText).toHaveBeenCalled());
    expect((await fakeBrowser.storage.local.get('progress')).progress).toBe(stamp);

    setBadgeText.mockClear();
    await saveReview(db, 'c1', 3, new Date(), SETTINGS);
    const after = await dueNow();
    expect(after).not.toBe(before);
    await vi.waitFor(() => expect(setBadgeText).toHaveBeenCalledWith({ text: after }));
    await vi.waitFor(async () => expect((await fakeBrowser.storage.local.get('progress')).progress).not.toBe(stamp));
  });

  it('a review drops the popup’s peek, and the badge’s refresh keeps the peek of the new first card', async () => {
    await start();
    const db = getDb();
    const peek = async () => (await fakeBrowser.storage.session.get(PEEK_KEY))[PEEK_KEY] as Peek | undefined;
    const first = (await loadToday(db, new Date())).queue[0]!;
    await vi.waitFor(async () => expect((await peek())?.card?.id).toBe(first));

    await saveReview(db, first, 3, new Date(), SETTINGS);
    const next = (await loadToday(db, new Date())).queue[0];
    expect(next).not.toBe(first);
    // Dropped as the write is heard, before the badge's refresh (150 ms later) writes it again.
    await vi.waitFor(async () => expect(await peek()).toBeUndefined(), { interval: 5 });
    await vi.waitFor(async () => expect((await peek())?.card?.id).toBe(next));
  });
});
