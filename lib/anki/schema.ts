// The collection an .apkg carries: Anki's schema 11, as ankitects/anki defines it in
// rslib/src/storage/schema11.sql (tables, indexes, the one `col` row). Schema 11 is the newest one
// that every client still imports: current Anki (23.x–25.x) reads it from a package without a `meta`
// file (rslib/src/import_export/package/meta.rs: Version::Legacy2 → "collection.anki21", SchemaVersion::V11)
// and upgrades it on open; Anki 2.1 reads nothing newer.

/** The tables of rslib/src/storage/schema11.sql, column for column. */
export const SCHEMA11_SQL = `
create table col (
  id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null,
  dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null,
  decks text not null, dconf text not null, tags text not null
);
create table notes (
  id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null,
  tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null,
  data text not null
);
create table cards (
  id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null,
  usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null,
  factor integer not null, reps integer not null, lapses integer not null, left integer not null,
  odue integer not null, odid integer not null, flags integer not null, data text not null
);
create table revlog (
  id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null,
  lastIvl integer not null, factor integer not null, time integer not null, type integer not null
);
create table graves (usn integer not null, oid integer not null, type integer not null);
`;

/** schema11.sql's indexes: the writer creates them after the rows are in (one build beats 100,000 updates). */
export const SCHEMA11_INDEXES_SQL = `
create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);
`;

/** `col.ver`: schema 11. */
export const SCHEMA_VERSION = 11;
/** Inside the .apkg: the name current Anki and 2.1 both read for a schema-11 collection (meta.rs). */
export const COLLECTION_FILE = 'collection.anki21';
/** Anki's field separator in `notes.flds` (0x1f). */
export const FIELD_SEPARATOR = '\x1f';

// Fixed ids, so a second export lands on the same note type and deck in the user's Anki. They are
// timestamps in ms (as Anki makes them) in the past, so the database check never renumbers them.
export const NOTETYPE_ID = 1_700_000_000_000;
export const DECK_ID = 1_700_000_000_001;
export const DECK_CONFIG_ID = 1;
export const DEFAULT_DECK_ID = 1;

/** card.type (rslib/src/card/mod.rs CardType). */
export const CardType = { New: 0, Learn: 1, Review: 2, Relearn: 3 } as const;
/** card.queue (CardQueue): Learn's due is a unix time in seconds, DayLearn's and Review's a day number. */
export const CardQueue = { Suspended: -1, New: 0, Learn: 1, Review: 2, DayLearn: 3 } as const;
/** revlog.type (rslib/src/revlog/mod.rs RevlogReviewKind). */
export const RevlogKind = { Learning: 0, Review: 1, Relearning: 2, Filtered: 3, Manual: 4 } as const;

/** The scheduling columns of Anki's `cards` table that Tifa writes and reads (schema11.sql). */
export interface AnkiCardColumns {
  /** 0 new, 1 learning, 2 review, 3 relearning. */
  type: number;
  /** -3/-2 buried, -1 suspended, 0 new, 1 learning, 2 review, 3 day learning, 4 preview. */
  queue: number;
  /** New: position; learning: epoch seconds; review: days since the collection's creation. */
  due: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
}
