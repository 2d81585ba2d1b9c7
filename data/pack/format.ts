// The 学习资料包 format (docs/pack.md): a pointer `pack.json` naming the current version, the version
// files `pack-v<N>-<hash>.json` (immutable, the hash of their bytes in the name) and the members'
// readiness files `members/<id>.json`. Everything read from the folder is untrusted: parsed whole with
// valibot (imported documents with the sync check's own DocumentSchema) or refused in Chinese.
import * as v from 'valibot';
import { DocumentSchema, type DocumentSnapshot } from '../sync/document';
import { PlanDate } from '../srs/plan-date';

export const PACK_FORMAT = 'tifa-pack';
export const PACK_VERSION = 1;
export const READINESS_FORMAT = 'tifa-pack-readiness';
export const POINTER = 'pack.json';
export const MEMBERS = 'members';
/** Larger version files are refused before they are parsed. */
export const MAX_PACK_BYTES = 20 * 1024 * 1024;
export const MAX_SMALL_BYTES = 64 * 1024;
const MAX_DOCS = 200;
const MAX_CARDS = 20_000;

/** A bundled document: every member has it with the deck; the pack names it and the chosen cards. */
export interface BundledPackDoc {
  kind: 'bundled';
  source: { id: string; title: string; date?: string };
  /**
   * The chosen cards as the organiser sees them; `edited` names the fields that are the organiser's edit
   * (the others are the organiser's bundled deck text, which the member's own deck may have newer).
   */
  cards: Array<{ id: string; prompt: string; answer: string; edited?: Array<'prompt' | 'answer'> }>;
}

/** An imported document: its text and the chosen notes and cards, as sync carries a document. */
export interface ImportedPackDoc {
  kind: 'import';
  doc: DocumentSnapshot;
}

export type PackDoc = BundledPackDoc | ImportedPackDoc;

export interface PackFile {
  format: typeof PACK_FORMAT;
  version: number;
  /** The version number N: 1 for the first publication, +1 for each one after. */
  pack: number;
  publishedAt: Date;
  /** The 学习会's title and day, when the organiser gave them. */
  title?: string;
  session?: string;
  documents: PackDoc[];
}

export interface PackPointer {
  format: typeof PACK_FORMAT;
  version: number;
  pack: number;
  file: string;
}

export interface DocReadiness {
  id: string;
  /** 已掌握: mean recall of the pack's cards of this document at the end of today; null when none is active. */
  mastered: number | null;
  due: number;
  cards: number;
}

export interface ReadinessFile {
  format: typeof READINESS_FORMAT;
  version: number;
  name: string;
  at: Date;
  pack: number;
  documents: DocReadiness[];
}

const MIN_TIME = Date.UTC(1970, 0, 1);
const MAX_TIME = Date.UTC(2300, 0, 1);
const at = v.pipe(
  v.union([v.string(), v.number()], '时间必须是日期'),
  v.transform((x) => new Date(x)),
  v.check((d) => d.getTime() >= MIN_TIME && d.getTime() <= MAX_TIME, '时间不是有效日期'),
);
const id = v.pipe(v.string('编号必须是文字'), v.minLength(1, '编号不能为空'), v.maxLength(200, '编号太长'));
const words = (label: string, max: number) =>
  v.pipe(
    v.string(`${label}必须是文字`),
    v.trim(),
    v.minLength(1, `${label}不能为空`),
    v.maxLength(max, `${label}太长`),
  );
const count = (label: string) =>
  v.pipe(v.number(`${label}必须是数字`), v.integer(`${label}必须是整数`), v.minValue(0, `${label}不能为负`));
const versionNumber = v.pipe(
  v.number('版本号必须是数字'),
  v.integer('版本号必须是整数'),
  v.minValue(1, '版本号必须大于 0'),
  v.maxValue(1_000_000, '版本号太大'),
);

const BundledSchema = v.object({
  kind: v.literal('bundled'),
  source: v.object({ id, title: words('标题', 2_000), date: v.optional(v.pipe(v.string(), v.maxLength(40))) }),
  cards: v.pipe(
    v.array(
      v.object(
        {
          id,
          prompt: words('问题', 20_000),
          answer: words('答案', 20_000),
          edited: v.optional(
            v.pipe(v.array(v.picklist(['prompt', 'answer'], '未知的修改项')), v.maxLength(2, '修改项太多')),
          ),
        },
        '卡片必须是对象',
      ),
      '卡片必须是列表',
    ),
    v.maxLength(MAX_CARDS, '卡片太多'),
  ),
});

const ImportedSchema = v.pipe(
  v.object({ kind: v.literal('import'), doc: DocumentSchema }),
  v.check((d) => d.doc.cards.length > 0, '资料包里的文件没有卡片'),
);

