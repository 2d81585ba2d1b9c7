import { Rating } from 'ts-fsrs';
import { beforeEach, describe, expect, it } from 'vitest';
import { cardHistory, clearAllData } from '../../../data/db/dashboard';
import { logsBetween } from '../../../data/db/logs';
import { syncDeck } from '../../../data/db/deck-sync';
import { saveReview, saveSettings } from '../../../data/db/repo';
import type { TifaDB } from '../../../data/db/schema';
import { at, freshDb, makeDeck, SETTINGS, T0 } from './helpers';

let db: TifaDB;

beforeEach(async () => {
  db = freshDb();
  await syncDeck(db, makeDeck(), T0);
  await saveReview(db, 'c1', Rating.Again, at(0, 1), SETTINGS);
  await saveReview(db, 'c2', Rating.Good, at(0, 2), SETTINGS);
  await saveReview(db, 'c1', Rating.Good, at(1), SETTINGS);
  await saveSettings(db, { newPerDay: 5 });
});

describe('cardHistory', () => {
  it("returns only that card's ratings, newest first", async () => {
    const logs = await cardHistory(db, 'c1');
    expect(logs.map((l) => [l.rating, l.review])).toEqual([
      [Rating.Good, at(1)],
      [Rating.Again, at(0, 1)],
    ]);
    expect(await cardHistory(db, 'c4')).toEqual([]);
  });
});

describe('logsBetween', () => {
  it('includes the start and excludes the end', async () => {
    const logs = await logsBetween(db, at(0, 1), at(1));
    expect(logs.map((l) => l.cardId)).toEqual(['c1', 'c2']);
  });
});

describe('clearAllData', () => {
  it('empties every table, settings included', async () => {
    await clearAllData(db);
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
  });
});
