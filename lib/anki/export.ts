// One export, start to end, given the rows read from the store: map, write the collection, zip.
// Runs in the dashboard's Anki worker (and in Node for tests and the bench); `now` and the clock are given.
import type { SqlJsStatic } from 'sql.js';
import type { Source } from '@/data/knowledge/types';
import type { StudySettings } from '@/data/srs/settings';
import { toAnkiRows, type ExportCard, type ExportLog } from './map';
import type { DayClock } from './schedule';
import { packageApkg, writeCollection, type WriteProgress } from './write';

export interface ApkgSource {
  cards: ExportCard[];
  logs: ExportLog[];
  sources: Source[];
  settings: Pick<StudySettings, 'desiredRetention' | 'learningSteps' | 'relearningSteps' | 'dayStartHour'>;
}

export interface ApkgResult {
  bytes: Uint8Array;
  notes: number;
  revlog: number;
}

export function buildApkg(
  SQL: SqlJsStatic,
  data: ApkgSource,
  now: Date,
  utcOffsetMinutesWest: number,
  onProgress?: (p: WriteProgress) => void,
): ApkgResult {
  const clock: DayClock = { rollover: data.settings.dayStartHour, utcOffsetMinutesWest };
  const rows = toAnkiRows({
    cards: data.cards,
    logs: data.logs,
    sources: data.sources,
    now,
    clock,
    desiredRetention: data.settings.desiredRetention,
    learningSteps: data.settings.learningSteps.length,
    relearningSteps: data.settings.relearningSteps.length,
  });
  const collection = writeCollection(SQL, rows, onProgress);
  return { bytes: packageApkg(collection), notes: rows.notes.length, revlog: rows.revlog.length };
}
