// The sync file format (docs/sync.md): what one device writes into its own WebDAV folder, and the
// check every file read from there goes through. The remote folder is untrusted input: a file is
// parsed whole (valibot, the backup's own ReviewLogRecord for ratings) or refused in Chinese.
import * as v from 'valibot';
import { HISTORY_UID, HistoryRecord, RATING_UID, ReviewLogRecord } from '../db/records';
import type { HistoryRow, ReviewLogRow } from '../db/schema';
import { DocumentSchema, type DocumentSnapshot } from './document';

export const SYNC_FORMAT = 'tifa-sync';
/** 2: a file that carries imported histories (a `history` op), which a Tifa of format 1 cannot read. */
export const SYNC_VERSION = 2;
/** The format a file is written in: the oldest that holds its ops, so older devices read what they can. */
export const versionOf = (ops: readonly SyncOp[]) => (ops.some((op) => op.t === 'history') ? 2 : 1);
/** Ops per file: a first sync of 100,000 ratings makes 20 files of ~1.5 MB. */
export const OPS_PER_FILE = 5_000;
/** Larger files are refused before they are parsed. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type CardField = 'prompt' | 'answer' | 'suspended';

export type SyncOp =
  | { t: 'review'; uid: string; log: ReviewLogRow }
  | { t: 'undo'; uid: string; at: Date }
  /** A card's reviews imported from Anki (data/db/schema.ts HistoryRow), sent once, never changed. */
  | { t: 'history'; uid: string; history: HistoryRow }
  | { t: 'reset'; card: string; at: Date }
  | { t: 'field'; card: string; field: CardField; value: string | number | null; at: Date }
  | { t: 'setting'; key: string; value: unknown; at: Date }
  | { t: 'document'; doc: DocumentSnapshot; at: Date }
  | { t: 'document-deleted'; source: string; at: Date };

export interface SyncFile {
  format: typeof SYNC_FORMAT;
  version: number;
  device: string;
  seq: number;
  /** A snapshot (compaction): it stands for the files from…seq of its device. */
  from?: number;
  createdAt: Date;
  ops: SyncOp[];
}

/** Device ids and uids: short, printable, safe as a folder name. */
const DEVICE = /^d-[0-9a-z]{8,40}$/;
const MIN_TIME = Date.UTC(1970, 0, 1);
const MAX_TIME = Date.UTC(2300, 0, 1);

const id = v.pipe(v.string('编号必须是文字'), v.minLength(1, '编号不能为空'), v.maxLength(200, '编号太长'));
const uid = v.pipe(v.string('复习记录编号必须是文字'), v.regex(RATING_UID, '复习记录编号无效'));
const historyUid = v.pipe(v.string('复习历史编号必须是文字'), v.regex(HISTORY_UID, '复习历史编号无效'));
const at = v.pipe(
  v.union([v.string(), v.number()], '时间必须是日期'),
  v.transform((x) => new Date(x)),
  v.check((d) => d.getTime() >= MIN_TIME && d.getTime() <= MAX_TIME, '时间不是有效日期'),
);

const OpSchema = v.variant(
  't',
  [
    v.object({ t: v.literal('review'), uid, log: ReviewLogRecord }),
    v.object({ t: v.literal('undo'), uid, at }),
    v.object({ t: v.literal('history'), uid: historyUid, history: HistoryRecord }),
    v.object({ t: v.literal('reset'), card: id, at }),
    v.object({
      t: v.literal('field'),
      card: id,
      field: v.picklist(['prompt', 'answer', 'suspended'], '卡片字段无效'),
      value: v.nullable(
        v.union([v.pipe(v.string(), v.maxLength(20_000, '卡片文字太长')), v.picklist([0, 1])], '卡片字段的值无效'),
      ),
      at,
    }),
    v.object({
      t: v.literal('setting'),
      key: v.pipe(id, v.regex(/^[A-Za-z]{1,60}$/, '设置名无效')),
      value: v.pipe(
        v.unknown(),
        v.check((x) => x !== undefined && JSON.stringify(x).length <= 100_000, '设置值无效'),
      ),
      at,
    }),
    v.object({ t: v.literal('document'), doc: DocumentSchema, at }),
    v.object({ t: v.literal('document-deleted'), source: id, at }),
  ],
  '未知的同步操作',
);

