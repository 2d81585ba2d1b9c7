// A small store with history for the Anki export tests: the tiny deck, some reviews through the real
// saveReview path (new, learning, review, relearning cards), one suspended card, and the .apkg built from it.
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { Rating } from 'ts-fsrs';
import { unzipSync } from 'fflate';
import { syncDeck } from '../../../data/db/deck-sync';
import { saveReview, setSuspended } from '../../../data/db/repo';
import { readAnkiExport, type AnkiScope } from '../../../data/db/anki-export';
import { buildApkg } from '../../../lib/anki/export';
import { at, freshDb, makeDeck, SETTINGS, T0 } from '../../data/db/helpers';

/** Beijing: minutes west of UTC, as Date#getTimezoneOffset gives it there. */
export const BEIJING = -480;
export const NOW = at(40, 3);

let sql: Promise<SqlJsStatic> | undefined;
export const loadSql = () => (sql ??= initSqlJs());

export async function storeWithHistory() {
  const db = freshDb();
  await syncDeck(db, makeDeck(), T0);
  // c1: learned and kept → review. c2: learned, then forgotten → relearning. c4: one rating → learning.
  for (const [day, rating] of [
    [0, Rating.Good],
    [0.01, Rating.Good],
    [3, Rating.Good],
    [12, Rating.Easy],
  ] as const)
    await saveReview(db, 'c1', rating, at(day), SETTINGS);
  for (const [day, rating] of [
    [0, Rating.Easy],
    [20, Rating.Again],
  ] as const)
    await saveReview(db, 'c2', rating, at(day), SETTINGS);
  await saveReview(db, 'c4', Rating.Again, at(40, 2.9), SETTINGS);
  await setSuspended(db, 'c3', true);
  return db;
}

export async function exportOf(scope: AnkiScope = { kind: 'all' }) {
  const db = await storeWithHistory();
  const data = await readAnkiExport(db, scope);
  const apkg = buildApkg(await loadSql(), data, NOW, BEIJING);
  const files = unzipSync(apkg.bytes);
  return { db, data, apkg, files };
}
