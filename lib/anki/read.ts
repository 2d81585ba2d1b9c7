// Reads an Anki package (.apkg / .colpkg) into plain data: unzip (fflate), zstd (fzstd) for the newest
// format, the SQLite collection through sql.js (whose WASM the caller loads: /sqljs/ in the extension,
// node_modules in Node). Every failure is an AnkiError with a Chinese message; nothing is written.
import type { SqlJsStatic } from 'sql.js';
import { readCollection } from './read-sql';
import { unpackAnki } from './read-zip';
import { ankiError, type AnkiCollection } from './read-types';

/** `sql`: sql.js, or a loader called only once the zip holds a collection (a file that is not one never loads the WASM). */
export async function readAnkiPackage(
  bytes: Uint8Array,
  sql: SqlJsStatic | (() => Promise<SqlJsStatic>),
): Promise<AnkiCollection> {
  const unpacked = unpackAnki(bytes);
  const SQL = typeof sql === 'function' ? await sql() : sql;
  const collection = readCollection(SQL, unpacked.sqlite);
  if (!collection.cards.length || !collection.notes.length) throw ankiError('empty');
  return { ...collection, media: unpacked.media, file: unpacked.file };
}

export type { AnkiCollection } from './read-types';
