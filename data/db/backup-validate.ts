// Turns an untrusted backup object into rows, or throws a BackupError naming the first bad record
// in Chinese ("第 12 张卡片：难度必须在 1 到 10 之间"). Each row is parsed by its table's schema
// (records.ts), which keeps only the known fields. Nothing here writes: importBackup checks
// everything first.
import { BackupError } from './errors';
import { parseRecord, RECORDS, type TableName } from './records';
import { studyPlanProblem } from './study-plan-record';
import type {
  CardRow,
  ConflictRow,
  HistoryRow,
  NoteRow,
  QuizAnswerRow,
  QuizRow,
  ReviewLogRow,
  SettingRow,
  SourceRow,
  TextRow,
} from './schema';

export const BACKUP_FORMAT = 'tifa-backup';
/** 2: imported review histories (`histories`) came in; an older Tifa must refuse such a file, not drop them. */
export const BACKUP_VERSION = 2;
/** Largest backup read: bytes of the file, and UTF-16 units of its text (a real backup is a few MB). */
export const MAX_BACKUP_CHARS = 50 * 1024 * 1024;

export interface BackupRows {
  sources: SourceRow[];
  notes: NoteRow[];
  cards: CardRow[];
  reviewLogs: ReviewLogRow[];
  conflicts: ConflictRow[];
  settings: SettingRow[];
  quizzes: QuizRow[];
  texts: TextRow[];
  quizAnswers: QuizAnswerRow[];
  histories: HistoryRow[];
}

const broken = (detail: string) => new BackupError(`备份文件已损坏：${detail}`);

function parseTable(data: Record<string, unknown>, table: TableName): object[] {
  const spec = RECORDS[table];
  const what = spec.unit.slice(1); // "卡片" from "张卡片"
  const list = data[table];
  if (list === undefined && 'optional' in spec && spec.optional) return [];
  if (!Array.isArray(list)) throw broken(`缺少${what}列表`);
  if (list.length > spec.max) throw broken(`${what}超过 ${spec.max} ${spec.unit.slice(0, 1)}`);
  const seen = new Map<unknown, number>();
  return list.map((raw, i) => {
    const where = `第 ${i + 1} ${spec.unit}`;
    const parsed = parseRecord(table, raw);
    if ('problem' in parsed) throw broken(`${where}：${parsed.problem}`);
    const key = (parsed.row as unknown as Record<string, unknown>)[spec.key];
    if (key !== undefined) {
      const first = seen.get(key);
      if (first !== undefined)
        throw broken(
          `${where}：${spec.key === 'id' ? '编号' : '名称'}“${String(key)}”与第 ${first + 1} ${spec.unit}重复`,
        );
      seen.set(key, i);
    }
    return parsed.row;
  });
}

export function validateBackup(data: unknown): BackupRows {
  if (
    !data ||
    typeof data !== 'object' ||
    Array.isArray(data) ||
    (data as Record<string, unknown>).format !== BACKUP_FORMAT
  ) {
    throw new BackupError('这不是提法的备份文件。');
  }
  const d = data as Record<string, unknown>;
  if (typeof d.version !== 'number' || !Number.isInteger(d.version) || d.version < 1) throw broken('版本号无效');
  if (d.version > BACKUP_VERSION) throw new BackupError('备份来自更新版本的提法，请先升级扩展再导入。');
  const rows = Object.fromEntries(
    (Object.keys(RECORDS) as TableName[]).map((table) => [table, parseTable(d, table)]),
  ) as unknown as BackupRows;
  const plan = studyPlanProblem(rows.settings);
  if (plan) throw broken(`学习会设置：${plan}`);
  return rows;
}
