import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb, SCHEMA_V1 } from '../../../data/db/schema';
import { fakeDeps, T0 } from './helpers';

describe('TifaDB schema', () => {
  it('opens a database written by version 1, keeps its rows and fills version 2 defaults', async () => {
    const deps = fakeDeps();
    // A database exactly as the first release left it: version 1 tables, cards without `seen`.
    const v1 = new Dexie('tifa', deps);
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('cards').bulkAdd([
      {
        id: 'c1',
        noteId: 'n1',
        kind: 'formulation-list',
        prompt: '问',
        answer: '答',
        evidence: [],
        importance: 1,
        sourceIds: ['s1'],
        due: T0,
        state: 0,
        suspended: 0,
        retired: 0,
        leech: false,
        addedAt: T0,
        fsrs: { due: T0, state: 0 },
        edited: { prompt: '我的问法' },
      },
      {
        id: 'c2',
        noteId: 'n1',
        kind: 'formulation-count',
        prompt: '几个',
        answer: '六个',
        evidence: [],
        importance: 0.5,
        sourceIds: [],
        due: T0,
        state: 2,
        suspended: 1,
        retired: 0,
        leech: true,
        addedAt: T0,
        fsrs: { due: T0, state: 2 },
      },
    ]);
    await v1.table('reviewLogs').add({ cardId: 'c2', noteId: 'n1', review: T0, rating: 1, state: 2 });
    await v1.table('settings').put({ key: 'newPerDay', value: 30 });
    v1.close();

    const db = openDb('tifa', deps);
    await db.open();
    expect(db.verno).toBe(8);
    const cards = await db.cards.orderBy('id').toArray();
    expect(cards.map((c) => c.seen)).toEqual([{ count: 0 }, { count: 0 }]);
    expect(cards[0].edited).toEqual({ prompt: '我的问法' });
    expect(cards[1]).toMatchObject({ suspended: 1, leech: true, state: 2 });
    expect(await db.reviewLogs.where('cardId').equals('c2').count()).toBe(1);
    expect(await db.settings.get('newPerDay')).toEqual({ key: 'newPerDay', value: 30 });
    // The table version 2 adds is usable at once.
    await db.quizzes.add({ at: T0, total: 5, correct: 4, cardIds: ['c1'] });
    expect(await db.quizzes.count()).toBe(1);
    // Version 3's index finds the old new cards by importance.
    const news = await db.cards.where('[state+importance]').between([0, Dexie.minKey], [0, Dexie.maxKey]).primaryKeys();
    expect(news).toEqual(['c1']);
    db.close();
  });

  it('opens a database written by version 3 (the previous release): rows kept, the "加入学习" index usable', async () => {
    const deps = fakeDeps();
    const v3 = new Dexie('tifa', deps);
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores({ quizzes: '++id, at' });
    v3.version(3).stores({
      cards: 'id, noteId, kind, due, state, suspended, retired, *sourceIds, [state+importance], [state+due]',
    });
    await v3.table('cards').bulkAdd([
      {
        id: 'c1',
        noteId: 'n1',
        kind: 'formulation-list',
        prompt: '问',
        answer: '答',
        evidence: [],
        importance: 1,
        sourceIds: ['s1'],
        due: T0,
        state: 0,
        suspended: 0,
        retired: 0,
        leech: false,
        addedAt: T0,
        fsrs: { due: T0, state: 0 },
        seen: { count: 3, last: T0 },
      },
      {
        id: 'c2',
        noteId: 'n2',
        kind: 'figure-cloze',
        prompt: '数',
        answer: '9899万人',
        evidence: [],
        importance: 0.5,
        sourceIds: [],
        due: T0,
        state: 2,
        suspended: 0,
        retired: 0,
        leech: false,
        addedAt: T0,
        fsrs: { due: T0, state: 2 },
        seen: { count: 0 },
      },
    ]);
    await v3.table('quizzes').add({ at: T0, total: 5, correct: 5, cardIds: ['c2'] });
    v3.close();

    const db = openDb('tifa', deps);
    await db.open();
    expect(db.verno).toBe(8);
    expect(await db.cards.count()).toBe(2);
    expect((await db.cards.get('c1'))!.seen).toEqual({ count: 3, last: T0 });
    expect(await db.quizzes.count()).toBe(1);
    expect(await db.cards.where('wanted').aboveOrEqual(0).count()).toBe(0);
    await db.cards.update('c1', { wanted: T0.getTime() });
    expect(await db.cards.where('wanted').aboveOrEqual(0).primaryKeys()).toEqual(['c1']);
    db.close();
  });

  it('opens a database written by version 4: rows kept, the imported documents’ text table and the 待核实 index usable', async () => {
    const deps = fakeDeps();
    const v4 = new Dexie('tifa', deps);
    v4.version(1).stores(SCHEMA_V1);
    v4.version(2).stores({ quizzes: '++id, at' });
    v4.version(3).stores({
      cards: 'id, noteId, kind, due, state, suspended, retired, *sourceIds, [state+importance], [state+due]',
    });
    v4.version(4).stores({
      cards: 'id, noteId, kind, due, state, suspended, retired, *sourceIds, [state+importance], [state+due], wanted',
    });
    await v4.table('sources').add({ id: 's1', file: 's1.txt', title: '讲话', origin: 'bundled' });
    await v4.table('cards').add({
      id: 'c1',
      noteId: 'n1',
      kind: 'formulation-list',
      prompt: '问',
      answer: '答',
      evidence: [],
      importance: 1,
      sourceIds: ['s1'],
      due: T0,
      state: 2,
      suspended: 0,
      retired: 0,
      leech: false,
      addedAt: T0,
      fsrs: { due: T0, state: 2 },
      seen: { count: 1 },
      wanted: 5,
    });
    await v4.table('cards').add({
      id: 'c2',
      noteId: 'n2',
      kind: 'figure-cloze',
      prompt: '到____实现脱贫',
      answer: '2024年',
      evidence: [],
      importance: 0.3,
      sourceIds: ['s3'],
      due: T0,
      state: 0,
      suspended: 0,
      retired: 0,
      leech: false,
      addedAt: T0,
      fsrs: { due: T0, state: 0 },
      seen: { count: 0 },
    });
    v4.close();

    const db = openDb('tifa', deps);
    await db.open();
    expect(db.verno).toBe(8);
    expect(await db.cards.count()).toBe(2);
    expect(await db.cards.get('c1')).toMatchObject({ state: 2, wanted: 5 });
    expect(await db.sources.count()).toBe(1);
    await db.texts.put({ id: 's2', text: '正文', hash: 'h', format: 'txt', file: 'a.txt', importedAt: T0 });
    expect(await db.texts.where('hash').equals('h').primaryKeys()).toEqual(['s2']);
    expect(await db.cards.where('held').above('').count()).toBe(0);
    await db.cards.update('c2', { held: 's3' });
    expect(await db.cards.where('held').above('').primaryKeys()).toEqual(['c2']);
    db.close();
  });

  it('opens a database written by version 6: ratings kept and found by their sync id, the sync table empty', async () => {
    const deps = fakeDeps();
    const v6 = new Dexie('tifa', deps);
    v6.version(1).stores(SCHEMA_V1);
    v6.version(2).stores({ quizzes: '++id, at' });
    v6.version(5).stores({ texts: 'id, hash' });
    v6.version(6).stores({
      cards:
        'id, noteId, kind, due, state, suspended, retired, *sourceIds, [state+importance], [state+due], wanted, held',
    });
    await v6.table('reviewLogs').bulkAdd([
      {
        cardId: 'c1',
        noteId: 'n1',
        rating: 3,
        state: 0,
        due: T0,
        stability: 0,
        difficulty: 0,
        elapsed_days: 0,
        last_elapsed_days: 0,
        scheduled_days: 0,
        learning_steps: 0,
        review: T0,
      },
      {
        cardId: 'c2',
        noteId: 'n1',
        rating: 1,
        state: 0,
        due: T0,
        stability: 0,
        difficulty: 0,
        elapsed_days: 0,
        last_elapsed_days: 0,
        scheduled_days: 0,
        learning_steps: 0,
        review: T0,
      },
    ]);
    v6.close();

    const db = openDb('tifa', deps);
    await db.open();
    expect(db.verno).toBe(8);
    expect(await db.reviewLogs.count()).toBe(2);
    expect(await db.syncState.count()).toBe(0);
    await db.reviewLogs.update(2, { uid: 'd-abcdefgh12/7' });
    expect(await db.reviewLogs.where('uid').startsWith('d-abcdefgh12/').primaryKeys()).toEqual([2]);
    expect(await db.reviewLogs.where('cardId').equals('c1').count()).toBe(1);
    db.close();
  });

  it('indexes what the queues and browser query', async () => {
    const db = openDb('tifa', fakeDeps());
    await db.open();
    const idx = (t: string) =>
      db
        .table(t)
        .schema.indexes.map((i) => i.name)
        .sort();
    expect(idx('cards')).toEqual(
      [
        '[state+due]',
        '[state+importance]',
        'due',
        'kind',
        'noteId',
        'retired',
        'sourceIds',
        'state',
        'suspended',
        'wanted',
        'held',
      ].sort(),
    );
    expect(idx('reviewLogs')).toEqual(['[cardId+review]', 'cardId', 'review', 'uid']);
    db.close();
  });

  it('the shared `db` handle is the lazily created instance and works in transactions', async () => {
    const { db, getDb } = await import('../../../data/db/schema');
    // The handle reads Dexie's global dependencies on first use; point them at a fake.
    Object.assign(Dexie.dependencies, fakeDeps());
    await db.transaction('rw', db.settings, () => db.settings.put({ key: 'x', value: 1 }));
    // The handle's tables are the shared instance's own (not a second database's), and that instance is made once.
    expect(db.settings).toBe(getDb().settings);
    expect(getDb()).toBe(getDb());
    expect(await getDb().settings.get('x')).toEqual({ key: 'x', value: 1 });
    db.close();
  });
});
