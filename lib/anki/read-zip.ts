// An .apkg / .colpkg is a zip: the collection (SQLite) under one of three names, a `meta` file (newer
// Anki), a `media` map and the media files themselves (named 0, 1, 2 …). Only the collection is
// unpacked; media are counted and skipped. Anki 2.1.50+ writes collection.anki21b compressed with
// zstd, beside a stub collection.anki2 for older versions ("please update"): the newest one wins.
import { unzipSync } from 'fflate';
import { decompress } from 'fzstd';
import { ANKI_LIMITS, ankiError } from './read-types';

/** Newest first: a package holding several names keeps its real collection in the newest. */
const COLLECTIONS = ['collection.anki21b', 'collection.anki21', 'collection.anki2'] as const;
const NOT_MEDIA = new Set<string>([...COLLECTIONS, 'meta', 'media']);

export interface UnpackedCollection {
  file: (typeof COLLECTIONS)[number];
  sqlite: Uint8Array;
  media: number;
}

const isZip = (b: Uint8Array) =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);

/** The content size a zstd frame header declares, if it declares one. */
export function zstdContentSize(b: Uint8Array): number | undefined {
  if (b.length < 6 || b[0] !== 0x28 || b[1] !== 0xb5 || b[2] !== 0x2f || b[3] !== 0xfd) return undefined;
  const fhd = b[4];
  const fcsFlag = fhd >> 6;
  const single = (fhd >> 5) & 1;
  const dictBytes = [0, 1, 2, 4][fhd & 3];
  const at = 5 + (single ? 0 : 1) + dictBytes;
  const size = fcsFlag === 0 ? single : [1, 2, 4, 8][fcsFlag];
  if (!size || at + size > b.length) return undefined;
  let value = 0;
  for (let i = size - 1; i >= 0; i--) value = value * 256 + b[at + i];
  return size === 2 ? value + 256 : value;
}

function unzstd(b: Uint8Array): Uint8Array {
  const declared = zstdContentSize(b);
  if (declared === undefined && !(b[0] === 0x28 && b[1] === 0xb5)) throw ankiError('damaged');
  if (declared !== undefined && declared > ANKI_LIMITS.collectionBytes) throw ankiError('too-large');
  let out: Uint8Array;
  try {
    out = decompress(b);
  } catch {
    throw ankiError('damaged');
  }
  if (out.length > ANKI_LIMITS.collectionBytes) throw ankiError('too-large');
  return out;
}

/** The collection's SQLite bytes and the number of media files, or an AnkiError. */
export function unpackAnki(bytes: Uint8Array): UnpackedCollection {
  if (bytes.length > ANKI_LIMITS.fileBytes) throw ankiError('too-large');
  if (!isZip(bytes)) throw ankiError('not-zip');
  const names: string[] = [];
  let tooBig = false;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        if (!(COLLECTIONS as readonly string[]).includes(f.name)) return false;
        if (f.originalSize > ANKI_LIMITS.collectionBytes) tooBig = true;
        return !tooBig;
      },
    });
  } catch {
    throw ankiError(tooBig ? 'too-large' : 'not-zip');
  }
  if (tooBig) throw ankiError('too-large');
  const file = COLLECTIONS.find((name) => files[name]?.length);
  if (!file) throw ankiError('no-collection');
  const raw = files[file];
  const sqlite = file === 'collection.anki21b' ? unzstd(raw) : raw;
  if (sqlite.length > ANKI_LIMITS.collectionBytes) throw ankiError('too-large');
  return { file, sqlite, media: names.filter((n) => !NOT_MEDIA.has(n) && !n.endsWith('/')).length };
}
