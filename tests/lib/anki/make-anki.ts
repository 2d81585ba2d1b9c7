// Anki packages made in the test, never downloaded: a collection in SQLite (sql.js) with Anki's own
// tables and columns — schema 11 (note types and decks as JSON in `col`, as collection.anki2 and
// .anki21 hold them) or schema 18 (notetypes / fields / templates / decks tables with protobuf
// configs, as collection.anki21b holds it) — zipped with fflate; anki21b is zstd-compressed (a frame
// of raw blocks, which every zstd decoder reads) beside a `meta` file and a stub collection.anki2.
import { zipSync } from 'fflate';
import type { SqlJsStatic } from 'sql.js';

export interface FixtureNote {
  id: number;
  guid: string;
  mid: number;
  flds: string[];
  tags?: string;
}
export interface FixtureCard {
  id: number;
  nid: number;
  did: number;
  ord?: number;
  type?: number;
  queue?: number;
  due?: number;
  ivl?: number;
  factor?: number;
  reps?: number;
  lapses?: number;
  odid?: number;
  odue?: number;
  data?: string;
}
export interface FixtureCollection {
  crt: number;
  ver?: number;
  decks: Array<{ id: number; name: string }>;
  notetypes: Array<{ id: number; name: string; fields: string[]; kind?: 0 | 1; qfmts: string[] }>;
  notes: FixtureNote[];
  cards: FixtureCard[];
  /** [id (ms), cid, ease, ivl, type] */
  revlog?: Array<[number, number, number, number, number]>;
}

const SCHEMA11 = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null,
  dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null,
  tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null,
  usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null,
  reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null,
  flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null,
  lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);`;

// Schema 15's tables as Anki creates them (rslib/src/storage/upgrades/schema15_upgrade.sql), with its
// `unicase` collation, which sql.js lacks: made with nocase, then renamed in sqlite_master below.
const SCHEMA18 = `
create table fields (ntid integer not null, ord integer not null, name text not null collate nocase, config blob not null,
  primary key (ntid, ord)) without rowid;
create unique index idx_fields_name_ntid on fields (name, ntid);
create table templates (ntid integer not null, ord integer not null, name text not null collate nocase, mtime_secs integer not null,
  usn integer not null, config blob not null, primary key (ntid, ord)) without rowid;
create unique index idx_templates_name_ntid on templates (name, ntid);
create table notetypes (id integer not null primary key, name text not null collate nocase, mtime_secs integer not null,
  usn integer not null, config blob not null);
create unique index idx_notetypes_name on notetypes (name);
create table decks (name text not null primary key collate nocase, id integer not null, mtime_secs integer not null,
  usn integer not null, common bytes not null, kind bytes not null);
