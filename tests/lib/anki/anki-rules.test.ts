// One test per rule of Anki's that the exported collection must meet. Each names where ankitects/anki
// states the rule (file and function); a collection that breaks one is repaired, renumbered or
// refused by Anki's import or its database check (Tools → Check Database).
import { createHash } from 'node:crypto';
import type { Database } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIELD_NAMES } from '../../../lib/anki/template';
import { BEIJING, NOW, exportOf, loadSql } from './fixture';

let db: Database;
let files: Record<string, Uint8Array>;
const all = (sql: string) => {
  const [res] = db.exec(sql);
  return res ? res.values.map((v) => Object.fromEntries(res.columns.map((c, i) => [c, v[i]]))) : [];
};
const one = (sql: string) => all(sql)[0];
const colJson = (column: string) =>
  JSON.parse(String(one(`select ${column} from col`)[column])) as Record<string, Record<string, unknown>>;

beforeAll(async () => {
  const out = await exportOf();
  files = out.files;
  db = new (await loadSql()).Database(files['collection.anki21']);
});

describe("Anki's rules, each checked on an exported collection", () => {
  it('rslib/src/storage/schema11.sql: the five tables with exactly its columns, and its indexes', () => {
    const cols = (t: string) => all(`pragma table_info(${t})`).map((r) => r.name);
    expect(cols('col')).toEqual([
      'id',
      'crt',
      'mod',
      'scm',
      'ver',
      'dty',
      'usn',
      'ls',
      'conf',
      'models',
      'decks',
      'dconf',
      'tags',
    ]);
    expect(cols('notes')).toEqual(['id', 'guid', 'mid', 'mod', 'usn', 'tags', 'flds', 'sfld', 'csum', 'flags', 'data']);
    expect(cols('cards')).toEqual([
      'id',
      'nid',
      'did',
      'ord',
      'mod',
      'usn',
      'type',
      'queue',
      'due',
      'ivl',
      'factor',
      'reps',
      'lapses',
      'left',
      'odue',
      'odid',
      'flags',
      'data',
    ]);
    expect(cols('revlog')).toEqual(['id', 'cid', 'usn', 'ease', 'ivl', 'lastIvl', 'factor', 'time', 'type']);
    expect(cols('graves')).toEqual(['usn', 'oid', 'type']);
    const indexes = all("select name from sqlite_master where type = 'index' order by name").map((r) => r.name);
    expect(indexes).toEqual([
      'ix_cards_nid',
      'ix_cards_sched',
      'ix_cards_usn',
      'ix_notes_csum',
      'ix_notes_usn',
      'ix_revlog_cid',
      'ix_revlog_usn',
    ]);
    expect(all('select id, ver from col')).toEqual([{ id: 1, ver: 11 }]);
  });

  it('rslib/src/import_export/package/meta.rs Meta::from_archive: no meta file + collection.anki21 → Legacy2 (schema 11, not zstd), media a JSON map', () => {
    expect(files.meta).toBeUndefined();
    expect(files['collection.anki21']).toBeDefined();
    // Not zstd (Latest only): an SQLite file starts with its magic string.
    expect(new TextDecoder().decode(files['collection.anki21'].slice(0, 15))).toBe('SQLite format 3');
    expect(JSON.parse(new TextDecoder().decode(files.media))).toEqual({});
  });

  it('rslib/src/storage/card/data.rs CardData::convert_to_json: FSRS memory in cards.data as s, d (3 places), dr (2 places)', () => {
    const rows = all('select type, data from cards');
    for (const r of rows) {
      const data = JSON.parse(String(r.data)) as Record<string, number>;
      if (r.type === 0) {
        expect(data).toEqual({});
        continue;
      }
      expect(Object.keys(data).sort()).toEqual(['d', 'dr', 's']);
      expect(data.s).toBe(Math.round(data.s * 1000) / 1000);
      expect(data.d).toBe(Math.round(data.d * 1000) / 1000);
      expect(data.dr).toBe(Math.round(data.dr * 100) / 100);
      // rslib/src/card/mod.rs FsrsMemoryState: difficulty in 1–10, stability in days > 0.
      expect(data.d).toBeGreaterThanOrEqual(1);
      expect(data.d).toBeLessThanOrEqual(10);
      expect(data.s).toBeGreaterThan(0);
    }
  });

  it('rslib/src/storage/card/fix_due_new.sql (check_card_properties): new cards have a position below 1,000,000', () => {
    const rows = all('select due from cards where type = 0');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(Number(r.due)).toBeLessThan(1_000_000);
  });

  it('rslib/src/storage/card/fix_due_other.sql: review-queue due is a day number ≤ 100,000, every due an i32', () => {
    for (const r of all('select queue, due from cards')) {
      expect(Number.isInteger(r.due)).toBe(true);
      expect(Math.abs(Number(r.due))).toBeLessThanOrEqual(2_147_483_647);
      if (r.queue === 2 || r.queue === 3) expect(Number(r.due)).toBeLessThanOrEqual(100_000);
    }
  });

  it('rslib/src/import_export/package/apkg/import/cards.rs shift_collection_relative_dates: crt starts a study day, review due counts days from it', () => {
    const { crt, conf } = one('select crt, conf from col');
    const config = JSON.parse(String(conf)) as { rollover: number; creationOffset: number; schedVer: number };
    expect(config).toMatchObject({ rollover: 4, creationOffset: BEIJING, schedVer: 2 });
    // 04:00 in Beijing: the importer moves every day-counted due by the difference of the two collections' days.
    expect((Number(crt) - BEIJING * 60 - 4 * 3600) % 86_400).toBe(0);
    const nowDay = Math.floor((NOW.getTime() / 1000 - Number(crt)) / 86_400);
    for (const r of all('select due, ivl from cards where queue = 2')) {
      expect(Number(r.due)).toBeGreaterThanOrEqual(0);
      expect(Number(r.due)).toBeLessThanOrEqual(nowDay + Number(r.ivl));
    }
  });

  it('rslib/src/storage/card/fix_ivl.sql: ivl a whole number of days ≥ 0', () => {
    for (const r of all('select ivl from cards')) {
      expect(Number.isInteger(r.ivl)).toBe(true);
      expect(Number(r.ivl)).toBeGreaterThanOrEqual(0);
    }
  });

  it('rslib/src/storage/card/fix_odue.sql and dbcheck.rs check_filtered_cards: no card in a filtered deck (odue = odid = 0)', () => {
    expect(one('select count(*) as n from cards where odue != 0 or odid != 0').n).toBe(0);
  });

  it('rslib/src/storage/revlog/fix_props.sql (check_revlog): ivl and lastIvl integers, time an integer ≥ 0', () => {
    const rows = all('select ivl, lastIvl, time from revlog');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      for (const v of [r.ivl, r.lastIvl, r.time]) expect(Number.isInteger(v)).toBe(true);
      expect(Number(r.time)).toBeGreaterThanOrEqual(0);
    }
  });

  it('rslib/src/storage/dbcheck/invalid_ids_count.sql (has_invalid_ids): no note, card or revlog id lies in the future', () => {
    const cutoff = NOW.getTime();
    const n = one(
      `select (select count(*) from notes where id > ${cutoff}) + (select count(*) from cards where id > ${cutoff}) + (select count(*) from revlog where id > ${cutoff}) as n`,
    );
    expect(n.n).toBe(0);
  });

  it('rslib/src/revlog/mod.rs RevlogEntry: ease 0–4 (0 manual), type a RevlogReviewKind, a learning row first, ids unique', () => {
    const rows = all('select id, cid, ease, type, ivl from revlog order by cid, id');
    for (const r of rows) {
      expect([0, 1, 2, 3, 4]).toContain(r.ease);
      expect([0, 1, 2, 3, 4]).toContain(r.type);
    }
    // Every card's history starts with the learning step of a new card (the FSRS optimizer relies on it).
    const firsts = new Map<unknown, unknown>();
    for (const r of rows) if (!firsts.has(r.cid)) firsts.set(r.cid, r.type);
    for (const type of firsts.values()) expect(type).toBe(0);
    // Positive ivl is days (a review row afterwards), negative seconds (still learning).
    expect(rows.some((r) => Number(r.ivl) > 0)).toBe(true);
    expect(rows.some((r) => Number(r.ivl) < 0)).toBe(true);
  });

  it('rslib/src/dbcheck.rs check_orphaned_cards and check_missing_deck_ids: every card has its note and a deck that exists', () => {
    expect(one('select count(*) as n from cards where nid not in (select id from notes)').n).toBe(0);
    const decks = colJson('decks');
    for (const r of all('select distinct did from cards')) expect(decks[String(r.did)]).toBeDefined();
  });

  it('rslib/src/dbcheck.rs remove_duplicate_card_ordinals / remove_cards_without_template: one card per note and template', () => {
    const models = colJson('models');
    const templates = (Object.values(models)[0].tmpls as unknown[]).length;
    expect(one('select count(*) as n from cards where ord >= ' + templates).n).toBe(0);
    expect(one('select count(*) as n from (select nid, ord from cards group by nid, ord having count(*) > 1)').n).toBe(
      0,
    );
  });

  it('rslib/src/dbcheck.rs check_notetypes (field_count_mismatch): every note has as many fields as its note type', () => {
    const models = colJson('models');
    for (const r of all('select mid, flds from notes')) {
      const model = models[String(r.mid)];
      expect(model).toBeDefined();
      expect(String(r.flds).split('\x1f')).toHaveLength((model.flds as unknown[]).length);
    }
  });

  it('rslib/src/notetype/schema11.rs NotetypeSchema11: the keys it requires, fields 问题 答案 原文 出处 成员 in order', () => {
    const models = colJson('models');
    const [[key, model]] = Object.entries(models);
    expect(String(model.id)).toBe(key);
    for (const k of ['id', 'name', 'type', 'mod', 'usn', 'sortf', 'tmpls', 'flds', 'css'])
      expect(model).toHaveProperty(k);
    expect((model.flds as { name: string; ord: number }[]).map((f) => [f.name, f.ord])).toEqual(
      FIELD_NAMES.map((n, i) => [n, i]),
    );
    for (const f of model.flds as Record<string, unknown>[])
      for (const k of ['sticky', 'rtl', 'font', 'size']) expect(f).toHaveProperty(k);
    const [tmpl] = model.tmpls as Record<string, string>[];
    expect(tmpl.qfmt).toContain('{{问题}}');
    expect(tmpl.afmt).toContain('{{答案}}');
  });

  it('rslib/src/decks/schema11.rs DeckSchema11: dyn, collapsed, the *Today pairs and a conf that exists; deck 1 "Default" present', () => {
    const decks = colJson('decks');
    const dconf = colJson('dconf');
    expect(decks['1'].name).toBe('Default');
    for (const [id, d] of Object.entries(decks)) {
      expect(String(d.id)).toBe(id);
      expect(d.dyn).toBe(0);
      for (const k of ['lrnToday', 'revToday', 'newToday', 'timeToday']) expect(d[k]).toEqual([0, 0]);
      expect(typeof d.collapsed).toBe('boolean');
      expect(dconf[String(d.conf)]).toBeDefined();
    }
  });

  it('rslib/src/notes/mod.rs field_checksum: csum is the first 8 hex digits of SHA-1 of the stripped sort field', () => {
    for (const r of all('select sfld, csum from notes')) {
      const hex = createHash('sha1').update(String(r.sfld)).digest('hex').slice(0, 8);
      expect(r.csum).toBe(parseInt(hex, 16));
    }
  });

  it('rslib/src/card/mod.rs CardQueue: a suspended card keeps its type with queue -1; learning due is a unix time in seconds', () => {
    const suspended = all('select type, queue from cards where queue = -1');
    expect(suspended).toEqual([{ type: 0, queue: -1 }]);
    for (const r of all('select due from cards where queue = 1')) {
      // Seconds since 1970 (an overdue relearning card's due lies in the past), never ms or a day number.
      expect(Number(r.due)).toBeGreaterThan(1_000_000_000);
      expect(Number(r.due)).toBeLessThan(NOW.getTime() / 1000 + 86_400);
    }
  });
});
