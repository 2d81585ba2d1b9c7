// Bad Anki files: each refused with its Chinese message, and the store unchanged. A good one is written
// in one transaction as one imported document per deck, which 删除 removes like any import.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { zipSync } from 'fflate';
import { AnkiSession } from '../../../lib/anki/read-session';
import { ANKI_LIMITS, ANKI_MESSAGES, AnkiError } from '../../../lib/anki/read-types';
import type { AnkiChoice } from '../../../lib/anki/read-rows';
import type { AnkiSummary } from '../../../lib/anki/read-plan';
import { deleteDocument } from '../../../data/db/import';
import { countLogs } from '../../../data/db/logs';
import type { TifaDB } from '../../../data/db/schema';
import { freshDb } from '../../data/db/helpers';
import { latestPackage, legacyPackage, makeCollection, zstdRaw } from './make-anki';
import { sampleCollection } from './sample';

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await initSqlJs();
});
const NOW = new Date(Date.UTC(2026, 5, 1, 2));
const saved = { ...ANKI_LIMITS };
let sqlLoaded = 0;
afterEach(() => Object.assign(ANKI_LIMITS, saved));

async function dump(db: TifaDB): Promise<string> {
  return JSON.stringify(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)));
}

const choiceOf = (s: AnkiSummary, keep = true): AnkiChoice => ({
  decks: s.decks.map((d) => d.id),
  maps: Object.fromEntries(s.notetypes.map((nt) => [nt.id, nt.map])),
  keep,
});

/** Opens the file in a session against a store holding one earlier Anki import; the store must not change. */
async function refused(bytes: Uint8Array, limits: Partial<typeof ANKI_LIMITS> = {}): Promise<string> {
  Object.assign(ANKI_LIMITS, saved);
  const db = freshDb();
  const first = new AnkiSession();
  await first.write(
    db,
    choiceOf(await first.open(legacyPackage(makeCollection(SQL, sampleCollection())), 'old.apkg', SQL)),
    NOW,
  );
  const before = await dump(db);
  Object.assign(ANKI_LIMITS, saved, limits);
  let message = '';
  try {
    await new AnkiSession().open(bytes, 'bad.apkg', async () => {
      sqlLoaded++;
      return SQL;
    });
  } catch (err) {
    expect(err).toBeInstanceOf(AnkiError);
    message = (err as Error).message;
  }
  expect(await dump(db)).toBe(before);
  db.close();
  return message;
}

const sqlite = (ver = 11) => makeCollection(SQL, { ...sampleCollection(), ver });

describe('bad files get a Chinese message and change nothing', () => {
  it('not a zip (and sql.js is not even loaded)', async () => {
    sqlLoaded = 0;
    expect(await refused(new TextEncoder().encode('这只是一段文字，不是压缩包'))).toBe(ANKI_MESSAGES['not-zip']);
    expect(sqlLoaded).toBe(0);
  });
  it('a zip without a collection', async () => {
    expect(await refused(zipSync({ 'readme.txt': new Uint8Array([1, 2, 3]) }))).toBe(ANKI_MESSAGES['no-collection']);
  });
  it('a damaged collection (not SQLite, or cut short)', async () => {
    expect(
      await refused(zipSync({ 'collection.anki2': new TextEncoder().encode('SQLite format 3\0 broken'.repeat(200)) })),
    ).toBe(ANKI_MESSAGES.damaged);
    const whole = sqlite();
    expect(await refused(legacyPackage(whole.slice(0, Math.floor(whole.length / 2))))).toBe(ANKI_MESSAGES.damaged);
  });
  it('a damaged zstd collection', async () => {
    const stub = sqlite();
    const pkg = zipSync({
      'collection.anki2': stub,
      'collection.anki21b': new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0xe0, 9, 9, 9]),
    });
    expect(await refused(pkg)).toBe(ANKI_MESSAGES.damaged);
  });
  it('an unknown schema version', async () => {
    expect(await refused(legacyPackage(sqlite(99)))).toBe(ANKI_MESSAGES.version);
    expect(await refused(legacyPackage(sqlite(5)))).toBe(ANKI_MESSAGES.version);
  });
  it('a huge file or collection', async () => {
    expect(await refused(legacyPackage(sqlite()), { fileBytes: 1_000 })).toBe(ANKI_MESSAGES['too-large']);
    expect(await refused(legacyPackage(sqlite()), { notes: 3 })).toBe(ANKI_MESSAGES['too-large']);
    // A zstd frame that claims more than the limit is refused before it is unpacked.
    expect(
      await refused(latestPackage(makeCollection(SQL, sampleCollection(18)), sqlite()), { collectionBytes: 10_000 }),
    ).toBe(ANKI_MESSAGES['too-large']);
  });
  it('a collection without cards', async () => {
    expect(await refused(legacyPackage(makeCollection(SQL, { ...sampleCollection(), cards: [] })))).toBe(
      ANKI_MESSAGES.empty,
    );
  });
  it('every message is Chinese', () => {
    for (const m of Object.values(ANKI_MESSAGES)) expect(m).toMatch(/[\u4e00-\u9fff]/);
  });
  it('zstdRaw makes real zstd', async () => {
    const { decompress } = await import('fzstd');
    const data = new Uint8Array(300_000).map((_, i) => i % 251);
    expect(decompress(zstdRaw(data))).toEqual(data);
  });
});

