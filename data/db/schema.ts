// The one Dexie schema. Versions are only ever added: a user's database written by any earlier
// version must open, keep its data and get defaults filled by that version's upgrade().
import Dexie, { type DexieOptions, type Table } from 'dexie';
import { DB_NAME } from './name';
import type { Card, Conflict, Note, Source } from '../knowledge/types';
import type { SrsLog, SrsState } from '../srs/scheduler';
import type { Verdict } from '../knowledge/suspect';
import type { SyncStateRow } from './sync-state';

/** Which deck a row came from, so syncing the bundled deck never retires a user's own imports. */
export type Origin = string;
export const BUNDLED: Origin = 'bundled';

export interface SourceRow extends Source {
  origin: Origin;
}

export interface NoteRow extends Note {
  origin: Origin;
  sourceIds: string[];
  retired: 0 | 1;
}

export interface CardRow extends Card {
  origin: Origin;
  sourceIds: string[];
  fsrs: SrsState;
  /** Mirrors of fsrs.due / fsrs.state, top-level so they can be indexed. */
  due: Date;
  state: number;
  // IndexedDB cannot index booleans, hence 0 | 1.
  suspended: 0 | 1;
  retired: 0 | 1;
  leech: boolean;
  /** User edits, kept apart from deck content so a deck update never overwrites them. */
  edited?: { prompt?: string; answer?: string };
  /**
   * When the user asked to learn this card now ("加入学习" on a page), ms since 1970; such new
   * cards come first among today's new cards, beyond the daily limit. Indexed (schema v4);
   * absent on every other card, so the index holds only these few.
   */
  wanted?: number;
  /**
   * The user's decision on a card the deck holds back as 待核实 (`held`): kept apart from deck content
   * so a deck update never undoes it. Absent until the user decides.
   */
  verdict?: Verdict;
  /** How often the note was met on web pages (added in schema version 2). */
  seen: { count: number; last?: Date };
  addedAt: Date;
}

export interface ReviewLogRow extends SrsLog {
  id?: number;
  cardId: string;
  noteId: string;
  /** Sync (schema v7): the rating's global id, device/local id, once pushed or when received. */
  uid?: string;
}

/**
 * Reviews brought in from elsewhere (an Anki import; schema v9): one row per card per import,
 * written once and never changed. Tifa's own ratings stay one row each in `reviewLogs` (each is
 * undone, synced and counted on its own); a big import's 100,000 reviews fit in 10,000 rows here,
 * which the browser writes three times as fast. data/db/logs.ts reads both as one history.
 */
export interface HistoryRow {
  id?: number;
  cardId: string;
  noteId: string;
  /** Oldest first. */
  logs: SrsLog[];
  /** The newest log's review time: indexed, so the reviews of a period are found from it. */
  last: Date;
  /** Sync: the row's global id (device/h + local id), once pushed or when received. */
  uid?: string;
}

export interface ConflictRow extends Conflict {
  origin: Origin;
  resolved: 0 | 1;
  /** One of `values`, or 'both' when the user keeps both. */
  choice?: string;
  resolvedAt?: Date;
  retired: 0 | 1;
}

