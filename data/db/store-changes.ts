// Which tables a committed write touched, from Dexie's `storagemutated` event. Dexie fires it in
// the context that wrote and, through a BroadcastChannel, in every other context of the
// extension's origin (extension pages, popup, service worker), so no context announces its writes.
import Dexie from 'dexie';
import type { TifaDB } from './schema';

/** Table names of one database among the event's parts ("idb://tifa/cards/due" → "cards"). */
export function changedTables(
  parts: Record<string, unknown>,
  dbName: string,
  allTables: readonly string[],
): Set<string> {
  // Dexie sends `all` when a context comes back from the back-forward cache: anything may have changed.
  if ('all' in parts) return new Set(allTables);
  const prefix = `idb://${dbName}/`;
  const tables = new Set<string>();
  for (const key of Object.keys(parts)) {
    if (!key.startsWith(prefix)) continue;
    const table = key.slice(prefix.length).split('/')[0];
    if (table) tables.add(table);
  }
  return tables;
}

/** Calls `onChange` with the tables of `db` that a committed write touched, wherever it was written; returns the unsubscriber. */
export function watchStore(db: TifaDB, onChange: (tables: Set<string>) => void): () => void {
  const listener = (parts: Record<string, unknown>) => {
    const tables = changedTables(
      parts,
      db.name,
      db.tables.map((t) => t.name),
    );
    if (tables.size) onChange(tables);
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}
