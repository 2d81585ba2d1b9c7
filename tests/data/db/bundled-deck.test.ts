// The store is the deck's one home: after a fresh install it holds exactly what `npm run deck`
// prints, and the term index built from it equals the one built from the deck's own terms; a
// note written later (as an import writes it) is in the index, a retired one is not.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { syncDeck } from '../../../data/db/deck-sync';
import { clearAllData } from '../../../data/db/dashboard';
import type { TifaDB } from '../../../data/db/schema';
import { termIndexFromDb } from '../../../data/db/term-index';
import { buildTermIndex } from '../../../data/match/index-terms';
import { highlightTerms } from '../../../data/knowledge/highlight-terms';
import type { Card, Deck, Note } from '../../../data/knowledge/types';
import { freshDb, T0 } from './helpers';

const ROOT = join(import.meta.dirname, '../../..');
let printed: Deck;
let db: TifaDB;

beforeAll(() => {
  // Literally what the command prints: the same engine, the same files, the same order.
  printed = JSON.parse(
    execFileSync('npm', ['run', '--silent', 'deck'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 }),
  ) as Deck;
}, 120_000);

beforeEach(() => {
  db = freshDb();
});

/** A row with only the fields a deck owns (the store adds origin, progress and bookkeeping). */
function deckFields<T extends object>(row: T, like: object): Partial<T> {
  return Object.fromEntries(Object.keys(like).map((k) => [k, (row as Record<string, unknown>)[k]])) as Partial<T>;
}

const byId = <T extends { id: string }>(rows: T[]) =>
  [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

async function expectStoreHolds(deck: Deck) {
  const [sources, notes, cards, conflicts] = await Promise.all([
    db.sources.toArray(),
    db.notes.toArray(),
    db.cards.toArray(),
    db.conflicts.toArray(),
  ]);
  expect(sources.map(({ origin: _o, ...s }) => s)).toEqual(byId(deck.sources));
  expect(notes.map((n, i) => deckFields(n, byId(deck.notes)[i]))).toEqual(byId(deck.notes));
  // Every field of every card, including the keys the deck leaves out (none may appear in the store).
  const deckCards = byId(deck.cards);
  expect(cards.map((c, i) => deckFields(c, deckCards[i]))).toEqual(deckCards);
  expect(conflicts.map((c, i) => deckFields(c, byId(deck.conflicts)[i]))).toEqual(byId(deck.conflicts));
  expect(notes.every((n) => n.retired === 0) && cards.every((c) => c.retired === 0 && c.suspended === 0)).toBe(true);
}

describe('the bundled deck in the store', () => {
  it('a fresh install holds exactly what `npm run deck` prints', async () => {
    expect(printed.cards.length).toBeGreaterThan(500);
    await syncDeck(db, printed, T0);
    await expectStoreHolds(printed);
  });

  it('the term index built from the store equals the one built from the deck’s terms', async () => {
    await syncDeck(db, printed, T0);
    const fromDb = await termIndexFromDb(db);
    expect(fromDb).toEqual(buildTermIndex(printed.terms));
    // Traditional forms travel with the notes: the index still finds 兩不愁三保障.
    expect(fromDb.patterns).toContain('兩不愁三保障');
    // Notes whose every card is held back (待核实) light up nowhere.
    const live = new Set(printed.cards.filter((c) => !c.held).map((c) => c.noteId));
    const heldOnly = printed.notes.filter((n) => !live.has(n.id) && printed.cards.some((c) => c.noteId === n.id));
    expect(heldOnly.length).toBeGreaterThan(0);
    expect(printed.terms).toEqual(highlightTerms(printed.notes.filter((n) => !heldOnly.includes(n))));
  });

  it('清除全部数据 leaves the bundled deck installed afresh, and nothing else', async () => {
    await syncDeck(db, printed, T0);
    await db.cards.update(printed.cards[0].id, { state: 2 });
    await db.settings.put({ key: 'limits', value: { newPerDay: 5 } });
    await syncDeck(db, importedDeck(), T0, 'import:report-2025');
    await clearAllData(db, { deck: printed, now: T0 });
    await expectStoreHolds(printed);
    expect(await db.settings.count()).toBe(0);
    expect(await db.reviewLogs.count()).toBe(0);
  });
});

/** A document imported later: one formulation and one term that the bundled deck does not have. */
function importedDeck(): Deck {
  const source = { id: 'import-2025', file: '2025年政府工作报告.txt', title: '2025年政府工作报告', date: '2025-03-05' };
  const quote = '坚持“三个不动摇”：思想不动摇、方向不动摇、力度不动摇。';
  const notes: Note[] = [
    {
      id: 'formulation:import-three',
      kind: 'formulation',
      name: '三个不动摇',
      members: ['思想不动摇', '方向不动摇', '力度不动摇'],
      evidence: [{ source: source.id, quote }],
      importance: 0.9,
      variants: { 三个不动摇: ['三個不動搖'] },
    },
    {
      id: 'term:import-new-quality',
      kind: 'term',
      name: '新质生产力',
      evidence: [{ source: source.id, quote: '发展新质生产力。' }],
      importance: 0.6,
    },
  ];
  const cards: Card[] = [
    {
      id: 'card:import-three',
      noteId: notes[0].id,
      kind: 'formulation-list',
      prompt: '“三个不动摇”是哪三个？',
      answer: '思想不动摇、方向不动摇、力度不动摇',
      evidence: [{ source: source.id, quote }],
      importance: 0.9,
    },
  ];
  return { version: 1, sources: [source], notes, cards, conflicts: [], terms: highlightTerms(notes) };
}

describe('a note written to the store later', () => {
  it('is in the term index, with its traditional form; the bundled terms stay', async () => {
    await syncDeck(db, printed, T0);
    const before = await termIndexFromDb(db);
    expect(before.patterns).not.toContain('三个不动摇');

    await syncDeck(db, importedDeck(), T0, 'import:report-2025');
    const after = await termIndexFromDb(db);
    for (const text of ['三个不动摇', '三個不動搖', '思想不动摇', '新质生产力'])
      expect(after.patterns, text).toContain(text);
    expect(after.noteIds[after.patterns.indexOf('三个不动摇')]).toEqual(['formulation:import-three']);
    expect(after.patterns).toEqual(expect.arrayContaining(before.patterns));
  });

  it('leaves the index once its document retires it', async () => {
    await syncDeck(db, importedDeck(), T0, 'import:report-2025');
    const shorter = importedDeck();
    shorter.notes = shorter.notes.slice(0, 1);
    await syncDeck(db, shorter, T0, 'import:report-2025');
    const index = await termIndexFromDb(db);
    expect(index.patterns).toContain('三个不动摇');
    expect(index.patterns).not.toContain('新质生产力');
  });
});