/** An imported document's extracted text (schema v5): 重新导入 and later conflict checks read it. */
export interface TextRow {
  /** The Source.id */
  id: string;
  text: string;
  /** hash64 of the text, to find a document imported twice. */
  hash: string;
  format: string;
  file: string;
  importedAt: Date;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface QuizRow {
  id?: number;
  at: Date;
  total: number;
  correct: number;
  cardIds: string[];
  // Added by the quiz page (issue 6); optional, so rows of earlier versions still read.
  /** normal | weak (今天的薄弱项) | challenge (挑战答题) */
  mode?: 'normal' | 'weak' | 'challenge';
  /** Cards answered wrong. */
  missedIds?: string[];
  /** 挑战答题: right answers in a row before the first wrong one. */
  streak?: number;
  /** Whether the answers counted as FSRS reviews (计入复习). */
  counted?: boolean;
  /** The documents the quiz was drawn from; empty or absent = every document. */
  sourceIds?: string[];
}

/** One question of a finished quiz as it was asked and answered (schema v7): 学习中心 → 测验 shows them again. */
export interface QuizAnswerRow {
  id?: number;
  quizId: number;
  /** Position in the quiz, from 0. */
  index: number;
  cardId: string;
  kind: 'single' | 'judge' | 'multi' | 'fill';
  prompt: string;
  options?: string[];
  /** The right answer in words. */
  answer: string;
  /** What the user typed or picked, in words ('' when nothing). */
  response: string;
  verdict: 'right' | 'close' | 'wrong';
  note?: string;
}

const V1 = {
  sources: 'id',
  notes: 'id, kind, *sourceIds',
  cards: 'id, noteId, kind, due, state, suspended, retired, *sourceIds',
  reviewLogs: '++id, cardId, review, [cardId+review]',
  conflicts: 'id, resolved',
  settings: 'key',
};

/** Exported so the upgrade test can write a database exactly as version 1 did. */
export const SCHEMA_V1 = V1;

export class TifaDB extends Dexie {
  sources!: Table<SourceRow, string>;
  notes!: Table<NoteRow, string>;
  cards!: Table<CardRow, string>;
  reviewLogs!: Table<ReviewLogRow, number>;
  conflicts!: Table<ConflictRow, string>;
  settings!: Table<SettingRow, string>;
  quizzes!: Table<QuizRow, number>;
  texts!: Table<TextRow, string>;
  quizAnswers!: Table<QuizAnswerRow, number>;
  syncState!: Table<SyncStateRow, string>;
  histories!: Table<HistoryRow, number>;

  constructor(name: string, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(V1);
    // v2: quiz results, and page sightings on cards (the content script's "seen on a page").
    this.version(2)
      .stores({ quizzes: '++id, at' })
      .upgrade((tx) =>
        tx
          .table('cards')
          .toCollection()
          .modify((card: Partial<CardRow>) => {
            card.seen ??= { count: 0 };
          }),
      );
    // v3: new cards by importance and reviews by due date, so the popup reads the day's few
    // candidates instead of every card.
    this.version(3).stores({
      cards: 'id, noteId, kind, due, state, suspended, retired, *sourceIds, [state+importance], [state+due]',
    });
    // v4: the few cards the user asked to learn now ("加入学习"), so today's queue finds them.
    this.version(4).stores({
      cards: 'id, noteId, kind, due, state, suspended, retired, *sourceIds, [state+importance], [state+due], wanted',
    });
    // v5: imported documents' text, found again by content hash (a document imported twice).
    this.version(5).stores({ texts: 'id, hash' });
    // v6: the cards held back as 待核实 (`held`, the suspect document's id), so the dashboard lists
    // them without reading every card. Absent on every other card; the next deck sync sets it.
    this.version(6).stores({
      cards:
        'id, noteId, kind, due, state, suspended, retired, *sourceIds, [state+importance], [state+due], wanted, held',
    });
    // v7: each finished quiz's questions and answers, so 学习中心 → 测验 shows the missed ones again.
    this.version(7).stores({ quizAnswers: '++id, quizId' });
    // v8: sync (docs/sync.md): ratings found by their global id, and this device's sync bookkeeping
    // (device-local: never in a backup, emptied with the rest by 清除全部数据 or a restore).
    this.version(8).stores({ reviewLogs: '++id, cardId, review, [cardId+review], uid', syncState: 'key' });
    // v9: reviews imported from Anki, a card's in one row (HistoryRow): nothing earlier moves.
    this.version(9).stores({ histories: '++id, cardId, last, uid' });
  }
}

export interface DbDeps {
  indexedDB: NonNullable<DexieOptions['indexedDB']>;
  IDBKeyRange: NonNullable<DexieOptions['IDBKeyRange']>;
}

/** Tests pass fake-indexeddb's IDBFactory here; the extension uses the browser's. */
export function openDb(name = DB_NAME, deps?: DbDeps): TifaDB {
  return new TifaDB(name, deps ? { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange } : undefined);
}

let shared: TifaDB | undefined;

/** The extension's one instance, created on first use (never at import: WXT imports entrypoints in Node). */
export function getDb(): TifaDB {
  return (shared ??= openDb());
}

/**
 * Lazy handle on the shared instance: nothing is constructed until a property is read.
 * Methods are bound to the real instance; own properties (tables, `on`) are passed through.
 */
export const db: TifaDB = new Proxy({} as TifaDB, {
  get(_target, prop) {
    const real = getDb();
    const value = Reflect.get(real, prop, real);
    if (typeof value === 'function' && !Object.prototype.hasOwnProperty.call(real, prop)) {
      return value.bind(real);
    }
    return value;
  },
});