const docId = (d: PackDoc) => (d.kind === 'bundled' ? d.source.id : d.doc.source.id);

const PackSchema = v.object({
  format: v.literal(PACK_FORMAT),
  version: v.literal(PACK_VERSION),
  pack: versionNumber,
  publishedAt: at,
  title: v.optional(words('学习会名称', 200)),
  session: v.optional(PlanDate),
  documents: v.pipe(
    v.array(v.variant('kind', [BundledSchema, ImportedSchema], '未知的文件类型'), '缺少文件列表'),
    v.minLength(1, '资料包里没有文件'),
    v.maxLength(MAX_DOCS, '资料包里的文件太多'),
    v.check((docs) => new Set(docs.map(docId)).size === docs.length, '资料包里有重复的文件'),
  ),
});

/** pack-v12-3f2a9c0e41d7b6a2.json: the version and the first 16 hex digits of the SHA-256 of its bytes. */
export const packFileName = (n: number, hash: string) => `pack-v${n}-${hash.slice(0, 16)}.json`;

export function parsePackFileName(name: string): { pack: number; hash: string } | undefined {
  const m = /^pack-v([1-9]\d{0,6})-([0-9a-f]{16})\.json$/.exec(name);
  return m ? { pack: Number(m[1]), hash: m[2] } : undefined;
}

const PointerSchema = v.pipe(
  v.object({
    format: v.literal(PACK_FORMAT),
    version: v.literal(PACK_VERSION),
    pack: versionNumber,
    file: v.pipe(v.string('文件名必须是文字'), v.maxLength(100, '文件名太长')),
  }),
  v.check((p) => parsePackFileName(p.file)?.pack === p.pack, '资料包的版本与文件名不符'),
);

const ReadinessSchema = v.object({
  format: v.literal(READINESS_FORMAT),
  version: v.literal(PACK_VERSION),
  name: words('名字', 40),
  at,
  pack: versionNumber,
  documents: v.pipe(
    v.array(
      v.object({
        id,
        mastered: v.nullable(v.pipe(v.number('已掌握必须是数字'), v.minValue(0), v.maxValue(1))),
        due: count('待复习张数'),
        cards: count('卡片数'),
      }),
    ),
    v.maxLength(MAX_DOCS, '文件太多'),
  ),
});

export type Parsed<T> = { ok: T } | { problem: string; newer?: boolean };

/** JSON, our format, not from a newer Tifa, then the schema; the first problem in Chinese. */
function parseWith<T>(text: string, format: string, schema: v.GenericSchema<unknown, T>, noun: string): Parsed<T> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { problem: `${noun}不完整或已损坏（无法读取为 JSON）` };
  }
  if (!data || typeof data !== 'object' || (data as { format?: unknown }).format !== format)
    return { problem: `这不是提法的${noun}` };
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > PACK_VERSION)
    return { problem: `${noun}来自更新版本的提法（格式 ${version}），请先把本机的提法升级到最新版本`, newer: true };
  const result = v.safeParse(schema, data, { abortEarly: true });
  if (!result.success) {
    const issue = result.issues[0];
    const doc = issue.path?.find((p) => p.key === 'documents') ? issue.path[1]?.key : undefined;
    const where = typeof doc === 'number' ? `第 ${doc + 1} 份文件：` : '';
    return { problem: `${noun}已损坏：${where}${issue.message}` };
  }
  return { ok: result.output };
}

export const parsePointer = (text: string) =>
  parseWith(text, PACK_FORMAT, PointerSchema, '学习资料包') as Parsed<PackPointer>;

/** A version file read under the name that says `pack`. */
export function parsePack(text: string, expect: { pack: number }): Parsed<PackFile> {
  const parsed = parseWith(text, PACK_FORMAT, PackSchema, '学习资料包') as Parsed<PackFile>;
  if ('ok' in parsed && parsed.ok.pack !== expect.pack) return { problem: '学习资料包的版本与文件名不符' };
  return parsed;
}

export const parseReadiness = (text: string) =>
  parseWith(text, READINESS_FORMAT, ReadinessSchema, '成员的准备情况') as Parsed<ReadinessFile>;

/** A member's readiness file: members/m-<random>.json. */
export const MEMBER_FILE = /^m-[0-9a-z]{8,40}\.json$/;

export const packDocId = docId;
export const packDocTitle = (d: PackDoc) => (d.kind === 'bundled' ? d.source.title : d.doc.source.title);

/** The cards of a document in the pack, their content as the member will see it. */
export function packCards(d: PackDoc): Array<{ id: string; prompt: string; answer: string }> {
  const cards = d.kind === 'bundled' ? d.cards : d.doc.cards;
  return cards.map((c) => ({ id: c.id, prompt: c.prompt, answer: c.answer }));
}
