import Dexie from 'dexie';
import { Rating, State } from 'ts-fsrs';
import { beforeEach, describe, expect, it } from 'vitest';
import { syncDeck } from '../../../data/db/deck-sync';
import { StoreError } from '../../../data/db/errors';
import {
  cardState,
  cardText,
  editCard,
  getCard,
  getSettings,
  listCards,
  openConflictIds,
  recordSighting,
  resetCard,
  resolveConflict,
  reviewCountsByDay,
  saveReview,
  saveSettings,
  setSuspended,
  todayCounts,
  undoLastReview,
} from '../../../data/db/repo';
import type { TifaDB } from '../../../data/db/schema';
import { at, freshDb, makeDeck, SETTINGS, T0 } from './helpers';

let db: TifaDB;
beforeEach(async () => {
  db = freshDb();
  await syncDeck(db, makeDeck(), T0);
});

const ids = (cards: { id: string }[]) => cards.map((c) => c.id).sort();

describe('reviews', () => {
  it('saveReview writes the new FSRS state and one log', async () => {
    const { card, leech } = await saveReview(db, 'c1', Rating.Good, at(0, 1), SETTINGS);
    expect(leech).toBe(false);
    const stored = (await getCard(db, 'c1'))!;
    expect(stored).toEqual(card);
    expect(stored.fsrs.reps).toBe(1);
    expect(stored.state).toBe(stored.fsrs.state);
    expect(stored.due).toEqual(stored.fsrs.due);
    expect(stored.due.getTime()).toBeGreaterThan(at(0, 1).getTime());
    const logs = await db.reviewLogs.toArray();
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      cardId: 'c1',
      noteId: 'n1',
      rating: Rating.Good,
      state: State.New,
      review: at(0, 1),
    });
  });

  it('undoLastReview puts the card back exactly and removes the log', async () => {
    await saveReview(db, 'c1', Rating.Good, at(0, 1), SETTINGS);
    const before = await db.cards.toArray();
    const logsBefore = await db.reviewLogs.toArray();
    const { undo } = await saveReview(db, 'c1', Rating.Again, at(0, 2), SETTINGS);
    await undoLastReview(db, 'c1', undo);
    expect(await db.cards.toArray()).toEqual(before);
    expect(await db.reviewLogs.toArray()).toEqual(logsBefore);
    await expect(undoLastReview(db, 'c2', undo)).rejects.toBeInstanceOf(StoreError);
  });

  it('undoes a rating whose record went through JSON (kept in storage.session while the popup is closed)', async () => {
    const before = await db.cards.toArray();
    const { undo } = await saveReview(db, 'c1', Rating.Good, at(0, 1), SETTINGS);
    await undoLastReview(db, 'c1', JSON.parse(JSON.stringify(undo)) as typeof undo);
    expect(await db.cards.toArray()).toEqual(before);
    expect(await db.reviewLogs.count()).toBe(0);
  });

  it('refuses to undo a rating a later review followed, or one already undone', async () => {
    const first = await saveReview(db, 'c1', Rating.Good, at(0, 1), SETTINGS);
    const later = await saveReview(db, 'c1', Rating.Good, at(0, 20), SETTINGS);
    await expect(undoLastReview(db, 'c1', first.undo)).rejects.toBeInstanceOf(StoreError);
    expect(await db.cards.get('c1')).toEqual(later.card);
    await undoLastReview(db, 'c1', later.undo);
    await expect(undoLastReview(db, 'c1', later.undo)).rejects.toBeInstanceOf(StoreError);
    expect(await db.reviewLogs.count()).toBe(1);
  });

  it('a leech is flagged and suspended, and the undo of that rating unsuspends it', async () => {
    const settings = { ...SETTINGS, leechThreshold: 2 };
    let now = at(0, 1);
    let result;
    // Graduate to review, then lapse; twice reaches the threshold of 2.
    for (let lapse = 0; lapse < 2; lapse++) {
      let card = (await getCard(db, 'c2'))!;
      while (card.fsrs.state !== State.Review) {
        card = (await saveReview(db, 'c2', Rating.Good, now, settings)).card;
        now = new Date(card.due.getTime() + 1000);
      }
      result = await saveReview(db, 'c2', Rating.Again, now, settings);
      now = new Date(result.card.due.getTime() + 1000);
      expect(result.leech).toBe(lapse === 1);
    }
    const leech = (await getCard(db, 'c2'))!;
    expect(leech).toMatchObject({ leech: true, suspended: 1 });
    expect(cardState(leech)).toBe('leech');
    expect(ids(await listCards(db, { state: 'leech' }))).toEqual(['c2']);
    expect(ids(await listCards(db, { state: 'suspended' }))).toEqual(['c2']);
    await undoLastReview(db, 'c2', result!.undo);
    expect(await getCard(db, 'c2')).toMatchObject({ leech: false, suspended: 0 });
  });

  it('a full disk during a review becomes a "storage full" StoreError and writes nothing', async () => {
    db.reviewLogs.add = () => Dexie.Promise.reject(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }));
    const err = await saveReview(db, 'c1', Rating.Good, at(0, 1), SETTINGS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('quota');
    expect((err as Error).message).toMatch(/^存储空间已满/);
    expect((await getCard(db, 'c1'))!.fsrs.reps).toBe(0);
  });

  it('saveReview of an unknown card fails with a Chinese message', async () => {
    await expect(saveReview(db, 'nope', Rating.Good, T0, SETTINGS)).rejects.toThrow('找不到这张卡片');
  });
});

