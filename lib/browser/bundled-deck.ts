// The deck bundled with this version of the extension (built from data/sources/ at build time):
// simply the first import. The background installs it on install, on update and whenever it finds
// it missing (a failed first install); the dashboard reinstalls it after 清除全部数据.
import { db } from '@/data/db/schema';
import { hasBundledDeck, syncDeck, type SyncCounts } from '@/data/db/deck-sync';
import type { Deck } from '@/data/knowledge/types';

let deck: Promise<Deck> | undefined;

export function bundledDeck(): Promise<Deck> {
  // deck.json is generated at build time (wxt.config.ts), so it is not among WXT's typed public paths.
  const url = (browser.runtime.getURL as (path: string) => string)('/deck.json');
  deck ??= fetch(url)
    .then((res) => {
      if (!res.ok) throw new Error('missing');
      return res.json() as Promise<Deck>;
    })
    .catch(() => {
      deck = undefined; // the next call tries again
      throw new Error('随附卡组缺失或无法读取，请重新安装提法。');
    });
  return deck;
}

let installing: Promise<SyncCounts> | undefined;

/** Loads the bundled deck into the store; an update adds and changes cards but never touches progress. */
export function installBundledDeck(): Promise<SyncCounts> {
  installing ??= bundledDeck()
    .then((d) => syncDeck(db, d, new Date()))
    .finally(() => {
      installing = undefined;
    });
  return installing;
}

/** Installs the bundled deck when the store has none of it (a first install that failed, or never ran). */
export async function ensureBundledDeck(): Promise<boolean> {
  if (await hasBundledDeck(db)) return false;
  await installBundledDeck();
  return true;
}
