// Reads an Anki collection (SQLite, through sql.js) into plain data. Two layouts:
// - schema 11 (collection.anki2 / .anki21): note types and decks are JSON in the `col` row;
// - schema 15–20 (collection.anki21b, Anki 2.1.28+ inside): tables notetypes / fields / templates /
//   decks, their configs protobuf, deck levels joined by \x1f.
// Notes' `flds` are the fields joined by \x1f; cards.data holds the FSRS memory state {"s","d","lrt"}.
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { htmlToMarkedText, htmlToMembers, htmlToText } from './read-html';
import { isTifaNotetype } from './read-tifa';
import {
  ANKI_LIMITS,
  AnkiError,
  ankiError,
  type AnkiCardRow,
  type AnkiCollection,
  type AnkiDeck,
  type AnkiNote,
  type AnkiNotetype,
  type AnkiRevlog,
} from './read-types';

/** Schema 11 (Anki 2.1's files) to 20 (Anki 25.x): what the columns read here have in common. */
const SUPPORTED = (ver: number) => ver >= 11 && ver <= 20;

function rows(db: Database, sql: string): SqlValue[][] {
  const out: SqlValue[][] = [];
  const stmt = db.prepare(sql);
  try {
    while (stmt.step()) out.push(stmt.get());
  } finally {
    stmt.free();
  }
  return out;
}

const num = (v: SqlValue): number =>
  typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
const str = (v: SqlValue): string =>
  typeof v === 'string' ? v : v == null ? '' : v instanceof Uint8Array ? new TextDecoder().decode(v) : String(v);