const FileSchema = v.object({
  format: v.literal(SYNC_FORMAT, '这不是提法的同步文件'),
  version: v.picklist([1, SYNC_VERSION], '同步文件的格式无效'),
  device: v.pipe(v.string('设备编号无效'), v.regex(DEVICE, '设备编号无效')),
  seq: v.pipe(v.number('序号必须是数字'), v.integer('序号必须是整数'), v.minValue(1, '序号必须大于 0')),
  from: v.optional(v.pipe(v.number('序号必须是数字'), v.integer('序号必须是整数'), v.minValue(1, '序号必须大于 0'))),
  createdAt: at,
  ops: v.pipe(v.array(OpSchema, '缺少操作列表'), v.maxLength(OPS_PER_FILE * 4, '操作太多')),
});

/**
 * Upper bound of a document or history op's bytes in a file (UTF-8 takes at most 3 bytes per UTF-16 unit).
 * A file holds such ops up to DOCUMENT_BYTES in all, so with its ratings it stays under MAX_FILE_BYTES; a
 * larger document alone is not synced (documentOps); a history row is far smaller (MAX_HISTORY_LOGS).
 */
export const DOCUMENT_BYTES = 16 * 1024 * 1024;
export const opBytes = (op: SyncOp) => (op.t === 'document' || op.t === 'history' ? JSON.stringify(op).length * 3 : 0);

/** The ops in files: at most OPS_PER_FILE each, and documents up to DOCUMENT_BYTES each. */
export function chunkOps(ops: readonly SyncOp[]): SyncOp[][] {
  const chunks: SyncOp[][] = [];
  let chunk: SyncOp[] = [];
  let bytes = 0;
  for (const op of ops) {
    const size = opBytes(op);
    if (chunk.length >= OPS_PER_FILE || (chunk.length && bytes + size > DOCUMENT_BYTES)) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(op);
    bytes += size;
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

export const isDeviceId = (s: string) => DEVICE.test(s);

/** 00000012-3f2a9c0e41d7b6a2.json: the sequence number and the first 16 hex digits of the SHA-256. */
export function fileName(seq: number, hash: string): string {
  return `${String(seq).padStart(8, '0')}-${hash.slice(0, 16)}.json`;
}

export function parseFileName(name: string): { seq: number; hash: string } | undefined {
  const m = /^(\d{8})-([0-9a-f]{16})\.json$/.exec(name);
  return m ? { seq: Number(m[1]), hash: m[2] } : undefined;
}

/** Plain JSON of a file (dates as ISO strings), ready to hash and upload. */
export function serializeFile(file: SyncFile): string {
  return JSON.stringify(file);
}

export type ParsedFile = { file: SyncFile } | { problem: string; newer?: boolean };

/**
 * Parses a file read from `device`'s folder under the name that says `seq`. Everything a hostile
 * or broken file might do is a `problem` (Chinese); `newer` marks a file from a newer Tifa.
 */
export function parseSyncFile(text: string, expect: { device: string; seq: number; from?: number }): ParsedFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { problem: '同步文件不完整或已损坏（无法读取为 JSON）' };
  }
  if (!data || typeof data !== 'object' || (data as { format?: unknown }).format !== SYNC_FORMAT)
    return { problem: '这不是提法的同步文件' };
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > SYNC_VERSION) {
    return { problem: `同步文件来自更新版本的提法（格式 ${version}），请先把本机的提法升级到最新版本`, newer: true };
  }
  const result = v.safeParse(FileSchema, data, { abortEarly: true });
  if (!result.success) {
    const issue = result.issues[0];
    const where = issue.path?.find((p) => p.key === 'ops') ? `第 ${Number(issue.path[1]?.key) + 1} 项操作：` : '';
    return { problem: `同步文件已损坏：${where}${issue.message}` };
  }
  const file = result.output as SyncFile;
  if (file.device !== expect.device || file.seq !== expect.seq || file.from !== expect.from)
    return { problem: '同步文件的设备或序号与文件名不符' };
  return { file };
}
