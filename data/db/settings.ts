// Study settings, one row per key; the defaults live in data/srs/settings.ts.
import type { TifaDB } from './schema';
import { validateSettings, type StudySettings } from '../srs/settings';
import { noteEdits, settingEditKey } from './sync-edits';

/** Stored keys over the defaults, clamped by validateSettings (a row may come from an old backup). */
export async function getSettings(db: TifaDB): Promise<StudySettings> {
  const rows = await db.settings.toArray();
  return validateSettings(Object.fromEntries(rows.map((r) => [r.key, r.value])));
}

/**
 * Saves the given keys only, clamped; a key set to undefined (or invalid, for optional ones) goes back
 * to its default. The time is noted for sync, which resolves two computers' changes by it.
 */
export async function saveSettings(
  db: TifaDB,
  patch: Partial<StudySettings>,
  now = new Date(),
): Promise<StudySettings> {
  return db.transaction('rw', db.settings, db.syncState, async () => {
    const merged = validateSettings({ ...(await getSettings(db)), ...patch }) as unknown as Record<string, unknown>;
    for (const key of Object.keys(patch)) {
      if (merged[key] === undefined) await db.settings.delete(key);
      else await db.settings.put({ key, value: merged[key] });
    }
    await noteEdits(db, Object.keys(patch).map(settingEditKey), now);
    return merged as unknown as StudySettings;
  });
}
