// The JSON of the `col` row in schema 11: note types, decks, deck options and the collection config,
// in the shapes ankitects/anki reads them (rslib/src/notetype/schema11.rs NotetypeSchema11,
// rslib/src/decks/schema11.rs NormalDeckSchema11, the v1/v2 Python defaults kept by deckconfig/schema11.rs).
import { DECK_CONFIG_ID, DECK_ID, DEFAULT_DECK_ID, NOTETYPE_ID } from './schema';
import { BACK, CSS, FIELD_NAMES, FRONT, NOTETYPE_NAME, TEMPLATE_NAME } from './template';

export interface ColOptions {
  /** Export time, seconds since 1970. */
  modSecs: number;
  deckName: string;
  /** Tifa's desired retention, carried into the deck options for Anki's FSRS. */
  desiredRetention: number;
  /** Local hour at which the study day begins (Anki's `rollover`). */
  rollover: number;
  /** Minutes west of UTC at the export (Date#getTimezoneOffset; Anki's `creationOffset`). */
  utcOffsetMinutesWest: number;
  /** The next new-card position (`nextPos`). */
  nextPos: number;
}

export function notetypeJson(modSecs: number): Record<string, unknown> {
  return {
    [NOTETYPE_ID]: {
      id: NOTETYPE_ID,
      name: NOTETYPE_NAME,
      type: 0,
      mod: modSecs,
      usn: 0,
      sortf: 0,
      did: DECK_ID,
      tmpls: [
        { name: TEMPLATE_NAME, ord: 0, qfmt: FRONT, afmt: BACK, bqfmt: '', bafmt: '', did: null, bfont: '', bsize: 0 },
      ],
      flds: FIELD_NAMES.map((name, ord) => ({
        name,
        ord,
        sticky: false,
        rtl: false,
        font: 'Arial',
        size: 20,
        media: [],
      })),
      css: CSS,
      latexPre:
        '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
      latexPost: '\\end{document}',
      latexsvg: false,
      // Anki 2.1 before the Rust backend decides which cards a note has from `req`: card 0 needs field 0 (问题).
      req: [[0, 'any', [0]]],
      tags: [],
      vers: [],
    },
  };
}

function deck(id: number, name: string, modSecs: number): Record<string, unknown> {
  return {
    id,
    name,
    mod: modSecs,
    usn: 0,
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
    collapsed: false,
    browserCollapsed: false,
    desc: '',
    dyn: 0,
    conf: DECK_CONFIG_ID,
    extendNew: 0,
    extendRev: 0,
  };
}

export function decksJson(o: ColOptions): Record<string, unknown> {
  // Deck 1 "Default" exists in every collection; Anki 2.1 fails without it.
  return {
    [DEFAULT_DECK_ID]: deck(DEFAULT_DECK_ID, 'Default', o.modSecs),
    [DECK_ID]: deck(DECK_ID, o.deckName, o.modSecs),
  };
}

export function deckConfigJson(o: ColOptions): Record<string, unknown> {
  return {
    [DECK_CONFIG_ID]: {
      id: DECK_CONFIG_ID,
      name: 'Default',
      mod: o.modSecs,
      usn: 0,
      maxTaken: 60,
      autoplay: true,
      timer: 0,
      replayq: true,
      dyn: false,
      new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
      lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
      rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
      // Read by Anki 23.10+ when FSRS is on (deckconfig/schema11.rs keeps it as desiredRetention).
      desiredRetention: o.desiredRetention,
    },
  };
}

export function colConfJson(o: ColOptions): Record<string, unknown> {
  return {
    activeDecks: [DECK_ID],
    curDeck: DECK_ID,
    newSpread: 0,
    collapseTime: 1200,
    timeLim: 0,
    estTimes: true,
    dueCounts: true,
    curModel: NOTETYPE_ID,
    nextPos: o.nextPos,
    sortType: 'noteFld',
    sortBackwards: false,
    addToCur: true,
    // The v2 scheduler's day: review and day-learning `due` count days from `crt` with this rollover hour.
    schedVer: 2,
    rollover: o.rollover,
    creationOffset: o.utcOffsetMinutesWest,
    localOffset: o.utcOffsetMinutesWest,
  };
}
