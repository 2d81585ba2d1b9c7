// One JSON file holding everything a user owns. Import checks the whole file before writing,
// then replaces every table in one transaction: a bad file or a failed write changes nothing.
import type { TifaDB } from './schema';
import { BACKUP_FORMAT, BACKUP_VERSION, validateBackup, type BackupRows } from './backup-validate';
import { BackupError, isQuotaError, QUOTA_MESSAGE } from './errors';

export { BACKUP_FORMAT, BACKUP_VERSION };

/** Rows as JSON would carry them: every Date an ISO string. */
type Plain<T> = T extends Date ? string : T extends (infer U)[] ? Plain<U>[] : T extends object ? { [K in keyof T]: Plain<T[K]> } : T;

export interface Backup extends Plain<BackupRows> {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
}

function plain<T>(value: T): Plain<T> {
  return JSON.parse(JSON.stringify(value)) as Plain<T>;
}

export async function exportBackup(db: TifaDB, now: Date): Promise<Backup> {
  // One read transaction, so a review saved meanwhile in the popup is either wholly in or out.
  const rows = await db.transaction('r', db.tables, async (): Promise<BackupRows> => ({
    sources: await db.sources.toArray(),
    notes: await db.notes.toArray(),
    cards: await db.cards.toArray(),
    reviewLogs: await db.reviewLogs.toArray(),
    conflicts: await db.conflicts.toArray(),
    settings: await db.settings.toArray(),
    quizzes: await db.quizzes.toArray(),
    texts: await db.texts.toArray(),
  }));
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), ...plain(rows) };
}

/** Accepts the parsed object or the file's text. Returns the number of cards imported. */
export async function importBackup(db: TifaDB, json: unknown): Promise<{ cards: number; reviewLogs: number }> {
  let data = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json);
    } catch {
      throw new BackupError('这不是提法的备份文件（无法读取为 JSON）。');
    }
  }
  const rows = validateBackup(data);
  try {
    await db.transaction('rw', db.tables, async () => {
      await Promise.all(db.tables.map((t) => t.clear()));
      await db.sources.bulkAdd(rows.sources);
      await db.notes.bulkAdd(rows.notes);
      await db.cards.bulkAdd(rows.cards);
      await db.reviewLogs.bulkAdd(rows.reviewLogs);
      await db.conflicts.bulkAdd(rows.conflicts);
      await db.settings.bulkAdd(rows.settings);
      await db.quizzes.bulkAdd(rows.quizzes);
      await db.texts.bulkAdd(rows.texts);
    });
  } catch (err) {
    if (isQuotaError(err)) throw new BackupError(QUOTA_MESSAGE, 'quota', { cause: err });
    const detail = err instanceof Error ? err.message : String(err);
    throw new BackupError(`导入失败，原有数据没有改变：${detail}`, 'db', { cause: err });
  }
  return { cards: rows.cards.length, reviewLogs: rows.reviewLogs.length };
}