/** The field names a template's question side shows, in order ({{Front}}, {{cloze:Text}}, {{text:Back}}). */
export function questionFields(qfmt: string, fields: string[]): string[] {
  const out: string[] = [];
  for (const m of qfmt.matchAll(/\{\{([^}]+)\}\}/g)) {
    const inner = m[1].trim();
    if (/^[#^/!]/.test(inner)) continue;
    const name = inner.split(':').pop()!.trim();
    if (fields.includes(name) && !out.includes(name)) out.push(name);
  }
  return out;
}

/** Field `no` of a protobuf message: a varint's value or a length-delimited field's bytes. */
function protoField(buf: Uint8Array, no: number): number | Uint8Array | undefined {
  let i = 0;
  const varint = () => {
    let v = 0;
    let mul = 1;
    for (;;) {
      if (i >= buf.length) throw new Error('truncated');
      const b = buf[i++];
      v += (b & 0x7f) * mul;
      if (!(b & 0x80)) return v;
      mul *= 128;
    }
  };
  while (i < buf.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wire = key & 7;
    let value: number | Uint8Array;
    if (wire === 0) value = varint();
    else if (wire === 2) {
      const len = varint();
      value = buf.subarray(i, i + len);
      i += len;
    } else if (wire === 1) i += 8;
    else if (wire === 5) i += 4;
    else throw new Error('bad wire type');
    if (field === no && (wire === 0 || wire === 2)) return value!;
  }
  return undefined;
}

function legacyMeta(modelsJson: string, decksJson: string): { notetypes: AnkiNotetype[]; decks: AnkiDeck[] } {
  const models = JSON.parse(modelsJson) as Record<
    string,
    {
      id?: number;
      name?: string;
      type?: number;
      flds?: { name: string; ord?: number }[];
      tmpls?: { ord?: number; qfmt?: string }[];
    }
  >;
  const decks = JSON.parse(decksJson) as Record<string, { id?: number; name?: string }>;
  return {
    notetypes: Object.entries(models).map(([key, m]) => {
      const fields = [...(m.flds ?? [])].sort((a, b) => (a.ord ?? 0) - (b.ord ?? 0)).map((f) => String(f.name));
      const tmpls = [...(m.tmpls ?? [])].sort((a, b) => (a.ord ?? 0) - (b.ord ?? 0));
      return {
        id: Number(m.id ?? key),
        name: String(m.name ?? key),
        fields,
        kind: m.type === 1 ? 1 : 0,
        templates: tmpls.map((t) => questionFields(String(t.qfmt ?? ''), fields)),
      };
    }),
    decks: Object.entries(decks).map(([key, d]) => ({ id: Number(d.id ?? key), name: String(d.name ?? key) })),
  };
}

function tableMeta(db: Database): { notetypes: AnkiNotetype[]; decks: AnkiDeck[] } {
  const fieldRows = rows(db, 'SELECT ntid, ord, name FROM fields ORDER BY ntid, ord');
  const templateRows = rows(db, 'SELECT ntid, ord, config FROM templates ORDER BY ntid, ord');
  const notetypes = rows(db, 'SELECT id, name, config FROM notetypes').map(([id, name, config]): AnkiNotetype => {
    const fields = fieldRows.filter((f) => f[0] === id).map((f) => str(f[2]));
    const kind = config instanceof Uint8Array ? protoField(config, 1) : undefined;
    const templates = templateRows
      .filter((t) => t[0] === id)
      .map((t) => {
        const q = t[2] instanceof Uint8Array ? protoField(t[2], 1) : undefined;
        return questionFields(q instanceof Uint8Array ? new TextDecoder().decode(q) : '', fields);
      });
    return { id: num(id), name: str(name), fields, kind: kind === 1 ? 1 : 0, templates };
  });
  const decks = rows(db, 'SELECT id, name FROM decks').map(([id, name]) => ({
    id: num(id),
    name: str(name).split('\x1f').join('::'),
  }));
  return { notetypes, decks };
}

function cardData(data: string): Pick<AnkiCardRow, 'stability' | 'difficulty' | 'lastReview'> {
  if (!data || data === '{}') return {};
  try {
    const d = JSON.parse(data) as { s?: unknown; d?: unknown; lrt?: unknown };
    const out: Pick<AnkiCardRow, 'stability' | 'difficulty' | 'lastReview'> = {};
    if (
      typeof d.s === 'number' &&
      d.s > 0 &&
      Number.isFinite(d.s) &&
      typeof d.d === 'number' &&
      d.d >= 1 &&
      d.d <= 10
    ) {
      out.stability = d.s;
      out.difficulty = d.d;
    }
    if (typeof d.lrt === 'number' && d.lrt > 0) out.lastReview = d.lrt;
    return out;
  } catch {
    // Anki itself treats invalid data as empty (rslib/src/storage/card/data.rs).
    return {};
  }
}

function readAll(db: Database): Omit<AnkiCollection, 'media' | 'file'> {
  const col = rows(db, 'SELECT ver, crt, models, decks FROM col LIMIT 1')[0];
  if (!col) throw ankiError('damaged');
  const version = num(col[0]);
  if (!SUPPORTED(version)) throw ankiError('version');
  const count = (table: string) => num(rows(db, `SELECT count(*) FROM ${table}`)[0][0]);
  if (count('notes') > ANKI_LIMITS.notes || count('cards') > ANKI_LIMITS.cards || count('revlog') > ANKI_LIMITS.revlog)
    throw ankiError('too-large');
  const hasTables = rows(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'notetypes'").length > 0;
  const meta = hasTables ? tableMeta(db) : legacyMeta(str(col[2]) || '{}', str(col[3]) || '{}');

  const tifaTypes = new Set(meta.notetypes.filter(isTifaNotetype).map((nt) => nt.id));
  const notes = rows(db, 'SELECT id, guid, mid, tags, flds FROM notes ORDER BY id').map(
    ([id, guid, mid, tags, flds]): AnkiNote => {
      const note: AnkiNote = {
        id: num(id),
        guid: str(guid),
        mid: num(mid),
        fields: str(flds).split('\x1f').map(htmlToText),
        tags: str(tags).split(/\s+/).filter(Boolean),
      };
      if (!tifaTypes.has(note.mid)) return note;
      // Tifa's 原文 (field 3) marks the answer in <b>: read back as spans; 成员 (field 5) lists a list card's members.
      const raw = str(flds).split('\x1f');
      const quote = htmlToMarkedText(raw[2] ?? '');
      const members = htmlToMembers(raw[4] ?? '');
      note.fields[2] = quote.text;
      return {
        ...note,
        ...(quote.marks.length ? { quoteMarks: quote.marks } : {}),
        ...(members.length ? { members } : {}),
      };
    },
  );
  const cards = rows(
    db,
    'SELECT id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses, odid, odue, data FROM cards ORDER BY nid, ord',
  ).map(([id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses, odid, odue, data]): AnkiCardRow => {
    const filtered = num(odid) !== 0;
    return {
      id: num(id),
      nid: num(nid),
      did: filtered ? num(odid) : num(did),
      ord: num(ord),
      type: num(type),
      queue: num(queue),
      due: filtered && num(odue) !== 0 ? num(odue) : num(due),
      ivl: num(ivl),
      factor: num(factor),
      reps: num(reps),
      lapses: num(lapses),
      ...cardData(str(data)),
    };
  });
  const revlog = rows(db, 'SELECT id, cid, ease, ivl, type FROM revlog ORDER BY cid, id').map(
    ([id, cid, ease, ivl, type]): AnkiRevlog => ({
      id: num(id),
      cid: num(cid),
      ease: num(ease),
      ivl: num(ivl),
      type: num(type),
    }),
  );
  return { version, created: num(col[1]), ...meta, notes, cards, revlog };
}

/** The collection in `sqlite`, read with sql.js; an AnkiError (in Chinese) for anything it cannot read. */
export function readCollection(SQL: SqlJsStatic, sqlite: Uint8Array): Omit<AnkiCollection, 'media' | 'file'> {
  let db: Database | undefined;
  try {
    db = new SQL.Database(sqlite);
    // Schema 15+ declares Anki's own `unicase` collation, which sql.js lacks: SQLite refuses to plan a
    // query on fields / templates without it. This copy (never written back) gets `nocase` instead;
    // SQLite reads the rewritten schema when the database is opened again.
    if (rows(db, "SELECT 1 FROM sqlite_master WHERE sql LIKE '%collate unicase%' LIMIT 1").length) {
      db.run('PRAGMA writable_schema = ON');
      db.run(
        "UPDATE sqlite_master SET sql = replace(sql, 'collate unicase', 'collate nocase') WHERE sql LIKE '%collate unicase%'",
      );
      const patched = db.export();
      db.close();
      db = new SQL.Database(patched);
    }
    return readAll(db);
  } catch (err) {
    if (err instanceof AnkiError) throw err;
    // "file is not a database", "database disk image is malformed", "no such table", bad JSON …
    throw ankiError('damaged');
  } finally {
    db?.close();
  }
}
