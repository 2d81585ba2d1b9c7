// Cards in the store: read, search, edit, suspend, reset, and page sightings.
import type { CardKind } from '../knowledge/types';
import type { CardRow, TifaDB } from './schema';
import { newCardState, type SrsState } from '../srs/scheduler';
import { StoreError } from './errors';
import { cardText } from '../knowledge/card-text';
import { cardState, type CardState } from '../vocab/card-states';
import { cardEditKey, noteEdits } from './sync-edits';

export { cardState, type CardState } from '../vocab/card-states';

export interface CardFilter {
  text?: string;
  sourceId?: string;
  kind?: CardKind;
  state?: CardState;
  /** Retired cards (gone from the deck) are hidden unless asked for. */
  includeRetired?: boolean;
}

export async function getCard(db: TifaDB, id: string): Promise<CardRow | undefined> {
  return db.cards.get(id);
}

export async function mustGet(db: TifaDB, id: string): Promise<CardRow> {
  const card = await db.cards.get(id);
  if (!card) throw new StoreError('找不到这张卡片，可能已被删除。', 'not-found');
  return card;
}

export { cardText } from '../knowledge/card-text';

function matchesState(card: CardRow, want: CardState): boolean {
  if (want === 'leech') return card.leech;
  if (want === 'suspended') return card.suspended === 1;
  return card.suspended === 0 && cardState(card) === want;
}

const fold = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/** Plain substring search: ~2k cards (10k in the benchmark) scan in a few ms. */
export async function listCards(db: TifaDB, filter: CardFilter = {}): Promise<CardRow[]> {
  const base = filter.sourceId ? db.cards.where('sourceIds').equals(filter.sourceId) : db.cards.toCollection();
  const needle = filter.text ? fold(filter.text) : '';
  const cards = await base
    .filter((c) => {
      if (!filter.includeRetired && c.retired) return false;
      if (filter.kind && c.kind !== filter.kind) return false;
      if (filter.state && !matchesState(c, filter.state)) return false;
      if (!needle) return true;
      const { prompt, answer } = cardText(c);
      return [prompt, answer, c.prompt, c.answer, ...(c.members ?? [])].some((s) => fold(s).includes(needle));
    })
    .toArray();
  return cards.sort((a, b) => b.importance - a.importance || a.id.localeCompare(b.id));
}

/**
 * An edit equal to the deck text, empty, or null removes the edit (the deck text shows again). Its
 * time is noted for sync, which resolves two computers' edits by it.
 */
export async function editCard(
  db: TifaDB,
  id: string,
  edit: { prompt?: string | null; answer?: string | null },
  now = new Date(),
): Promise<CardRow> {
  return db.transaction('rw', db.cards, db.syncState, async () => {
    const card = await mustGet(db, id);
    const edited = { ...card.edited };
    for (const f of ['prompt', 'answer'] as const) {
      if (!(f in edit)) continue;
      const v = edit[f]?.trim();
      if (!v || v === card[f]) delete edited[f];
      else edited[f] = v;
    }
    const next: CardRow = { ...card, edited: Object.keys(edited).length ? edited : undefined };
    await db.cards.put(next);
    const fields = (['prompt', 'answer'] as const).filter((f) => f in edit);
    await noteEdits(
      db,
      fields.map((f) => cardEditKey(id, f)),
      now,
    );
    return next;
  });
}

export async function setSuspended(db: TifaDB, id: string, suspended: boolean, now = new Date()): Promise<void> {
  await db.transaction('rw', db.cards, db.syncState, async () => {
    await mustGet(db, id);
    // Unsuspending also clears the leech flag, as Anki does when a leech is brought back.
    await db.cards.update(id, suspended ? { suspended: 1 } : { suspended: 0, leech: false });
    await noteEdits(db, [cardEditKey(id, 'suspended')], now);
  });
}

/** Back to new; the review history stays, for statistics (Anki's "forget"). */
export async function resetCard(db: TifaDB, id: string, now: Date): Promise<void> {
  await db.transaction('rw', db.cards, db.syncState, async () => {
    await mustGet(db, id);
    const fsrs = newCardState(now);
    await db.cards.update(id, {
      fsrs,
      due: fsrs.due,
      state: fsrs.state,
      leech: false,
      suspended: 0,
      wanted: undefined,
    });
    await noteEdits(db, [cardEditKey(id, 'reset')], now);
  });
}

/**
 * `card` with a new FSRS state after a rating or a replay (due and state mirrored): once a leech, always
 * a leech; `suspend` suspends it (a card that just became a leech).
 */
export function withFsrs(card: CardRow, fsrs: SrsState, leech: boolean, suspend: boolean): CardRow {
  return {
    ...card,
    fsrs,
    due: fsrs.due,
    state: fsrs.state,
    leech: card.leech || leech,
    suspended: suspend ? 1 : card.suspended,
  };
}

/** Page sightings from the content script, by note (a term's note) or by card. */
export async function recordSighting(
  db: TifaDB,
  ids: { noteIds?: string[]; cardIds?: string[] },
  now: Date,
): Promise<number> {
  return db.transaction('rw', db.cards, async () => {
    const byNote = ids.noteIds?.length ? await db.cards.where('noteId').anyOf(ids.noteIds).primaryKeys() : [];
    const all = [...new Set([...byNote, ...(ids.cardIds ?? [])])];
    return db.cards
      .where('id')
      .anyOf(all)
      .modify((c) => {
        c.seen = { count: (c.seen?.count ?? 0) + 1, last: now };
      });
  });
}
