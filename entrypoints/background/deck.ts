// The deck's one home is the store: the bundled deck is installed there like any import, and the
// term index content scripts match pages with is built from the notes there, kept until they change.
import { db } from '@/data/db/schema';
import { ensureBundledDeck, installBundledDeck } from '@/lib/browser/bundled-deck';
import { heldNotes, termIndexFromDb } from '@/data/db/term-index';
import type { TermIndex } from '@/data/match/index-terms';

/** Installs (or updates) the bundled deck; progress is kept. Logs instead of throwing: the next start retries. */
export async function installDeck(reason: string): Promise<void> {
  try {
    console.info(`提法：卡组已载入（${reason}）`, await installBundledDeck());
  } catch (err) {
    console.error('提法：卡组载入失败', err);
  }
}

let ensured: Promise<void> | undefined;

/** Once per service-worker life (and again after the sources change): the bundled deck is there, or installed now. */
export function ensureDeckLoaded(): Promise<void> {
  ensured ??= ensureBundledDeck().then(
    (installed) => {
      if (installed) console.info('提法：卡组已载入（startup）');
    },
    (err: unknown) => {
      ensured = undefined; // a failed install is tried again on the next request
      console.error('提法：卡组载入失败', err);
    },
  );
  return ensured;
}

/** The sources changed (a deck installed, 清除全部数据): check the bundled deck again next time. */
export function recheckDeck(): void {
  ensured = undefined;
}

let index: Promise<TermIndex | null> | undefined;
/** The held-back notes the cached index left out (a verdict on a held card changes them). */
let indexHeld: string | undefined;

/** The compact index the content script matches pages with; built from the store, kept until the notes change. */
export async function getTermIndex(): Promise<TermIndex | null> {
  await ensureDeckLoaded();
  const { held, key } = await heldNotes(db);
  if (key !== indexHeld) index = undefined;
  indexHeld = key;
  if (!index) {
    const start = performance.now();
    const onRead = (read: number) => performance.mark('tifa:term-index-read', { startTime: read });
    const building = termIndexFromDb(db, { held, onRead }).then(
      (built) => {
        // For `npm run bench -- term-index`: how long the rebuild took in the worker, and the read.
        const read = performance.getEntriesByName('tifa:term-index-read').at(-1)?.startTime ?? start;
        performance.measure('tifa:term-index', {
          start,
          end: performance.now(),
          detail: { patterns: built.patterns.length, readMs: read - start },
        });
        // No notes yet (the deck not loaded): null, so the page asks again later.
        return built.patterns.length ? built : null;
      },
      (err: unknown) => {
        console.error('提法：术语索引无法生成', err);
        return null;
      },
    );
    index = building;
    // A failure is not kept: the next page asks again.
    void building.then((built) => {
      if (!built && index === building) index = undefined;
    });
  }
  return index;
}

/** The notes changed: the next request builds the index afresh. */
export function invalidateTermIndex(): void {
  index = undefined;
}
