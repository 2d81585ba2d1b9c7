// The .apkg file: the collection written by SQLite itself (sql.js, WebAssembly packaged with the
// extension) and zipped with fflate, beside the `media` map "{}" (no media files).
import { strToU8, zipSync } from 'fflate';
import type { Database, SqlJsStatic } from 'sql.js';
import type { AnkiRows } from './map';
import { COLLECTION_FILE, SCHEMA11_INDEXES_SQL, SCHEMA11_SQL } from './schema';

export interface WriteProgress {
  done: number;
  total: number;
}

/** Rows per INSERT: each statement run costs sql.js a round of binding, stepping and resetting; 20 rows halve it. */
const BATCH = 20;

function insertAll<T>(
  db: Database,
  table: string,
  width: number,
  rows: T[],
  values: (row: T) => (string | number)[],
  tick: (n: number) => void,
): void {
  const tuple = `(${Array(width).fill('?').join(',')})`;
  const many = db.prepare(`insert into ${table} values ${Array(BATCH).fill(tuple).join(',')}`);
  const one = db.prepare(`insert into ${table} values ${tuple}`);
  try {
    let i = 0;
    for (; i + BATCH <= rows.length; i += BATCH) {
      const bound: (string | number)[] = [];
      for (let k = i; k < i + BATCH; k++) bound.push(...values(rows[k]));
      many.run(bound);
      tick(BATCH);
    }
    for (; i < rows.length; i++) {
      one.run(values(rows[i]));
      tick(1);
    }
  } finally {
    many.free();
    one.free();
  }
}

/** The collection's SQLite bytes (schema 11). */
export function writeCollection(SQL: SqlJsStatic, rows: AnkiRows, onProgress?: (p: WriteProgress) => void): Uint8Array {
  const db = new SQL.Database();
  try {
    db.run(SCHEMA11_SQL);
    const total = rows.notes.length + rows.cards.length + rows.revlog.length;
    let done = 0;
    let reported = 0;
    const tick = (n: number) => {
      done += n;
      if (onProgress && done - reported >= 5000) onProgress({ done: (reported = done), total });
    };
    db.run('begin');
    const c = rows.col;
    db.run('insert into col values (1,?,?,?,?,0,0,0,?,?,?,?,?)', [
      c.crt,
      c.mod,
      c.scm,
      c.ver,
      c.conf,
      c.models,
      c.decks,
      c.dconf,
      c.tags,
    ]);
    insertAll(
      db,
      'notes',
      11,
      rows.notes,
      (n) => [n.id, n.guid, n.mid, n.mod, n.usn, n.tags, n.flds, n.sfld, n.csum, n.flags, n.data],
      tick,
    );
    insertAll(
      db,
      'cards',
      18,
      rows.cards,
      (k) => [
        k.id,
        k.nid,
        k.did,
        k.ord,
        k.mod,
        k.usn,
        k.type,
        k.queue,
        k.due,
        k.ivl,
        k.factor,
        k.reps,
        k.lapses,
        k.left,
        k.odue,
        k.odid,
        k.flags,
        k.data,
      ],
      tick,
    );
    insertAll(
      db,
      'revlog',
      9,
      rows.revlog,
      (r) => [r.id, r.cid, r.usn, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type],
      tick,
    );
    db.run(SCHEMA11_INDEXES_SQL);
    db.run('commit');
    onProgress?.({ done: total, total });
    return db.export();
  } finally {
    db.close();
  }
}

/** The .apkg: a zip with the collection and an empty media map (level 1: a third of level 6's time, ~15% larger). */
export function packageApkg(collection: Uint8Array): Uint8Array {
  return zipSync({ [COLLECTION_FILE]: [collection, { level: 1 }], media: [strToU8('{}'), { level: 0 }] });
}
