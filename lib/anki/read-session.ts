// One Anki import, as the import worker runs it: open the package (read everything, keep it in
// memory, hand the preview its summary), then write what the user chose. The store is passed in.
import type { SqlJsStatic } from 'sql.js';
import type { TifaDB } from '../../data/db/schema';
import { writeAnkiImport, type AnkiWriteCounts } from '../../data/db/anki-import';
import { getSettings } from '../../data/db/settings';
import { readAnkiPackage } from './read';
import { summarize, type AnkiSummary } from './read-plan';
import { buildAnkiRows, type AnkiChoice, type RowsProgress } from './read-rows';
import type { AnkiCollection } from './read-types';

export interface AnkiImportResult extends AnkiWriteCounts {
  skipped: number;
}

export class AnkiSession {
  private collection?: AnkiCollection;
  private file = '';

  /** Reads the package; throws an AnkiError (Chinese) when it cannot. */
  async open(bytes: Uint8Array, file: string, sql: SqlJsStatic | (() => Promise<SqlJsStatic>)): Promise<AnkiSummary> {
    this.collection = await readAnkiPackage(bytes, sql);
    this.file = file;
    return summarize(this.collection);
  }

  /** Builds and checks every row, then writes them in one transaction. */
  async write(
    db: TifaDB,
    choice: AnkiChoice,
    now: Date,
    onProgress?: RowsProgress,
    onWriting?: () => void,
  ): Promise<AnkiImportResult> {
    if (!this.collection) throw new Error('no package open');
    const { fsrsWeights } = await getSettings(db);
    const rows = buildAnkiRows(this.collection, choice, this.file, now, onProgress, fsrsWeights);
    onWriting?.();
    const counts = await writeAnkiImport(db, rows);
    return { ...counts, skipped: rows.skipped };
  }
}
