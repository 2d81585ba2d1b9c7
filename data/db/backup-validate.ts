// Turns an untrusted backup object back into rows, or throws a BackupError naming the first
// bad record in Chinese. Nothing here writes: importBackup validates everything first.
import { reviveLog, reviveState } from '../srs/scheduler';
import { BackupError } from './errors';
import { BUNDLED, type CardRow, type ConflictRow, type NoteRow, type QuizRow, type ReviewLogRow, type SettingRow, type SourceRow, type TextRow } from './schema';

export const BACKUP_FORMAT = 'tifa-backup';
export const BACKUP_VERSION = 1;

export interface BackupRows {
  sources: SourceRow[];
  notes: NoteRow[];
  cards: CardRow[];
  reviewLogs: ReviewLogRow[];
  conflicts: ConflictRow[];
  settings: SettingRow[];
  quizzes: QuizRow[];
  texts: TextRow[];
}

type Obj = Record<string, unknown>;
const TABLES = {
  sources: '份来源文件',
  notes: '条知识点',
  cards: '张卡片',
  reviewLogs: '条复习记录',
  conflicts: '条矛盾记录',
  settings: '项设置',
  quizzes: '次测验记录',
  texts: '份导入文件的文字',
} as const;
type TableName = keyof typeof TABLES;

const broken = (detail: string) => new BackupError(`备份文件已损坏：${detail}`);

