// 优化参数 → 换用新参数 / 恢复原参数: every studied card's memory state (stability, difficulty) is
// recomputed from its review log with the set now in use — what the store would hold had that set
// scheduled every rating — while due dates stay as scheduled (Anki's default: "Reschedule cards on
// change" off). The switch marks the store; only a complete run clears the mark.
import { beforeEach, describe, expect, it } from 'vitest';
import { default_w } from 'ts-fsrs';
import { at, freshDb, makeDeck, SETTINGS, T0, trainReport } from './helpers';
import { syncDeck } from '../../../data/db/deck-sync';
import { saveReview } from '../../../data/db/repo';
import { restorePreviousWeights, saveTraining, type TrainReport } from '../../../data/db/fsrs-params';
import { pendingRecompute, recomputeMemoryStates } from '../../../data/db/fsrs-recompute';
import type { CardRow, TifaDB } from '../../../data/db/schema';
import { Rating, type Grade } from '../../../data/srs/scheduler';
import type { StudySettings } from '../../../data/srs/settings';

const trained = [...default_w];
trained[0] = 1.2; // 重来's first stability
trained[2] = 6.5; // 良好's
trained[8] = 2.1; // how much a successful review raises stability
trained[20] = 0.3;
const report = (weights = trained): TrainReport => trainReport(weights, at(50), true);

const HISTORY: Array<[string, number, Grade]> = [
  ['c1', 0, Rating.Good],
  ['c1', 0.01, Rating.Good],
  ['c1', 3, Rating.Good],
  ['c1', 12, Rating.Easy],
  ['c2', 0, Rating.Easy],
  ['c2', 20, Rating.Again],
  ['c2', 20.01, Rating.Good],
  ['c4', 40, Rating.Again],
];

/** The tiny deck with HISTORY saved under `settings` (c3 never studied). */
async function studied(settings: StudySettings): Promise<TifaDB> {
  const db = freshDb();
  await syncDeck(db, makeDeck(), T0);
  for (const [id, day, rating] of HISTORY) await saveReview(db, id, rating, at(day, 1), settings);
  return db;
}

const cardsOf = async (db: TifaDB) => new Map((await db.cards.toArray()).map((c) => [c.id, c] as [string, CardRow]));

let db: TifaDB;
let before: Map<string, CardRow>;
beforeEach(async () => {
  db = await studied(SETTINGS);
  before = await cardsOf(db);
});

describe('recomputing memory states after a switch of FSRS parameters', () => {
  it('with the set that scheduled the reviews, nothing changes', async () => {
    const counts = await recomputeMemoryStates(db);
    expect(counts).toEqual({ cards: 4, changed: 0 });
    expect(await cardsOf(db)).toEqual(before);
  });

  it('换用新参数: stability and difficulty as the new set would have made them; due dates kept; the mark cleared', async () => {
    await saveTraining(db, report());
    const since = await pendingRecompute(db);
    expect(since).toBe(at(50).toISOString());
    const seen: Array<[number, number]> = [];
    const counts = await recomputeMemoryStates(db, (done, total) => seen.push([done, total]), since);
    expect(counts).toEqual({ cards: 4, changed: 3 });
    expect(seen.at(-1)).toEqual([4, 4]);
    expect(await pendingRecompute(db)).toBeUndefined();

    // The same reviews saved with the trained set from the start.
    const want = await cardsOf(await studied({ ...SETTINGS, fsrsWeights: trained }));
    const after = await cardsOf(db);
    for (const id of ['c1', 'c2', 'c4']) {
      const [got, exp, old] = [after.get(id)!.fsrs, want.get(id)!.fsrs, before.get(id)!.fsrs];
      expect(got.stability).toBeCloseTo(exp.stability, 8);
      expect(got.difficulty).toBeCloseTo(exp.difficulty, 8);
      expect(got.stability).not.toBeCloseTo(old.stability, 3);
      // The schedule as it was: due, state, interval, counts, last review.
      expect({ ...got, stability: 0, difficulty: 0 }).toEqual({ ...old, stability: 0, difficulty: 0 });
      expect(after.get(id)!.due).toEqual(before.get(id)!.due);
    }
    expect(after.get('c3')).toEqual(before.get('c3'));
  });

  it('恢复原参数: the memory states come back to what the old set made', async () => {
    await saveTraining(db, report());
    await recomputeMemoryStates(db, undefined, await pendingRecompute(db));
    await restorePreviousWeights(db, at(51));
    const since = await pendingRecompute(db);
    expect(since).toBe(at(51).toISOString());
    await recomputeMemoryStates(db, undefined, since);
    const after = await cardsOf(db);
    for (const id of ['c1', 'c2', 'c4']) {
      expect(after.get(id)!.fsrs.stability).toBeCloseTo(before.get(id)!.fsrs.stability, 8);
      expect(after.get(id)!.fsrs.difficulty).toBeCloseTo(before.get(id)!.fsrs.difficulty, 8);
    }
    expect(await pendingRecompute(db)).toBeUndefined();
  });

  it('a run that began before a later switch leaves that switch marked', async () => {
    await saveTraining(db, report());
    const first = await pendingRecompute(db);
    await restorePreviousWeights(db, at(51));
    await recomputeMemoryStates(db, undefined, first);
    expect(await pendingRecompute(db)).toBe(at(51).toISOString());
  });

  it('a card whose log is shorter than its review count (history cut short) keeps its state', async () => {
    await db.reviewLogs.where('cardId').equals('c1').limit(1).delete();
    await saveTraining(db, report());
    await recomputeMemoryStates(db);
    const after = await cardsOf(db);
    expect(after.get('c1')).toEqual(before.get('c1'));
    expect(after.get('c2')!.fsrs.stability).not.toBeCloseTo(before.get('c2')!.fsrs.stability, 3);
  });
});
