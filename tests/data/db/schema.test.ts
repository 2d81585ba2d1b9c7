import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb, SCHEMA_V1 } from '../../../data/db/schema';
import { fakeDeps, T0 } from './helpers';

/** The stores each past version declared (the versions between kept theirs). */
const PAST_STORES: Array<[number, Record<string, string>]> = [
  [1, SCHEMA_V1],
  [2, { quizzes: '++id, at' }],
  [3, { cards: 'id, noteId, kind, due, state, suspended, retired, *sourceIds, [state+importance], [state+due]' }],
  [
    4,
    { cards: 'id, noteId, kind, due, state, suspended, retired, *sourceIds, [state+importance], [state+due], wanted' },
  ],
  [5, { texts: 'id, hash' }],
  [
    6,
    {
      cards:
        'id, noteId, kind, due, state, suspended, retired, *sourceIds, [state+importance], [state+due], wanted, held',
    },
  ],
  [7, { quizAnswers: '++id, quizId' }],
  [8, { reviewLogs: '++id, cardId, review, [cardId+review], uid', syncState: 'key' }],
];

/** A database as the release of `version` left it, to fill before the current schema opens it. */
function pastDb(deps: ReturnType<typeof fakeDeps>, version: number): Dexie {
  const old = new Dexie('tifa', deps);
  for (const [v, stores] of PAST_STORES) if (v <= version) old.version(v).stores(stores);
  return old;
}

/** The current schema over what a past release left: upgraded to the latest version. */
async function upgraded(deps: ReturnType<typeof fakeDeps>) {
  const db = openDb('tifa', deps);
  await db.open();
  expect(db.verno).toBe(9);
  return db;
}

/** A card row as past releases stored it (`seen` only from version 2 on): `over` says what differs. */
function pastCard(over: Record<string, unknown> & { id: string; state?: number }) {
  const state = over.state ?? 0;
  return {
    noteId: 'n1',
    kind: 'formulation-list',
    prompt: '问',
    answer: '答',
    evidence: [],
    importance: 1,
    sourceIds: [],
    due: T0,
    state,
    suspended: 0,
    retired: 0,
    leech: false,
    addedAt: T0,
    fsrs: { due: T0, state },
    ...over,
  };
}

/** A review-log row as version 6 stored it (no sync id). */
function pastLog(cardId: string, rating: number) {
  return {
    cardId,
    noteId: 'n1',
    rating,
    state: 0,
    due: T0,
    stability: 0,
    difficulty: 0,
    elapsed_days: 0,
    last_elapsed_days: 0,
    scheduled_days: 0,
    learning_steps: 0,
    review: T0,
  };
}

describe('TifaDB schema', () => {
  it('opens a database written by version 1, keeps its rows and fills version 2 defaults', async () => {
    const deps = fakeDeps();
    // A database exactly as the first release left it: version 1 tables, cards without `seen`.
    const v1 = pastDb(deps, 1);
    await v1.table('cards').bulkAdd([
      pastCard({ id: 'c1', sourceIds: ['s1'], edited: { prompt: '我的问法' } }),
      pastCard({
        id: 'c2',
        kind: 'formulation-count',
        prompt: '几个',
        answer: '六个',
        importance: 0.5,
        state: 2,
        suspended: 1,
        leech: true,
      }),
    ]);
    await v1.table('reviewLogs').add({ cardId: 'c2', noteId: 'n1', review: T0, rating: 1, state: 2 });
    await v1.table('settings').put({ key: 'newPerDay', value: 30 });
    v1.close();

    const db = await upgraded(deps);
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
    const v3 = pastDb(deps, 3);
    await v3.table('cards').bulkAdd([
      pastCard({ id: 'c1', sourceIds: ['s1'], seen: { count: 3, last: T0 } }),
      pastCard({
        id: 'c2',
        noteId: 'n2',
        kind: 'figure-cloze',
        prompt: '数',
        answer: '9899万人',
        importance: 0.5,
        state: 2,
        seen: { count: 0 },
      }),
    ]);
    await v3.table('quizzes').add({ at: T0, total: 5, correct: 5, cardIds: ['c2'] });
    v3.close();

    const db = await upgraded(deps);
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
    const v4 = pastDb(deps, 4);
    await v4.table('sources').add({ id: 's1', file: 's1.txt', title: '讲话', origin: 'bundled' });
    await v4.table('cards').add(pastCard({ id: 'c1', sourceIds: ['s1'], state: 2, seen: { count: 1 }, wanted: 5 }));
    await v4.table('cards').add(
      pastCard({
        id: 'c2',
        noteId: 'n2',
        kind: 'figure-cloze',
        prompt: '到____实现脱贫',
        answer: '2024年',
        importance: 0.3,
        sourceIds: ['s3'],
        seen: { count: 0 },
      }),
    );
    v4.close();

    const db = await upgraded(deps);
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
    const v6 = pastDb(deps, 6);
    await v6.table('reviewLogs').bulkAdd([pastLog('c1', 3), pastLog('c2', 1)]);
    v6.close();

    const db = await upgraded(deps);
    expect(await db.reviewLogs.count()).toBe(2);
    expect(await db.syncState.count()).toBe(0);
    await db.reviewLogs.update(2, { uid: 'd-abcdefgh12/7' });
    expect(await db.reviewLogs.where('uid').startsWith('d-abcdefgh12/').primaryKeys()).toEqual([2]);
    expect(await db.reviewLogs.where('cardId').equals('c1').count()).toBe(1);
    db.close();
  });

  it('opens a database written by version 8: ratings untouched, the imported histories empty and found by card, day and sync id', async () => {
    const deps = fakeDeps();
    const v8 = pastDb(deps, 8);
    await v8.table('reviewLogs').bulkAdd([pastLog('c1', 3), { ...pastLog('c2', 1), uid: 'd-abcdefgh12/7' }]);
    v8.close();

    const db = await upgraded(deps);
    expect(await db.reviewLogs.where('uid').equals('d-abcdefgh12/7').primaryKeys()).toEqual([2]);
    expect(await db.histories.count()).toBe(0);
    const log = pastLog('c3', 3);
    await db.histories.add({ cardId: 'c3', noteId: 'n3', logs: [log], last: log.review, uid: 'd-abcdefgh12/h1' });
    expect(await db.histories.where('cardId').equals('c3').count()).toBe(1);
    expect(await db.histories.where('last').aboveOrEqual(log.review).count()).toBe(1);
    expect(await db.histories.where('uid').equals('d-abcdefgh12/h1').count()).toBe(1);
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
    expect(idx('histories')).toEqual(['cardId', 'last', 'uid']);
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
