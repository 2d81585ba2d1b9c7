// What the Anki reader hands over: a collection's decks, note types, notes, cards and review log as
// plain data (fields already plain text), and the one error it raises, always with a Chinese message.
import type { AnkiCardColumns } from './schema';

export type AnkiErrorCode = 'not-zip' | 'no-collection' | 'damaged' | 'version' | 'too-large' | 'empty';

export class AnkiError extends Error {
  constructor(
    readonly code: AnkiErrorCode,
    /** Shown to the user as it stands. */
    message: string,
  ) {
    super(message);
    this.name = 'AnkiError';
  }
}

/** Limits: a file or collection beyond them is refused before it is written anywhere. */
export const ANKI_LIMITS = {
  fileBytes: 200 * 1024 * 1024,
  /** The unpacked collection (SQLite): zstd and deflate can expand a small file enormously. */
  collectionBytes: 1024 * 1024 * 1024,
  notes: 200_000,
  cards: 400_000,
  revlog: 5_000_000,
};

export const ANKI_MESSAGES: Record<AnkiErrorCode, string> = {
  'not-zip': '这不是 Anki 卡组文件（.apkg 或 .colpkg 应是压缩包），没有导入任何内容。',
  'no-collection': '压缩包里没有 Anki 的卡片库（collection.anki2 / anki21 / anki21b），没有导入任何内容。',
  damaged: 'Anki 卡片库已损坏，无法读取，没有导入任何内容。',
  version: '这个 Anki 文件的版本不受支持（支持 Anki 2.1 及以后各版本导出的文件），没有导入任何内容。',
  'too-large': `文件太大：Anki 卡组不能超过 200 MB 或 ${ANKI_LIMITS.notes.toLocaleString('en-US')} 条笔记，没有导入任何内容。`,
  empty: '这个 Anki 文件里没有任何卡片，没有导入任何内容。',
};

export const ankiError = (code: AnkiErrorCode): AnkiError => new AnkiError(code, ANKI_MESSAGES[code]);

export interface AnkiDeck {
  id: number;
  /** Full name, levels joined by "::" as Anki shows it. */
  name: string;
}

export interface AnkiNotetype {
  id: number;
  name: string;
  /** Field names in order. */
  fields: string[];
  /** 1 for cloze note types, 0 otherwise. */
  kind: 0 | 1;
  /** Per template (card ord): the field names its question side shows, in order. */
  templates: string[][];
}

export interface AnkiNote {
  id: number;
  guid: string;
  mid: number;
  /** Field values as plain text (HTML removed, entities decoded); cloze markup ({{c1::…}}) is not HTML and stays. */
  fields: string[];
  tags: string[];
  /** A note of Tifa's own note type: the answer's spans in its 原文 field (the <b> Tifa wrote). */
  quoteMarks?: Array<[number, number]>;
  /** A note of Tifa's own note type: the members its 成员 field lists (a list card's). */
  members?: string[];
}

export interface AnkiCardRow extends AnkiCardColumns {
  id: number;
  nid: number;
  /** The home deck (for a card in a filtered deck: its original deck). */
  did: number;
  ord: number;
  /** FSRS memory state stored by Anki 23.10+ in cards.data. */
  stability?: number;
  difficulty?: number;
  /** Last review, epoch seconds (cards.data "lrt", Anki 25.02+). */
  lastReview?: number;
}

export interface AnkiRevlog {
  /** Epoch milliseconds of the review. */
  id: number;
  cid: number;
  /** 1–4; 0 for a manual reschedule. */
  ease: number;
  ivl: number;
  /** 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual, 5 rescheduled. */
  type: number;
}

export interface AnkiCollection {
  /** The collection's schema version (col.ver): 11 for anki2/anki21, 18 for anki21b. */
  version: number;
  /** col.crt: the day the collection was created, epoch seconds (review due dates count days from it). */
  created: number;
  decks: AnkiDeck[];
  notetypes: AnkiNotetype[];
  notes: AnkiNote[];
  cards: AnkiCardRow[];
  revlog: AnkiRevlog[];
  /** Media files in the package, not imported. */
  media: number;
  /** Which file in the package held the collection. */
  file: string;
}
