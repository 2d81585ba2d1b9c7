// What the welcome page shows: the documents in the store with their card counts, the daily
// limit and the 学习会 as stored. Read once through useLiveQuery, so the list fills in when the
// bundled deck lands a moment after install.
import type { SourceRow, TifaDB } from '@/data/db/schema';
import { getSettings } from '@/data/db/repo';
import { heldBack } from '@/data/knowledge/suspect';
import type { StudySettings } from '@/data/srs/settings';

export interface WelcomeDoc {
  source: SourceRow;
  /** Cards of the document in study (待核实 ones left out: they are not taught until checked). */
  cards: number;
}

export interface WelcomeData {
  docs: WelcomeDoc[];
  settings: StudySettings;
}

export async function loadWelcome(db: TifaDB): Promise<WelcomeData> {
  const [sources, settings, counts] = await Promise.all([db.sources.toArray(), getSettings(db), countCards(db)]);
  const docs = sources.map((source) => ({ source, cards: counts.get(source.id) ?? 0 }));
  docs.sort(
    (a, b) =>
      (a.source.date ?? '').localeCompare(b.source.date ?? '') || a.source.title.localeCompare(b.source.title, 'zh'),
  );
  return { docs, settings };
}

async function countCards(db: TifaDB): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await db.cards
    .where('retired')
    .equals(0)
    .each((c) => {
      if (heldBack(c)) return;
      for (const id of new Set(c.sourceIds)) counts.set(id, (counts.get(id) ?? 0) + 1);
    });
  return counts;
}