describe('browsing', () => {
  it('searches Chinese text in prompt, answer, members and edits', async () => {
    expect(ids(await listCards(db, { text: '551万' }))).toEqual(['c4']);
    expect(ids(await listCards(db, { text: '项目安排' }))).toEqual(['c1']);
    expect(ids(await listCards(db, { text: '六个 精准' }))).toEqual(['c1', 'c2', 'c3']);
    await editCard(db, 'c3', { prompt: '精准扶贫方略的要求有几条？' });
    expect(ids(await listCards(db, { text: '方略' }))).toEqual(['c3']);
    expect(await listCards(db, { text: '不存在的提法' })).toEqual([]);
  });

  it('filters by source, kind and state, hides retired cards, sorts headline cards first', async () => {
    expect((await listCards(db, { sourceId: 's1' })).map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
    expect(ids(await listCards(db, { kind: 'figure-cloze' }))).toEqual(['c4']);
    await saveReview(db, 'c1', Rating.Easy, at(0, 1), SETTINGS);
    await saveReview(db, 'c2', Rating.Again, at(0, 1), SETTINGS);
    await setSuspended(db, 'c3', true);
    expect(ids(await listCards(db, { state: 'review' }))).toEqual(['c1']);
    expect(ids(await listCards(db, { state: 'learning' }))).toEqual(['c2']);
    expect(ids(await listCards(db, { state: 'new' }))).toEqual(['c4']);
    expect(ids(await listCards(db, { state: 'suspended', sourceId: 's1' }))).toEqual(['c3']);
    await db.cards.update('c4', { retired: 1 });
    expect(ids(await listCards(db))).toEqual(['c1', 'c2', 'c3']);
    expect(ids(await listCards(db, { includeRetired: true }))).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('edits override the deck text; an empty edit or the deck text clears them', async () => {
    await editCard(db, 'c1', { prompt: '  我的问法 ', answer: '我的答案' });
    expect(cardText((await getCard(db, 'c1'))!)).toEqual({ prompt: '我的问法', answer: '我的答案' });
    await editCard(db, 'c1', { prompt: '', answer: '扶持对象精准、项目安排精准' });
    const card = (await getCard(db, 'c1'))!;
    expect(card.edited).toBeUndefined();
    expect(cardText(card).prompt).toBe('“六个精准”是哪六个？');
  });

  it('resetCard makes a card new again and keeps its history', async () => {
    await saveReview(db, 'c1', Rating.Good, at(0, 1), SETTINGS);
    await resetCard(db, 'c1', at(1));
    expect(await getCard(db, 'c1')).toMatchObject({
      state: State.New,
      due: at(1),
      fsrs: { reps: 0, state: State.New },
    });
    expect(await db.reviewLogs.count()).toBe(1);
  });

  it('resetCard forgets an earlier "加入学习", so the card waits its turn like any new card', async () => {
    await db.cards.update('c1', { wanted: at(0).getTime() });
    await resetCard(db, 'c1', at(1));
    expect((await getCard(db, 'c1'))!.wanted).toBeUndefined();
    expect(await db.cards.where('wanted').aboveOrEqual(0).count()).toBe(0);
  });

  it('records page sightings by note and by card, once per card per call', async () => {
    expect(await recordSighting(db, { noteIds: ['n1'], cardIds: ['c1', 'c4'] }, at(0, 3))).toBe(4);
    await recordSighting(db, { cardIds: ['c4'] }, at(1));
    expect((await getCard(db, 'c1'))!.seen).toEqual({ count: 1, last: at(0, 3) });
    expect((await getCard(db, 'c4'))!.seen).toEqual({ count: 2, last: at(1) });
  });
});

describe('settings and conflicts', () => {
  it('settings merge with defaults and are clamped', async () => {
    expect(await getSettings(db)).toMatchObject({ newPerDay: 20, desiredRetention: 0.9 });
    await saveSettings(db, { newPerDay: 5, desiredRetention: 2 });
    expect(await getSettings(db)).toMatchObject({ newPerDay: 5, desiredRetention: 0.99, reviewsPerDay: 200 });
    await saveSettings(db, { cramUntil: '2025-03-10', cramSources: ['s1'] });
    await saveSettings(db, { cramUntil: undefined });
    const s = await getSettings(db);
    expect(s.cramUntil).toBeUndefined();
    expect(s.cramSources).toEqual(['s1']);
  });

  it('resolves a conflict with one value or both, refuses unknown values, reopens with null', async () => {
    expect(await openConflictIds(db)).toEqual(new Set(['k1']));
    await expect(resolveConflict(db, 'k1', '2030年', T0)).rejects.toThrow('不是这条矛盾的任一说法');
    await resolveConflict(db, 'k1', 'both', T0);
    expect(await db.conflicts.get('k1')).toMatchObject({ resolved: 1, choice: 'both', resolvedAt: T0 });
    expect(await openConflictIds(db)).toEqual(new Set());
    await resolveConflict(db, 'k1', null, T0);
    expect(await openConflictIds(db)).toEqual(new Set(['k1']));
  });
});

describe('counts', () => {
  it("todayCounts counts today's new cards, reviews and reviewed notes from the day start hour", async () => {
    await saveReview(db, 'c1', Rating.Easy, at(-1, 1), SETTINGS); // yesterday 10:00
    await saveReview(db, 'c4', Rating.Good, at(0, 16), SETTINGS); // today 01:00, before the 04:00 start
    await saveReview(db, 'c1', Rating.Good, at(20), SETTINGS); // c1 is a review card by now
    const c2 = (await saveReview(db, 'c2', Rating.Again, at(20, 1), SETTINGS)).card;
    await saveReview(db, 'c2', Rating.Good, c2.due, SETTINGS);
    expect(await todayCounts(db, at(20, 2), 4)).toEqual({
      newDone: 1,
      reviewsDone: 1,
      reviewedNoteIds: ['n1'],
      newCardIds: ['c2'],
      reviewedCardIds: ['c1', 'c2'],
      ratings: 3,
    });
    expect(await todayCounts(db, at(0, 17), 4)).toEqual({
      newDone: 1,
      reviewsDone: 0,
      reviewedNoteIds: ['n2'],
      newCardIds: ['c4'],
      reviewedCardIds: ['c4'],
      ratings: 1,
    });
  });

  it('reviewCountsByDay groups logs by study day within [from, to)', async () => {
    await saveReview(db, 'c1', Rating.Good, at(0), SETTINGS);
    await saveReview(db, 'c2', Rating.Good, at(0, 5), SETTINGS);
    await saveReview(db, 'c3', Rating.Good, at(2), SETTINGS);
    await saveReview(db, 'c4', Rating.Good, at(5), SETTINGS);
    expect(await reviewCountsByDay(db, at(-1), at(5))).toEqual([
      { day: '2025-03-01', count: 2 },
      { day: '2025-03-03', count: 1 },
    ]);
  });
});