describe('writing an Anki import', () => {
  it('writes one document per deck, cards with progress and logs, in one transaction; 删除 removes it', async () => {
    const db = freshDb();
    const session = new AnkiSession();
    const summary = await session.open(
      latestPackage(makeCollection(SQL, sampleCollection(18)), sqlite(), 3),
      'study.apkg',
      SQL,
    );
    expect(summary.media).toBe(3);
    expect(summary.samples.length).toBe(5);
    const counts = await session.write(db, choiceOf(summary), NOW);
    expect(counts).toMatchObject({ documents: 2, added: 6, existing: 0, logs: 4, skipped: 1 });
    const sources = await db.sources.toArray();
    expect(sources.map((s) => s.origin)).toEqual(sources.map((s) => `import:${s.id}`));
    expect(await db.cards.count()).toBe(6);
    // The reviews are kept as histories, a card's in one row; none as Tifa's own ratings.
    expect(await countLogs(db)).toBe(4);
    expect(await db.reviewLogs.count()).toBe(0);
    const histories = await db.histories.toArray();
    expect(histories.reduce((n, h) => n + h.logs.length, 0)).toBe(4);
    expect(new Set(histories.map((h) => h.cardId)).size).toBe(histories.length);
    for (const h of histories) expect(h.last).toEqual(h.logs[h.logs.length - 1].review);
    // Again: the same Anki notes are the same Tifa cards, their progress untouched.
    const again = await session.write(db, choiceOf(summary, false), NOW);
    expect(again).toMatchObject({ added: 0, existing: 6, logs: 0 });
    expect((await db.cards.toArray()).some((c) => c.state !== 0)).toBe(true);
    const deck = sources.find((s) => s.title === '时政数字')!;
    const removed = await deleteDocument(db, deck.id);
    expect(removed.removed).toBe(3);
    expect(await db.cards.count()).toBe(3);
    // 删除 keeps the history; the deck imported again brings its cards back, never their reviews twice.
    const back = await session.write(db, choiceOf(summary), NOW);
    expect(back).toMatchObject({ added: 3, existing: 3, logs: 0 });
    expect(await countLogs(db)).toBe(4);
    db.close();
  });

  it('a record that does not fit refuses the whole import, naming the note, and writes nothing', async () => {
    const db = freshDb();
    const col = sampleCollection();
    // A memory state no FSRS card can have: stability beyond any interval records.ts allows.
    col.cards[0].data = '{"s":5000000,"d":5}';
    const session = new AnkiSession();
    const summary = await session.open(legacyPackage(makeCollection(SQL, col)), 'bad.apkg', SQL);
    const before = await dump(db);
    await expect(session.write(db, choiceOf(summary), NOW)).rejects.toThrow(
      '第 1 条笔记：稳定度必须在 0 到 1000000 之间，没有导入任何内容。',
    );
    expect(await dump(db)).toBe(before);
    db.close();
  });
});
