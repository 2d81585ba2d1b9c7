// What the UI and the background call. Every function takes the db first and `now` where time
// matters; each write that touches two tables is one transaction, so two open pages never see half.
import type { CardKind } from '../knowledge/types';
import type { CardRow, TifaDB } from './schema';
import { newCardState, rate, reviveState, State, type Grade, type SrsState } from '../srs/scheduler';
import { validateSettings, type StudySettings } from '../srs/settings';
import { StoreError, rethrowQuota } from './errors';

export { reviewCountsByDay, todayCounts, dayStart, dayKey, type DayCount, type TodayCounts } from './stats';

export type CardState = 'new' | 'learning' | 'review' | 'suspended' | 'leech';

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

async function mustGet(db: TifaDB, id: string): Promise<CardRow> {
  const card = await db.cards.get(id);
  if (!card) throw new StoreError('找不到这张卡片，可能已被删除。', 'not-found');
  return card;
}

/** The prompt and answer to show: the user's edit wins over the deck's text. */
export function cardText(card: CardRow): { prompt: string; answer: string } {
  return { prompt: card.edited?.prompt ?? card.prompt, answer: card.edited?.answer ?? card.answer };
}

export function cardState(card: CardRow): CardState {
  if (card.leech) return 'leech';
  if (card.suspended) return 'suspended';
  if (card.fsrs.state === State.New) return 'new';
  return card.fsrs.state === State.Review ? 'review' : 'learning';
}

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

/** Everything needed to put a card back exactly as it was before one rating. */
export interface ReviewUndo {
  cardId: string;
  logId: number;
  fsrs: SrsState;
  suspended: 0 | 1;
  leech: boolean;
}

export interface ReviewResult {
  card: CardRow;
  /** True when this rating made the card a leech (it is now suspended). */
  leech: boolean;
  undo: ReviewUndo;
}

export async function saveReview(db: TifaDB, cardId: string, rating: Grade, now: Date, settings: StudySettings): Promise<ReviewResult> {
  try {
    return await db.transaction('rw', db.cards, db.reviewLogs, async () => {
      const old = await mustGet(db, cardId);
      const { state, log, leech = false } = rate(old.fsrs, rating, now, settings);
      const card: CardRow = {
        ...old,
        fsrs: state,
        due: state.due,
        state: state.state,
        leech: old.leech || leech,
        suspended: leech ? 1 : old.suspended,
      };
      await db.cards.put(card);
      const logId = await db.reviewLogs.add({ ...log, cardId, noteId: old.noteId });
      const undo: ReviewUndo = { cardId, logId, fsrs: old.fsrs, suspended: old.suspended, leech: old.leech };
      return { card, leech, undo };
    });
  } catch (err) {
    rethrowQuota(err);
  }
}

/**
 * Puts the card back as it was before the rating `prev` records, and removes that rating's log.
 * Only the card's latest rating can be undone: one a later review followed (a quiz, another
 * window) or one already undone is refused. `prev` may have been through JSON (storage.session).
 */
export async function undoLastReview(db: TifaDB, cardId: string, prev: ReviewUndo): Promise<void> {
  if (prev.cardId !== cardId) throw new StoreError('撤销的不是这张卡片的评分。', 'invalid');
  const fsrs = reviveState(prev.fsrs);
  await db.transaction('rw', db.cards, db.reviewLogs, async () => {
    await mustGet(db, cardId);
    const latest = await db.reviewLogs.where('cardId').equals(cardId).last();
    if (latest?.id !== prev.logId) throw new StoreError('这张卡片在那次评分之后又复习过，或那次评分已撤销，无法撤销。', 'invalid');
    await db.cards.update(cardId, {
      fsrs,
      due: fsrs.due,
      state: fsrs.state,
      suspended: prev.suspended,
      leech: prev.leech,
    });
    await db.reviewLogs.delete(prev.logId);
  });
}

/** An edit equal to the deck text, empty, or null removes the edit (the deck text shows again). */
export async function editCard(db: TifaDB, id: string, edit: { prompt?: string | null; answer?: string | null }): Promise<CardRow> {
  return db.transaction('rw', db.cards, async () => {
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
    return next;
  });
}

export async function setSuspended(db: TifaDB, id: string, suspended: boolean): Promise<void> {
  await mustGet(db, id);
  // Unsuspending also clears the leech flag, as Anki does when a leech is brought back.
  await db.cards.update(id, suspended ? { suspended: 1 } : { suspended: 0, leech: false });
}

/** Back to new; the review history stays, for statistics (Anki's "forget"). */
export async function resetCard(db: TifaDB, id: string, now: Date): Promise<void> {
  await mustGet(db, id);
  const fsrs = newCardState(now);
  await db.cards.update(id, { fsrs, due: fsrs.due, state: fsrs.state, leech: false, suspended: 0, wanted: undefined });
}

/** Stored keys over the defaults, clamped by validateSettings (a row may come from an old backup). */
export async function getSettings(db: TifaDB): Promise<StudySettings> {
  const rows = await db.settings.toArray();
  return validateSettings(Object.fromEntries(rows.map((r) => [r.key, r.value])));
}

/** Saves the given keys only, clamped; a key set to undefined (or invalid, for optional ones) goes back to its default. */
export async function saveSettings(db: TifaDB, patch: Partial<StudySettings>): Promise<StudySettings> {
  return db.transaction('rw', db.settings, async () => {
    const merged = validateSettings({ ...(await getSettings(db)), ...patch }) as unknown as Record<string, unknown>;
    for (const key of Object.keys(patch)) {
      if (merged[key] === undefined) await db.settings.delete(key);
      else await db.settings.put({ key, value: merged[key] });
    }
    return merged as unknown as StudySettings;
  });
}

/** `choice` is one of the conflict's values, 'both' to keep both, or null to reopen it. */
export async function resolveConflict(db: TifaDB, id: string, choice: string | null, now: Date): Promise<void> {
  await db.transaction('rw', db.conflicts, async () => {
    const c = await db.conflicts.get(id);
    if (!c) throw new StoreError('找不到这条矛盾记录。', 'not-found');
    if (choice === null) return void (await db.conflicts.put({ ...c, resolved: 0, choice: undefined, resolvedAt: undefined }));
    if (choice !== 'both' && !c.values.includes(choice)) throw new StoreError(`“${choice}”不是这条矛盾的任一说法。`, 'invalid');
    await db.conflicts.put({ ...c, resolved: 1, choice, resolvedAt: now });
  });
}

/** Ids of conflicts still open: cards whose `conflicts` meet this set show a warning. */
export async function openConflictIds(db: TifaDB): Promise<Set<string>> {
  const open = await db.conflicts.where('resolved').equals(0).filter((c) => !c.retired).primaryKeys();
  return new Set(open);
}

/** Page sightings from the content script, by note (a term's note) or by card. */
export async function recordSighting(db: TifaDB, ids: { noteIds?: string[]; cardIds?: string[] }, now: Date): Promise<number> {
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
