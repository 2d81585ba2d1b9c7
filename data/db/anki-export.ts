// Reads what an Anki export carries: the chosen cards (all, one document's, or a search result's),
// their review logs and the documents they cite, in one read transaction. Cards that vanished from
// their documents (retired) and cards held back as 待核实 are left out: Tifa teaches neither.
import { heldBack } from '../knowledge/suspect';
import type { Source } from '../knowledge/types';
import type { StudySettings } from '../srs/settings';
import { getSettings } from './repo';
import { allLogs, logsOfCards, logTables } from './logs';
import type { CardRow, ReviewLogRow, TifaDB } from './schema';

export type AnkiScope = { kind: 'all' } | { kind: 'source'; sourceId: string } | { kind: 'cards'; cardIds: string[] };

export interface AnkiExportData {
  cards: CardRow[];
  logs: ReviewLogRow[];
  sources: Source[];
  settings: StudySettings;
}

export async function readAnkiExport(db: TifaDB, scope: AnkiScope): Promise<AnkiExportData> {
  return db.transaction('r', [db.cards, ...logTables(db), db.sources, db.settings], async () => {
    let cards: CardRow[];
    if (scope.kind === 'source') cards = await db.cards.where('sourceIds').equals(scope.sourceId).toArray();
    else if (scope.kind === 'cards')
      cards = (await db.cards.bulkGet(scope.cardIds)).filter((c): c is CardRow => c !== undefined);
    else cards = await db.cards.toArray();
    cards = cards.filter((c) => c.retired === 0 && !heldBack(c));
    const ids = new Set(cards.map((c) => c.id));
    // All logs in one read: a query per card costs more than the filter for any sizeable export.
    const logs = scope.kind === 'all' ? await allLogs(db) : [...(await logsOfCards(db, ids)).values()].flat();
    const cited = new Set(cards.flatMap((c) => [...c.sourceIds, ...c.evidence.map((e) => e.source)]));
    const sources = (await db.sources.bulkGet([...cited])).filter((s): s is NonNullable<typeof s> => s !== undefined);
    return { cards, logs: logs.filter((l) => ids.has(l.cardId)), sources, settings: await getSettings(db) };
  });
}
