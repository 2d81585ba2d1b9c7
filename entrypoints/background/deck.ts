import { db } from '@/data/db/schema';
import { syncDeck } from '@/data/db/deck-sync';
import { heldOnlyNotes } from '@/data/db/held';
import { buildTermIndex, type TermIndex } from '@/data/match/index-terms';
import type { Deck } from '@/data/knowledge/types';

let deck: Promise<Deck> | undefined;
let index: TermIndex | undefined;

/** The deck bundled with this version of the extension (built from data/sources/ at build time). */
export function bundledDeck(): Promise<Deck> {
  // deck.json is generated at build time (wxt.config.ts), so it is not among WXT's typed public paths.
  const url = (browser.runtime.getURL as (path: string) => string)('/deck.json');
  deck ??= fetch(url).then((res) => {
    if (!res.ok) throw new Error('随附卡组缺失，请重新安装提法。');
    return res.json() as Promise<Deck>;
  });
  return deck;
}

/** Loads the bundled deck into the store; an update adds and changes cards but never touches progress. */
export async function installDeck(reason: string): Promise<void> {
  try {
    const counts = await syncDeck(db, await bundledDeck(), new Date());
    console.info(`提法：卡组已载入（${reason}）`, counts);
  } catch (err) {
    console.error('提法：卡组载入失败', err);
  }
}

/** The compact index the content script matches pages with; built once per service-worker life. */
export async function getTermIndex(): Promise<TermIndex | null> {
  if (index) return index;
  try {
    // Notes whose every card is held back as 待核实 are not highlighted.
    index = buildTermIndex((await bundledDeck()).terms, await heldOnlyNotes(db));
    return index;
  } catch {
    return null;
  }
}

/** A held card was confirmed or discarded: the next request builds the index again. */
export function forgetTermIndex(): void {
  index = undefined;
}

/** The deck is loaded on install; a worker that wakes up later finds it in the store already. */
export async function ensureDeckLoaded(): Promise<void> {
  if ((await db.cards.count()) === 0) await installDeck('startup');
}
