// One JSON file holding everything a user owns. Import checks the whole file before writing,
// then replaces every table in one transaction: a bad file or a failed write changes nothing.
// Every error that leaves here is a BackupError with a Chinese message (never Dexie's or the browser's words).
import type { TifaDB } from './schema';
import { BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_CHARS, validateBackup, type BackupRows } from './backup-validate';
import { BackupError, isQuotaError, QUOTA_MESSAGE, StoreError } from './errors';
import { RECORDS, type TableName } from './records';

export { BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_CHARS };

/** Rows as JSON would carry them: every Date an ISO string. */
type Plain<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Plain<U>[]
    : T extends object
      ? { [K in keyof T]: Plain<T[K]> }
      : T;

export interface Backup extends Plain<BackupRows> {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
}

const TABLES = Object.keys(RECORDS) as TableName[];

/** The reviews a backup holds: Tifa's own ratings and every imported history's. */
export const reviewsIn = (rows: { reviewLogs: unknown[]; histories?: Array<{ logs: unknown[] }> }) =>
  rows.reviewLogs.length + (rows.histories ?? []).reduce((n, h) => n + h.logs.length, 0);

const TOO_BIG = `备份文件太大（超过 ${MAX_BACKUP_CHARS / 1024 / 1024} MB），不是提法导出的文件。`;

function plain<T>(value: T): Plain<T> {
  return JSON.parse(JSON.stringify(value)) as Plain<T>;
}

export async function exportBackup(db: TifaDB, now: Date): Promise<Backup> {
  try {
    // One read transaction, so a review saved meanwhile in the popup is either wholly in or out.
    const rows = await db.transaction('r', db.tables, async () =>
      Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await db.table(t).toArray()] as const))),
    );
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now.toISOString(),
      ...plain(rows as unknown as BackupRows),
    };
  } catch (err) {
    throw new BackupError('导出失败：无法读取数据库，请关闭其他提法页面后重试。', 'db', { cause: err });
  }
}

/** The file the user chose: refused by its size before its text is read. */
export async function importBackupFile(
  db: TifaDB,
  file: { size: number; text(): Promise<string> },
): Promise<{ cards: number; reviews: number }> {
  if (file.size > MAX_BACKUP_CHARS) throw new BackupError(TOO_BIG);
  let text: string;
  try {
    text = await file.text();
  } catch (err) {
    throw new BackupError('无法读取这个文件，请确认它仍在原处后重试。', 'invalid', { cause: err });
  }
  return importBackup(db, text);
}

/** Accepts the parsed object or the file's text. Returns the number of cards imported. */
export async function importBackup(db: TifaDB, json: unknown): Promise<{ cards: number; reviews: number }> {
  let data = json;
  if (typeof json === 'string') {
    if (json.length > MAX_BACKUP_CHARS) throw new BackupError(TOO_BIG);
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
      for (const table of TABLES) await db.table(table).bulkAdd(rows[table]);
    });
  } catch (err) {
    if (isQuotaError(err)) throw new BackupError(QUOTA_MESSAGE, 'quota', { cause: err });
    if (err instanceof StoreError) throw err;
    throw new BackupError('导入失败，原有数据没有改变：数据库拒绝写入这些记录（可能有重复的编号）。', 'db', {
      cause: err,
    });
  }
  return { cards: rows.cards.length, reviews: reviewsIn(rows) };
}
