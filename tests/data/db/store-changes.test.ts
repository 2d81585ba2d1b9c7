import { Rating } from 'ts-fsrs';
import { afterEach, describe, expect, it } from 'vitest';
import { changedTables, watchStore } from '../../../data/db/store-changes';
import { syncDeck } from '../../../data/db/deck-sync';
import { saveReview } from '../../../data/db/repo';
import { freshDb, makeDeck, SETTINGS, T0 } from './helpers';

describe('changedTables', () => {
  it('names the tables of one database among the event’s parts', () => {
    const parts = {
      'idb://tifa/cards/': {},
      'idb://tifa/cards/due': {},
      'idb://tifa/reviewLogs/:dels': {},
      'idb://other/notes/': {},
    };
    expect([...changedTables(parts, 'tifa', ['cards', 'notes'])].sort()).toEqual(['cards', 'reviewLogs']);
  });

  it('takes `all` (a context back from the back-forward cache) as every table', () => {
    expect([...changedTables({ all: {} }, 'tifa', ['cards', 'notes'])]).toEqual(['cards', 'notes']);
  });
});

describe('watchStore', () => {
  let stop = () => {};
  afterEach(() => stop());

  it('tells which tables each committed write touched', async () => {
    const db = freshDb();
    await db.open();
    const seen: string[][] = [];
    stop = watchStore(db, (tables) => seen.push([...tables].sort()));
    await syncDeck(db, makeDeck(), T0);
    await saveReview(db, 'c1', Rating.Good, T0, SETTINGS);
    await expect
      .poll(() => seen)
      .toEqual([
        ['cards', 'conflicts', 'notes', 'sources'],
        ['cards', 'reviewLogs'],
      ]);
    stop();
    await saveReview(db, 'c2', Rating.Good, T0, SETTINGS);
    expect(seen).toHaveLength(2);
  });
});
