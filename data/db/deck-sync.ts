// Loads a deck into the store, on install and on every update. Deck content is refreshed;
// a user's progress (FSRS state, logs), edits, suspension and conflict resolutions never are.
import type { Card, Conflict, Deck, Note } from '../knowledge/types';
import { BUNDLED, type CardRow, type ConflictRow, type NoteRow, type Origin, type TifaDB } from './schema';
import { newCardState } from '../srs/scheduler';
import { rethrowQuota } from './errors';

export interface SyncCounts {
  added: number;
  /** Existing cards whose deck content changed (a revived card may count here too). */
  updated: number;
  retired: number;
  revived: number;
}

// The fields a deck owns. Everything else on a row belongs to the user or the scheduler.
const CARD_FIELDS = [
  'noteId',
  'kind',
  'prompt',
  'answer',
  'members',
  'evidence',
  'importance',
  'conflicts',
  'figure',
  'held',
] as const;

export function sourceIdsOf(evidence: { source: string }[]): string[] {
  return [...new Set(evidence.map((e) => e.source))];
}

/** Deep equality over JSON-like data, blind to key order (rows read back from IndexedDB or a backup may differ in it). */
function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
}

function deckPart(card: Card | CardRow): Partial<Card> {
  const out: Record<string, unknown> = {};
  for (const f of CARD_FIELDS) if (card[f] !== undefined) out[f] = card[f];
  return out as Partial<Card>;
}

/** A card row without what belongs to the user on this device: progress, suspension, edits, verdicts, origin. */
export function withoutUserFields(row: CardRow) {
  const {
    fsrs: _f,
    due: _d,
    state: _s,
    suspended: _p,
    leech: _l,
    edited: _e,
    wanted: _w,
    verdict: _v,
    seen: _n,
    addedAt: _a,
    origin: _o,
    ...content
  } = row;
  return content;
}

/** The scheduling fields of a card never studied: new FSRS state from `at`, active, never seen. */
export function freshSchedule(at: Date) {
  const fsrs = newCardState(at);
  return {
    fsrs,
    due: fsrs.due,
    state: fsrs.state,
    suspended: 0 as const,
    retired: 0 as const,
    leech: false,
    seen: { count: 0 },
  };
}

export function newCardRow(card: Card, origin: Origin, now: Date): CardRow {
  return { ...card, origin, sourceIds: sourceIdsOf(card.evidence), ...freshSchedule(now), addedAt: now };
}

/** Deck content replaced, user-owned fields carried over (`...deck` would drop cleared optionals). */
export function refreshedCard(old: CardRow, card: Card): CardRow {
  const kept: Record<string, unknown> = { ...old };
  for (const f of CARD_FIELDS) delete kept[f];
  return { ...(kept as unknown as CardRow), ...card, sourceIds: sourceIdsOf(card.evidence), retired: 0 };
}

export function noteRow(note: Note, origin: Origin): NoteRow {
  return { ...note, origin, sourceIds: sourceIdsOf(note.evidence), retired: 0 };
}

export function conflictRow(c: Conflict, origin: Origin, old?: ConflictRow): ConflictRow {
  // A resolution stays unless the value the user picked is no longer one of the sides.
  const keep = old?.resolved === 1 && (old.choice === 'both' || c.values.includes(old.choice ?? ''));
  const row: ConflictRow = { ...c, origin, resolved: keep ? 1 : 0, retired: 0 };
  if (keep) Object.assign(row, { choice: old!.choice, resolvedAt: old!.resolvedAt });
  return row;
}

export async function syncDeck(db: TifaDB, deck: Deck, now: Date, origin: Origin = BUNDLED): Promise<SyncCounts> {
  const counts: SyncCounts = { added: 0, updated: 0, retired: 0, revived: 0 };
  try {
    await db.transaction('rw', [db.sources, db.notes, db.cards, db.conflicts], async () => {
      await syncSimple(db, deck, origin);

      const existing = new Map((await db.cards.toArray()).map((c) => [c.id, c]));
      const writes: CardRow[] = [];
      for (const card of deck.cards) {
        const old = existing.get(card.id);
        if (!old) {
          writes.push(newCardRow(card, origin, now));
          counts.added++;
          continue;
        }
        existing.delete(card.id);
        const changed = !same(deckPart(old), deckPart(card));
        if (changed) counts.updated++;
        if (old.retired) counts.revived++;
        if (changed || old.retired) writes.push(refreshedCard(old, card));
      }
      // Cards gone from this deck keep their history, but leave every queue.
      for (const old of existing.values()) {
        if (old.origin !== origin || old.retired) continue;
        writes.push({ ...old, retired: 1 });
        counts.retired++;
      }
      await db.cards.bulkPut(writes);
    });
  } catch (err) {
    rethrowQuota(err);
  }
  return counts;
}

/**
 * A row met in two decks (a user card made from a bundled note) stays with its first owner, so
 * only the owner's deck can retire it: as cards do, since refreshedCard keeps `origin` too.
 */
function ownerOf(existing: { origin: Origin } | undefined, origin: Origin): Origin {
  return existing?.origin ?? origin;
}

/** Sources, notes and conflicts: upserted when changed, retired when gone (never deleted). */
async function syncSimple(db: TifaDB, deck: Deck, origin: Origin): Promise<void> {
  const sources = new Map((await db.sources.toArray()).map((s) => [s.id, s]));
  await db.sources.bulkPut(
    deck.sources
      .map((s) => ({ ...s, origin: ownerOf(sources.get(s.id), origin) }))
      .filter((s) => !same(s, sources.get(s.id))),
  );

  const notes = new Map((await db.notes.toArray()).map((n) => [n.id, n]));
  const noteWrites = deck.notes
    .map((n) => noteRow(n, ownerOf(notes.get(n.id), origin)))
    .filter((n) => !same(n, notes.get(n.id)));
  for (const n of deck.notes) notes.delete(n.id);
  for (const n of notes.values()) if (n.origin === origin && !n.retired) noteWrites.push({ ...n, retired: 1 });
  await db.notes.bulkPut(noteWrites);

  const conflicts = new Map((await db.conflicts.toArray()).map((c) => [c.id, c]));
  const conflictWrites = deck.conflicts
    .map((c) => conflictRow(c, ownerOf(conflicts.get(c.id), origin), conflicts.get(c.id)))
    .filter((c) => !same(c, conflicts.get(c.id)));
  for (const c of deck.conflicts) conflicts.delete(c.id);
  for (const c of conflicts.values()) if (c.origin === origin && !c.retired) conflictWrites.push({ ...c, retired: 1 });
  await db.conflicts.bulkPut(conflictWrites);
}

/** Whether the bundled deck is in the store: its sources are (a deck is written in one transaction). */
export async function hasBundledDeck(db: TifaDB): Promise<boolean> {
  return (await db.sources.filter((s) => s.origin === BUNDLED).count()) > 0;
}
