import { Rating, State } from 'ts-fsrs';
import { beforeEach, describe, expect, it } from 'vitest';
import { syncDeck } from '../../../data/db/deck-sync';
import { editCard, resolveConflict, saveReview, setSuspended } from '../../../data/db/repo';
import type { TifaDB } from '../../../data/db/schema';
import { at, freshDb, makeDeck, SETTINGS, T0 } from './helpers';

let db: TifaDB;
beforeEach(() => {
  db = freshDb();
});

describe('syncDeck', () => {
  it('installs a deck: every card new, due now, indexed by source', async () => {
    expect(await syncDeck(db, makeDeck(), T0)).toEqual({ added: 4, updated: 0, retired: 0, revived: 0 });
    const c4 = (await db.cards.get('c4'))!;
    expect(c4).toMatchObject({
      state: State.New,
      due: T0,
      suspended: 0,
      retired: 0,
      leech: false,
      seen: { count: 0 },
      addedAt: T0,
      sourceIds: ['s2'],
    });
    expect(await db.cards.where('sourceIds').equals('s1').primaryKeys()).toEqual(['c1', 'c2', 'c3']);
    expect(await db.sources.count()).toBe(2);
    expect(await db.notes.get('n1')).toMatchObject({ name: '六个精准', retired: 0, sourceIds: ['s1'] });
    expect(await db.conflicts.get('k1')).toMatchObject({ resolved: 0, values: ['2020年', '2021年'] });
  });

  it('a second sync of the same deck changes nothing', async () => {
    await syncDeck(db, makeDeck(), T0);
    await saveReview(db, 'c1', Rating.Good, at(0, 1), SETTINGS);
    const dump = async () => Promise.all(db.tables.map((t) => t.toArray()));
    const before = await dump();
    expect(await syncDeck(db, makeDeck(), at(1))).toEqual({ added: 0, updated: 0, retired: 0, revived: 0 });
    expect(await dump()).toEqual(before);
  });

  it('an update with a changed prompt keeps progress, logs, edits and suspension', async () => {
    await syncDeck(db, makeDeck(), T0);
    await saveReview(db, 'c1', Rating.Good, at(0, 1), SETTINGS);
    await editCard(db, 'c1', { answer: '我自己的答案' });
    await setSuspended(db, 'c1', true);
    const before = (await db.cards.get('c1'))!;

    const deck = makeDeck();
    deck.cards[0] = { ...deck.cards[0], prompt: '“六个精准”包括哪些？', importance: 0.9 };
    deck.cards.push({ ...deck.cards[1], id: 'c5', prompt: '新卡片' });
    expect(await syncDeck(db, deck, at(2))).toEqual({ added: 1, updated: 1, retired: 0, revived: 0 });

    const after = (await db.cards.get('c1'))!;
    expect(after.prompt).toBe('“六个精准”包括哪些？');
    expect(after.importance).toBe(0.9);
    expect(after.fsrs).toEqual(before.fsrs);
    expect(after).toMatchObject({
      edited: { answer: '我自己的答案' },
      suspended: 1,
      addedAt: T0,
      state: before.state,
      due: before.due,
    });
    expect(await db.reviewLogs.where('cardId').equals('c1').count()).toBe(1);
    expect((await db.cards.get('c5'))!.addedAt).toEqual(at(2));
  });

  it('a cleared optional field (conflicts) is removed, not kept from the old row', async () => {
    await syncDeck(db, makeDeck(), T0);
    const deck = makeDeck();
    delete deck.cards[3].conflicts;
    expect((await syncDeck(db, deck, at(1))).updated).toBe(1);
    expect((await db.cards.get('c4'))!.conflicts).toBeUndefined();
  });

  it('retires a card that left the deck, keeps its history, and revives it with its progress', async () => {
    await syncDeck(db, makeDeck(), T0);
    await saveReview(db, 'c3', Rating.Easy, at(0, 1), SETTINGS);
    const reviewed = (await db.cards.get('c3'))!;

    const without = makeDeck();
    without.cards = without.cards.filter((c) => c.id !== 'c3');
    expect(await syncDeck(db, without, at(1))).toEqual({ added: 0, updated: 0, retired: 1, revived: 0 });
    expect(await db.cards.where('retired').equals(1).primaryKeys()).toEqual(['c3']);
    expect(await db.reviewLogs.where('cardId').equals('c3').count()).toBe(1);
    // Retiring twice is not counted twice.
    expect((await syncDeck(db, without, at(2))).retired).toBe(0);

    expect(await syncDeck(db, makeDeck(), at(3))).toEqual({ added: 0, updated: 0, retired: 0, revived: 1 });
    const back = (await db.cards.get('c3'))!;
    expect(back.retired).toBe(0);
    expect(back.fsrs).toEqual(reviewed.fsrs);
  });

  it('retires notes that left and never retires cards of another origin (a user import)', async () => {
    await syncDeck(db, makeDeck(), T0);
    const mine = makeDeck();
    mine.sources = [{ id: 'u1', file: 'page', title: '我导入的文章' }];
    mine.notes = [{ ...mine.notes[0], id: 'un1' }];
    mine.cards = [{ ...mine.cards[0], id: 'u-c1', noteId: 'un1' }];
    mine.conflicts = [];
    await syncDeck(db, mine, T0, 'user');

    const bundled = makeDeck();
    bundled.notes = bundled.notes.filter((n) => n.id !== 'n2');
    expect((await syncDeck(db, bundled, at(1))).retired).toBe(0);
    expect((await db.notes.get('n2'))!.retired).toBe(1);
    expect((await db.cards.get('u-c1'))!.retired).toBe(0);
  });

  it('a row shared by two decks stays with its first owner', async () => {
    await syncDeck(db, makeDeck(), T0);
    const mine = { ...makeDeck(), conflicts: [] };
    mine.notes = [mine.notes[1]];
    mine.cards = [{ ...mine.cards[3], id: 'u-c4' }];
    await syncDeck(db, mine, at(1), 'user');
    expect((await db.notes.get('n2'))!.origin).toBe('bundled');
    expect((await db.cards.get('u-c4'))!.origin).toBe('user');
    // Only the bundled deck can retire n2; the user's deck dropping it does nothing.
    await syncDeck(db, { ...mine, notes: [] }, at(2), 'user');
    expect((await db.notes.get('n2'))!.retired).toBe(0);
  });

  it("keeps the user's conflict resolution, unless the chosen value disappears", async () => {
    await syncDeck(db, makeDeck(), T0);
    await resolveConflict(db, 'k1', '2020年', at(0, 2));
    const deck = makeDeck();
    deck.conflicts[0].topic = '脱贫攻坚目标年份';
    await syncDeck(db, deck, at(1));
    expect(await db.conflicts.get('k1')).toMatchObject({
      topic: '脱贫攻坚目标年份',
      resolved: 1,
      choice: '2020年',
      resolvedAt: at(0, 2),
    });

    deck.conflicts[0].values = ['2021年', '2022年'];
    await syncDeck(db, deck, at(2));
    const reopened = (await db.conflicts.get('k1'))!;
    expect(reopened.resolved).toBe(0);
    expect(reopened.choice).toBeUndefined();
  });
});
