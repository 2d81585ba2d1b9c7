// Tifa's cards and review logs → the rows of an Anki collection (pure: no database, no clock).
// Each card becomes one note of the "Tifa" note type with one card; ids are derived from Tifa's ids,
// so exporting again gives the same guid, note id and card id and Anki updates rather than duplicates.
import type { CardKind, Evidence, Source } from '@/data/knowledge/types';
import { fieldChecksum, joinFields, noteFields, noteTags } from './fields';
import { colConfJson, deckConfigJson, decksJson, notetypeJson, type ColOptions } from './collection';
import {
  cardSchedule,
  dayStartSecs,
  type CardSchedule,
  revlogFields,
  studyDay,
  type DayClock,
  type FsrsLike,
  type LogLike,
  type RevlogFields,
} from './schedule';
import { DECK_ID, NOTETYPE_ID, SCHEMA_VERSION } from './schema';

export interface ExportCard {
  id: string;
  kind: CardKind;
  prompt: string;
  answer: string;
  members?: string[];
  evidence: Evidence[];
  sourceIds: string[];
  importance: number;
  fsrs: FsrsLike;
  suspended: 0 | 1 | boolean;
  leech?: boolean;
  edited?: { prompt?: string; answer?: string };
}

export interface ExportLog extends LogLike {
  cardId: string;
}

export interface AnkiExportInput {
  cards: ExportCard[];
  logs: ExportLog[];
  sources: Source[];
  now: Date;
  clock: DayClock;
  desiredRetention: number;
  learningSteps: number;
  relearningSteps: number;
  deckName?: string;
}

export interface AnkiNoteRow {
  id: number;
  guid: string;
  mid: number;
  mod: number;
  usn: number;
  tags: string;
  flds: string;
  sfld: string;
  csum: number;
  flags: number;
  data: string;
}

export interface AnkiCardRow extends CardSchedule {
  id: number;
  nid: number;
  did: number;
  ord: number;
  mod: number;
  usn: number;
  odue: number;
  odid: number;
  flags: number;
}

export interface AnkiRevlogRow extends RevlogFields {
  id: number;
  cid: number;
  usn: number;
}

export interface AnkiCol {
  crt: number;
  mod: number;
  scm: number;
  ver: number;
  conf: string;
  models: string;
  decks: string;
  dconf: string;
  tags: string;
}

export interface AnkiRows {
  col: AnkiCol;
  notes: AnkiNoteRow[];
  cards: AnkiCardRow[];
  revlog: AnkiRevlogRow[];
  /** Tifa card id → the Anki card id it became. */
  cardIds: Map<string, number>;
}

/** Ids are timestamps in ms to Anki; ours lie in 2001–2013, never in the future (see the database check). */
export const ID_FLOOR = 1_000_000_000_000;
const ID_SPAN = 400_000_000_000;

