// Conflicts between documents: the user's choice, and which are still open.
import type { TifaDB } from './schema';
import { StoreError } from './errors';

/** `choice` is one of the conflict's values, 'both' to keep both, or null to reopen it. */
export async function resolveConflict(db: TifaDB, id: string, choice: string | null, now: Date): Promise<void> {
  await db.transaction('rw', db.conflicts, async () => {
    const c = await db.conflicts.get(id);
    if (!c) throw new StoreError('找不到这条矛盾记录。', 'not-found');
    if (choice === null)
      return void (await db.conflicts.put({ ...c, resolved: 0, choice: undefined, resolvedAt: undefined }));
    if (choice !== 'both' && !c.values.includes(choice))
      throw new StoreError(`“${choice}”不是这条矛盾的任一说法。`, 'invalid');
    await db.conflicts.put({ ...c, resolved: 1, choice, resolvedAt: now });
  });
}

/** Ids of conflicts still open: cards whose `conflicts` meet this set show a warning. */
export async function openConflictIds(db: TifaDB): Promise<Set<string>> {
  const open = await db.conflicts
    .where('resolved')
    .equals(0)
    .filter((c) => !c.retired)
    .primaryKeys();
  return new Set(open);
}
