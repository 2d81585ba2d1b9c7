// Two devices with the bundled test deck, and a WebDAV server started for them: the start of the
// sync suites.
import { freshDb, makeDeck, at } from '../data/db/helpers';
import { syncDeck } from '../../data/db/deck-sync';
import { saveSettings } from '../../data/db/repo';
import type { TifaDB } from '../../data/db/schema';
import { startDav, type DavServer } from './dav-server';

/**
 * `fuzzOff`: the first device turns FSRS fuzz off, as most suites do — the setting travels with the first
 * sync, so both devices then replay alike.
 */
export async function twoDevices({ fuzzOff = false } = {}) {
  const dav = await startDav();
  const a = freshDb();
  const b = freshDb();
  await syncDeck(a, makeDeck(), at(0));
  await syncDeck(b, makeDeck(), at(0));
  if (fuzzOff) await saveSettings(a, { enableFuzz: false });
  return { dav, a, b };
}

/** Closes the devices' stores, then the server: the end of every test of the sync suites. */
export async function closeDevices(dav: DavServer, ...devices: TifaDB[]): Promise<void> {
  for (const db of devices) db.close();
  await dav.close();
}
