// When the user made each change that sync sends as a register (docs/sync.md): a card's prompt,
// answer or suspension, a setting. Sync finds the changes themselves by comparing (sync-push.ts);
// only their time is noted here, by the writers, so that two computers editing offline resolve by
// the real time of the edit, not by which one synced last. The cards named here (and resets and
// undone ratings) are also the ones a push looks at, instead of every card. Device-local (syncState).
import type { TifaDB } from './schema';

export interface SyncEdits {
  key: 'edits';
  /** "card|<id>|prompt", "setting|<key>" → ms of the user's last change. */
  at: Record<string, number>;
}

/** `field`: prompt, answer, suspended (registers); reset and undo only point sync at the card. */
export const cardEditKey = (card: string, field: string) => `card|${card}|${field}`;
export const settingEditKey = (key: string) => `setting|${key}`;

/** The cards named by noted changes, and whether a rating was undone since. */
export function editedCards(edits: Readonly<Record<string, number>>): { cards: Set<string>; undo: boolean } {
  const cards = new Set<string>();
  let undo = false;
  for (const key of Object.keys(edits)) {
    if (!key.startsWith('card|')) continue;
    const bar = key.lastIndexOf('|');
    cards.add(key.slice(5, bar));
    undo ||= key.slice(bar + 1) === 'undo';
  }
  return { cards, undo };
}

/**
 * Notes the time of changes; runs inside the caller's transaction, which must include syncState.
 * Nothing is noted on a computer that never synced: its first push sends everything as new anyway.
 */
export async function noteEdits(db: TifaDB, keys: readonly string[], at: Date): Promise<void> {
  if (!keys.length || !(await db.syncState.get('self'))) return;
  const row = ((await db.syncState.get('edits')) as SyncEdits | undefined) ?? { key: 'edits', at: {} };
  for (const key of keys) row.at[key] = at.getTime();
  await db.syncState.put(row);
}

export async function readEdits(db: TifaDB): Promise<Record<string, number>> {
  return ((await db.syncState.get('edits')) as SyncEdits | undefined)?.at ?? {};
}

/** After a push: forgets the times it read (a change made since keeps its newer time). */
export async function clearEdits(db: TifaDB, seen: Readonly<Record<string, number>>): Promise<void> {
  const row = (await db.syncState.get('edits')) as SyncEdits | undefined;
  if (!row) return;
  for (const [key, at] of Object.entries(seen)) if (row.at[key] === at) delete row.at[key];
  await db.syncState.put(row);
}