create unique index idx_decks_id on decks (id);
create table tags (tag text not null primary key collate nocase, usn integer not null, collapsed boolean not null, config blob null) without rowid;`;

const enc = new TextEncoder();
function varint(n: number): number[] {
  const out: number[] = [];
  while (n > 127) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}
/** protobuf: field 1 as a varint (NotetypeConfig.kind) */
const protoKind = (kind: number) => new Uint8Array(kind ? [0x08, ...varint(kind)] : []);
/** protobuf: field 1 as a string (CardTemplateConfig.q_format) */
const protoString = (s: string) => {
  const b = enc.encode(s);
  return new Uint8Array([0x0a, ...varint(b.length), ...b]);
};

export function makeCollection(SQL: SqlJsStatic, c: FixtureCollection): Uint8Array {
  const ver = c.ver ?? 11;
  const db = new SQL.Database();
  db.run(SCHEMA11);
  const models: Record<string, unknown> = {};
  const decks: Record<string, unknown> = {};
  if (ver >= 15) {
    db.run(SCHEMA18);
    for (const nt of c.notetypes) {
      db.run('INSERT INTO notetypes VALUES (?, ?, 0, 0, ?)', [nt.id, nt.name, protoKind(nt.kind ?? 0)]);
      nt.fields.forEach((f, i) => db.run('INSERT INTO fields VALUES (?, ?, ?, ?)', [nt.id, i, f, new Uint8Array()]));
      nt.qfmts.forEach((q, i) =>
        db.run('INSERT INTO templates VALUES (?, ?, ?, 0, 0, ?)', [nt.id, i, `Card ${i + 1}`, protoString(q)]),
      );
    }
    for (const d of c.decks)
      db.run('INSERT INTO decks VALUES (?, ?, 0, 0, ?, ?)', [
        d.name.split('::').join('\x1f'),
        d.id,
        new Uint8Array(),
        new Uint8Array(),
      ]);
  } else {
    for (const nt of c.notetypes)
      models[nt.id] = {
        id: nt.id,
        name: nt.name,
        type: nt.kind ?? 0,
        flds: nt.fields.map((name, ord) => ({ name, ord })),
        tmpls: nt.qfmts.map((qfmt, ord) => ({ name: `Card ${ord + 1}`, ord, qfmt, afmt: '{{FrontSide}}' })),
      };
    for (const d of c.decks) decks[d.id] = { id: d.id, name: d.name, dyn: 0 };
  }
  db.run('INSERT INTO col VALUES (1, ?, 0, 0, ?, 0, 0, 0, ?, ?, ?, ?, ?)', [
    c.crt,
    ver,
    '{}',
    ver >= 15 ? '' : JSON.stringify(models),
    ver >= 15 ? '' : JSON.stringify(decks),
    '{}',
    '{}',
  ]);
  // Prepared once, in one transaction: the bench writes 100,000 review log rows this way.
  const insert = (sql: string, rows: Array<Array<string | number>>) => {
    const stmt = db.prepare(sql);
    for (const row of rows) stmt.run(row);
    stmt.free();
  };
  db.run('BEGIN');
  insert(
    'INSERT INTO notes VALUES (?, ?, ?, 0, 0, ?, ?, 0, 0, 0, ?)',
    c.notes.map((n) => [n.id, n.guid, n.mid, n.tags ?? '', n.flds.join('\x1f'), '']),
  );
  insert(
    'INSERT INTO cards VALUES (?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 0, ?)',
    c.cards.map((k) => [
      k.id,
      k.nid,
      k.did,
      k.ord ?? 0,
      k.type ?? 0,
      k.queue ?? k.type ?? 0,
      k.due ?? 0,
      k.ivl ?? 0,
      k.factor ?? 0,
      k.reps ?? 0,
      k.lapses ?? 0,
      k.odue ?? 0,
      k.odid ?? 0,
      k.data ?? '',
    ]),
  );
  insert('INSERT INTO revlog VALUES (?, ?, 0, ?, ?, 0, 2500, 5000, ?)', c.revlog ?? []);
  db.run('COMMIT');
  if (ver >= 15) {
    db.run('PRAGMA writable_schema = ON');
    db.run("UPDATE sqlite_master SET sql = replace(sql, 'collate nocase', 'collate unicase')");
  }
  const bytes = db.export();
  db.close();
  return bytes;
}

/** A zstd frame of raw (uncompressed) blocks: valid zstd for any decoder. */
export function zstdRaw(data: Uint8Array): Uint8Array {
  const BLOCK = 128 * 1024;
  const parts: number[] = [0x28, 0xb5, 0x2f, 0xfd, 0xe0];
  let size = data.length;
  for (let i = 0; i < 8; i++) {
    parts.push(size % 256);
    size = Math.floor(size / 256);
  }
  const head = new Uint8Array(parts);
  const blocks: Uint8Array[] = [head];
  for (let at = 0; at < data.length || at === 0; at += BLOCK) {
    const chunk = data.subarray(at, at + BLOCK);
    const last = at + BLOCK >= data.length ? 1 : 0;
    const h = (chunk.length << 3) | last;
    blocks.push(new Uint8Array([h & 0xff, (h >> 8) & 0xff, (h >> 16) & 0xff]), chunk);
    if (!data.length) break;
  }
  const out = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
  let o = 0;
  for (const b of blocks) {
    out.set(b, o);
    o += b.length;
  }
  return out;
}

/** .apkg / .colpkg (legacy): the collection under `name`, a JSON media map and `media` files. */
export function legacyPackage(sqlite: Uint8Array, name = 'collection.anki2', media = 0): Uint8Array {
  const files: Record<string, Uint8Array> = { [name]: sqlite };
  const map: Record<string, string> = {};
  for (let i = 0; i < media; i++) {
    map[i] = `img${i}.png`;
    files[String(i)] = new Uint8Array([0x89, 0x50, 0x4e, 0x47, i]);
  }
  files.media = enc.encode(JSON.stringify(map));
  return zipSync(files);
}

/** The newest package: collection.anki21b (zstd), `meta` (version 3, protobuf), a stub collection.anki2. */
export function latestPackage(sqlite: Uint8Array, stub: Uint8Array, media = 0): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'collection.anki2': stub,
    'collection.anki21b': zstdRaw(sqlite),
    meta: new Uint8Array([0x08, 0x03]),
    media: zstdRaw(new Uint8Array()),
  };
  for (let i = 0; i < media; i++) files[String(i)] = zstdRaw(new Uint8Array([1, 2, 3, i]));
  return zipSync(files);
}
