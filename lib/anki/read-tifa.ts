// Tifa's own notes coming back from Anki (lib/anki/map.ts wrote them): the "提法 Tifa" note type and
// guids `tifa-<card id>`. Such a card is the Tifa card it came from, not a copy: it keeps that id, so an
// import into the store it was exported from matches the original, and one into a fresh store gives
// the card its old id again (and its kind, which the id begins with).
import type { CardKind } from '../../data/knowledge/types';
import type { AnkiNote, AnkiNotetype } from './read-types';
import { KIND_TAGS } from './fields';
import { FIELD_NAMES, NOTETYPE_NAME } from './template';

/** The kind tag Tifa writes (`提法类型::…`, lib/anki/fields.ts) → the card's kind. */
const KIND_OF_TAG = new Map(Object.entries(KIND_TAGS).map(([kind, tag]) => [`提法类型::${tag}`, kind as CardKind]));

/** Tifa's note type: its name and its first three fields (问题, 答案, 原文) as Tifa wrote them. */
export function isTifaNotetype(nt: Pick<AnkiNotetype, 'name' | 'fields'>): boolean {
  return nt.name === NOTETYPE_NAME && FIELD_NAMES.slice(0, 3).every((f, i) => nt.fields[i] === f);
}

// Tifa's card ids: `<kind>:<hash>` (the deck), `user:<hash>:cloze` (made on a page), `anki-<hash>:<ord>`
// (an earlier Anki import); the kind is read from the kind tag, else from the id when it names one. The records' schema checks
// the id again before anything is written.
const TIFA_GUID = /^tifa-([0-9a-z][0-9a-z:-]{0,99})$/;

export interface TifaOrigin {
  id: string;
  kind: CardKind;
  /** The card's note when its id tells it (made on a page, an earlier Anki import); else undefined. */
  noteId?: string;
}

/** The Tifa card a note of Tifa's note type was exported from (its only card, ord 0), or null. */
export function tifaCardOf(
  note: Pick<AnkiNote, 'guid' | 'tags'>,
  nt: Pick<AnkiNotetype, 'name' | 'fields'>,
  ord: number,
): TifaOrigin | null {
  if (ord !== 0 || !isTifaNotetype(nt)) return null;
  const id = TIFA_GUID.exec(note.guid)?.[1];
  if (!id) return null;
  const tagged = note.tags.map((t) => KIND_OF_TAG.get(t)).find((k) => k !== undefined);
  const named = Object.hasOwn(KIND_TAGS, id.slice(0, id.indexOf(':')))
    ? (id.slice(0, id.indexOf(':')) as CardKind)
    : undefined;
  const user = /^(user:[0-9a-z]+):cloze$/.exec(id);
  if (user) return { id, kind: tagged ?? 'user-cloze', noteId: user[1] };
  const anki = /^(anki-[0-9a-z]+):\d+$/.exec(id);
  return { id, kind: tagged ?? named ?? 'statement', ...(anki ? { noteId: anki[1] } : {}) };
}
