import { beforeEach, describe, expect, it } from 'vitest';
import { default_w } from 'ts-fsrs';
import { freshDb, makeDeck, SETTINGS, T0, at, trainReport } from './helpers';
import { syncDeck } from '../../../data/db/deck-sync';
import { getSettings, saveReview, saveSettings } from '../../../data/db/repo';
import { exportBackup, importBackup } from '../../../data/db/backup';
import {
  getFsrsParams,
  readTrainingLogs,
  restorePreviousWeights,
  saveTraining,
  type TrainReport,
} from '../../../data/db/fsrs-params';
import { Rating } from '../../../data/srs/scheduler';
import type { TifaDB } from '../../../data/db/schema';

const trained = [...default_w];
trained[2] = 5.5;
const report = (applied: boolean, weights = trained): TrainReport => trainReport(weights, T0, applied);

let db: TifaDB;
beforeEach(async () => {
  db = freshDb();
  await syncDeck(db, makeDeck(), T0);
});

describe('FSRS parameters in the store', () => {
  it('switches to a better set, keeps the defaults to go back to, and the scheduler settings read it', async () => {
    await saveTraining(db, report(true));
    expect((await getSettings(db)).fsrsWeights).toEqual(trained);
    expect(await getFsrsParams(db)).toEqual({ current: trained, previous: null, report: report(true) });
    // A later change of the study limits leaves the trained set in place.
    await saveSettings(db, { newPerDay: 5 });
    expect((await getSettings(db)).fsrsWeights).toEqual(trained);

    await restorePreviousWeights(db, at(2));
    expect((await getSettings(db)).fsrsWeights).toBeUndefined();
    const after = await getFsrsParams(db);
    expect(after.previous).toBeUndefined();
    expect(after.report?.applied).toBe(false);
  });

  it('a second switch keeps the first trained set as the one to go back to', async () => {
    await saveTraining(db, report(true));
    const second = [...trained];
    second[3] = 9;
    await saveTraining(db, report(true, second));
    expect((await getFsrsParams(db)).previous).toEqual(trained);
    await restorePreviousWeights(db, at(2));
    expect((await getSettings(db)).fsrsWeights).toEqual(trained);
  });

  it('a set that is not better is reported but not used', async () => {
    await saveTraining(db, report(false));
    expect((await getSettings(db)).fsrsWeights).toBeUndefined();
    expect(await getFsrsParams(db)).toEqual({ current: undefined, previous: undefined, report: report(false) });
  });

  it('refuses to switch to an invalid set', async () => {
    await expect(saveTraining(db, report(true, [1, 2, 3]))).rejects.toThrow();
    expect((await getSettings(db)).fsrsWeights).toBeUndefined();
  });

  it('a backup with a broken parameter set restores, and the defaults schedule instead of it', async () => {
    await saveTraining(db, report(true));
    const backup = JSON.parse(JSON.stringify(await exportBackup(db, at(1))));
    const row = backup.settings.find((r: { key: string }) => r.key === 'fsrsWeights');
    row.value = [...trained.slice(0, 20), 99]; // decay far outside FSRS-6 bounds
    backup.settings.find((r: { key: string }) => r.key === 'fsrsPrevious').value = { weights: 'x' };
    const other = freshDb();
    await importBackup(other, backup);
    expect((await getSettings(other)).fsrsWeights).toBeUndefined();
    const state = await getFsrsParams(other);
    expect(state.current).toBeUndefined();
    expect(state.previous).toBeUndefined();
    expect(state.report?.weights).toEqual(trained);
  });

  it('reads the review log as training needs it', async () => {
    await saveReview(db, 'c1', Rating.Good, at(0, 1), SETTINGS);
    await saveReview(db, 'c1', Rating.Again, at(3, 1), SETTINGS);
    const logs = await readTrainingLogs(db);
    expect(logs.map((l) => [l.cardId, l.rating, l.state])).toEqual([
      ['c1', Rating.Good, 0],
      ['c1', Rating.Again, 1],
    ]);
    expect(logs[1].review).toEqual(at(3, 1));
  });
});