/** 53 bits of a string (cyrb53): ids need no cryptography, only to be stable and spread. */
function hash53(key: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A stable Anki id from a Tifa id, placed above ID_FLOOR; `taken` resolves the rare clash. */
export function stableId(key: string, taken: Set<number>): number {
  let id = ID_FLOOR + (hash53(key) % ID_SPAN);
  while (taken.has(id)) id++;
  taken.add(id);
  return id;
}

/**
 * The first id from `wanted` up that is not taken yet, and takes it. `taken` maps each taken id to a
 * lower bound of the next free one (pointers shortened as they are followed): reviews that fall in the
 * same ms by the thousand stay linear, where probing one by one grew quadratic (18 s for 100,000 logs).
 */
export function claimId(wanted: number, taken: Map<number, number>): number {
  let id = wanted;
  const path: number[] = [];
  for (let next = taken.get(id); next !== undefined; next = taken.get(id)) {
    path.push(id);
    id = next;
  }
  for (const p of path) taken.set(p, id + 1);
  taken.set(id, id + 1);
  return id;
}

export const guidOf = (tifaCardId: string) => `tifa-${tifaCardId}`;

export const DEFAULT_DECK_NAME = '提法 Tifa';

export function toAnkiRows(input: AnkiExportInput): AnkiRows {
  const sources = new Map(input.sources.map((s) => [s.id, s]));
  const modSecs = Math.floor(input.now.getTime() / 1000);
  // New cards keep Tifa's order: headline items first.
  const cards = [...input.cards].sort(
    (a, b) => b.importance - a.importance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const logsByCard = new Map<string, ExportLog[]>();
  for (const log of input.logs) {
    const list = logsByCard.get(log.cardId);
    if (list) list.push(log);
    else logsByCard.set(log.cardId, [log]);
  }
  // crt: the start of the earliest day any date falls on, so day numbers are never negative.
  let crtDay = studyDay(input.now, input.clock);
  for (const c of cards) if (c.fsrs.state !== 0) crtDay = Math.min(crtDay, studyDay(c.fsrs.due, input.clock));
  for (const l of input.logs) crtDay = Math.min(crtDay, studyDay(l.review, input.clock));
  const ctx = {
    clock: input.clock,
    crtDay,
    desiredRetention: input.desiredRetention,
    learningSteps: input.learningSteps,
    relearningSteps: input.relearningSteps,
    now: input.now,
  };

  const noteIds = new Set<number>();
  const cardIdSet = new Set<number>();
  const revlogIds = new Map<number, number>();
  const notes: AnkiNoteRow[] = [];
  const out: AnkiCardRow[] = [];
  const revlog: AnkiRevlogRow[] = [];
  const cardIds = new Map<string, number>();
  let position = 0;
  for (const card of cards) {
    const text = { ...card, prompt: card.edited?.prompt ?? card.prompt, answer: card.edited?.answer ?? card.answer };
    const nid = stableId(`note:${card.id}`, noteIds);
    const cid = stableId(`card:${card.id}`, cardIdSet);
    cardIds.set(card.id, cid);
    const fields = noteFields(text, sources);
    notes.push({
      id: nid,
      guid: guidOf(card.id),
      mid: NOTETYPE_ID,
      mod: modSecs,
      usn: 0,
      tags: noteTags({ kind: card.kind, sourceIds: card.sourceIds, leech: card.leech }, sources),
      flds: joinFields(fields),
      sfld: text.prompt,
      csum: fieldChecksum(text.prompt),
      flags: 0,
      data: '',
    });
    if (card.fsrs.state === 0) position++;
    const s = cardSchedule(card.fsrs, Boolean(card.suspended), position, ctx);
    out.push({ id: cid, nid, did: DECK_ID, ord: 0, mod: modSecs, usn: 0, ...s, odue: 0, odid: 0, flags: 0 });
    const logs = (logsByCard.get(card.id) ?? []).sort((a, b) => a.review.getTime() - b.review.getTime());
    revlogFields(logs, card.fsrs).forEach((fields, i) => {
      // A revlog id is the moment of the review in ms; two in the same ms move apart by one.
      const id = claimId(logs[i].review.getTime(), revlogIds);
      revlog.push({ id, cid, usn: 0, ...fields });
    });
  }
  const colOptions: ColOptions = {
    modSecs,
    deckName: input.deckName ?? DEFAULT_DECK_NAME,
    desiredRetention: input.desiredRetention,
    rollover: input.clock.rollover,
    utcOffsetMinutesWest: input.clock.utcOffsetMinutesWest,
    nextPos: position + 1,
  };
  const col: AnkiCol = {
    crt: dayStartSecs(crtDay, input.clock),
    mod: input.now.getTime(),
    scm: input.now.getTime(),
    ver: SCHEMA_VERSION,
    conf: JSON.stringify(colConfJson(colOptions)),
    models: JSON.stringify(notetypeJson(modSecs)),
    decks: JSON.stringify(decksJson(colOptions)),
    dconf: JSON.stringify(deckConfigJson(colOptions)),
    tags: '{}',
  };
  return { col, notes, cards: out, revlog, cardIds };
}