/** Checks one record; `where` reads "第 12 张卡片". */
class Rec {
  constructor(readonly o: Obj, readonly where: string) {}
  str(key: string): string {
    const v = this.o[key];
    if (typeof v !== 'string' || v === '') throw broken(`${this.where}缺少 ${key}`);
    return v;
  }
  num(key: string): number {
    const v = this.o[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw broken(`${this.where}的 ${key} 不是数字`);
    return v;
  }
  arr(key: string, optional = false): unknown[] | undefined {
    const v = this.o[key];
    if (v === undefined && optional) return undefined;
    if (!Array.isArray(v)) throw broken(`${this.where}的 ${key} 不是列表`);
    return v;
  }
  date(key: string, optional = false): Date | undefined {
    const v = this.o[key];
    if (v == null && optional) return undefined;
    const d = typeof v === 'string' || typeof v === 'number' ? new Date(v) : undefined;
    if (!d || Number.isNaN(d.getTime())) throw broken(`${this.where}的 ${key} 不是有效日期`);
    return d;
  }
  flag(key: string): 0 | 1 {
    return this.o[key] ? 1 : 0;
  }
  /** The FSRS reviver throws TypeError in English; report it on this record in Chinese. */
  fsrs<T>(what: string, fn: () => T): T {
    try {
      return fn();
    } catch {
      throw broken(`${this.where}的${what}无效`);
    }
  }
}

function records(data: Obj, table: TableName): Rec[] {
  const list = data[table];
  if (!Array.isArray(list)) throw broken(`缺少${TABLES[table].slice(1)}列表`);
  return list.map((o, i) => {
    const where = `第 ${i + 1} ${TABLES[table]}`;
    if (!o || typeof o !== 'object' || Array.isArray(o)) throw broken(`${where}不是对象`);
    return new Rec(o as Obj, where);
  });
}

function noDuplicates(rows: { id?: unknown }[], what: string): void {
  const seen = new Set<unknown>();
  for (const r of rows) {
    if (r.id === undefined) continue;
    if (seen.has(r.id)) throw broken(`${what} id 重复：${String(r.id)}`);
    seen.add(r.id);
  }
}

const sourceIdsOf = (r: Rec) => (r.arr('sourceIds', true) as string[] | undefined) ?? [...new Set((r.arr('evidence') as Obj[]).map((e) => String(e.source)))];

export function validateBackup(data: unknown): BackupRows {
  if (!data || typeof data !== 'object' || (data as Obj).format !== BACKUP_FORMAT) throw new BackupError('这不是提法的备份文件。');
  const d = data as Obj;
  if (typeof d.version !== 'number' || !Number.isInteger(d.version) || d.version < 1) throw broken('版本号无效');
  if (d.version > BACKUP_VERSION) throw new BackupError('备份来自更新版本的提法，请先升级扩展再导入。');

  const sources = records(d, 'sources').map((r): SourceRow => ({ ...(r.o as unknown as SourceRow), id: r.str('id'), title: r.str('title'), origin: (r.o.origin as string) ?? BUNDLED }));
  const notes = records(d, 'notes').map((r): NoteRow => {
    for (const k of ['id', 'kind', 'name']) r.str(k);
    return { ...(r.o as unknown as NoteRow), sourceIds: sourceIdsOf(r), origin: (r.o.origin as string) ?? BUNDLED, retired: r.flag('retired') };
  });
  const cards = records(d, 'cards').map((r): CardRow => {
    for (const k of ['id', 'noteId', 'kind', 'prompt', 'answer']) r.str(k);
    r.num('importance');
    r.arr('evidence');
    const fsrs = r.fsrs('复习进度 (fsrs)', () => reviveState(r.o.fsrs));
    const seen = (r.o.seen ?? { count: 0 }) as Obj;
    const last = new Rec(seen, r.where).date('last', true);
    const card: CardRow = {
      ...(r.o as unknown as CardRow),
      sourceIds: sourceIdsOf(r),
      origin: (r.o.origin as string) ?? BUNDLED,
      fsrs,
      due: fsrs.due,
      state: fsrs.state,
      suspended: r.flag('suspended'),
      retired: r.flag('retired'),
      leech: r.o.leech === true,
      seen: last ? { count: Number(seen.count) || 0, last } : { count: Number(seen.count) || 0 },
      addedAt: r.date('addedAt')!,
    };
    // Only a number may go into the `wanted` index; anything else is dropped.
    if (!(typeof card.wanted === 'number' && Number.isFinite(card.wanted))) delete card.wanted;
    // Nor anything but a source id into the `held` index; a verdict is one of two words or nothing.
    if (typeof card.held !== 'string') delete card.held;
    if (card.verdict !== 'confirmed' && card.verdict !== 'discarded') delete card.verdict;
    return card;
  });
  const reviewLogs = records(d, 'reviewLogs').map((r): ReviewLogRow => {
    const log = r.fsrs('评分数据', () => reviveLog(r.o));
    const row: ReviewLogRow = { ...log, cardId: r.str('cardId'), noteId: typeof r.o.noteId === 'string' ? r.o.noteId : '' };
    if (r.o.id !== undefined) row.id = r.num('id');
    return row;
  });
  const conflicts = records(d, 'conflicts').map((r): ConflictRow => {
    r.str('id');
    r.arr('values');
    r.arr('evidence');
    const resolvedAt = r.date('resolvedAt', true);
    const row: ConflictRow = { ...(r.o as unknown as ConflictRow), origin: (r.o.origin as string) ?? BUNDLED, resolved: r.flag('resolved'), retired: r.flag('retired') };
    if (resolvedAt) row.resolvedAt = resolvedAt;
    return row;
  });
  const settings = records(d, 'settings').map((r): SettingRow => ({ key: r.str('key'), value: r.o.value }));
  // Quiz records were added in schema v2; a backup written without them is still whole.
  const quizzes = d.quizzes === undefined ? [] : records(d, 'quizzes').map((r): QuizRow => ({ ...(r.o as unknown as QuizRow), at: r.date('at')! }));

  // Imported documents' text was added in schema v5; a backup written before is still whole.
  const texts =
    d.texts === undefined
      ? []
      : records(d, 'texts').map((r): TextRow => ({
          id: r.str('id'),
          text: r.str('text'),
          hash: r.str('hash'),
          format: typeof r.o.format === 'string' ? r.o.format : 'txt',
          file: typeof r.o.file === 'string' ? r.o.file : '',
          importedAt: r.date('importedAt')!,
        }));

  noDuplicates(texts, '导入文件的文字');
  noDuplicates(cards, '卡片');
  noDuplicates(notes, '知识点');
  return { sources, notes, cards, reviewLogs, conflicts, settings, quizzes, texts };
}
