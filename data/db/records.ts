// One schema per stored record: what a row of each table may hold, every field's type and range.
// Parsing a row from outside (a backup file today; an Anki import or a synced file later) gives
// back a new row with only the known fields, or the first problem in Chinese ("难度必须在 1 到 10
// 之间"); the caller names the record ("第 12 张卡片"). Nothing here reads or writes the database.
// The field schemas they are built of live in records-fields.ts.
import * as v from 'valibot';
// Types only: the schemas load without Dexie, so pure code (an Anki reader, a sync check) can use them.
import type { CardRow, ConflictRow, NoteRow, QuizRow, SettingRow, SourceRow, TextRow } from './schema';
import { quizAnswerRecord } from './quiz-records';
import { FsrsStateRecord, HISTORY_UID, HistoryRecord, RATING_UID, ReviewLogRecord } from './records-study';

export { FsrsStateRecord, HISTORY_UID, HistoryRecord, RATING_UID, ReviewLogRecord };
import {
  CARD_KINDS,
  clean,
  conflictEvidence,
  count,
  date,
  evidence,
  figure,
  filled,
  flag,
  id,
  importance,
  list,
  MAX_LIST,
  MAX_SHORT,
  MAX_TIME,
  maybe,
  NOTE_KINDS,
  num,
  origin,
  record,
  sourceIdsOf,
  text,
} from './records-fields';

export const SourceRecord = v.pipe(
  record({
    id: id('编号'),
    file: v.optional(text('文件名', MAX_SHORT), ''),
    title: filled('标题', MAX_SHORT),
    date: maybe(text('日期', 40)),
    traditional: maybe(v.boolean('繁体标记必须是 true 或 false')),
    dateUnverified: maybe(v.boolean('日期待核实标记必须是 true 或 false')),
    url: maybe(text('网址', 4_000)),
    caveat: maybe(text('说明', MAX_SHORT)),
    origin,
  }),
  v.transform((row): SourceRow => clean(row)),
);

export const NoteRecord = v.pipe(
  record({
    id: id('编号'),
    kind: v.picklist(NOTE_KINDS, `类型必须是 ${NOTE_KINDS.join('、')} 之一`),
    name: filled('名称', MAX_SHORT),
    aliases: maybe(list(filled('别名', MAX_SHORT), '别名')),
    members: maybe(list(filled('成员', MAX_SHORT), '成员')),
    ordered: maybe(v.boolean('顺序标记必须是 true 或 false')),
    definition: maybe(text('定义')),
    figure: maybe(figure),
    evidence: list(evidence, '出处'),
    since: maybe(v.pipe(v.string('起用日期必须是文字'), v.isoDate('起用日期必须是 年-月-日'))),
    provenance: maybe(
      list(
        v.pipe(
          record(
            {
              part: text('部分', MAX_SHORT),
              from: v.picklist(['document', 'glossary', 'made'], '出自必须是 document、glossary 或 made'),
              source: maybe(id('来源编号')),
            },
            '出处说明',
          ),
          v.transform((row) => clean(row)),
        ),
        '出处说明',
        10_000,
      ),
    ),
    importance,
    // Traditional forms of the texts that light up on pages, keyed by the simplified text.
    variants: maybe(
      v.pipe(
        v.record(v.string(), list(filled('写法', MAX_SHORT), '写法', 100), '写法必须是对象'),
        v.check((o) => Object.keys(o).length <= MAX_LIST, `写法超过 ${MAX_LIST} 项`),
      ),
    ),
    origin,
    sourceIds: maybe(list(id('来源编号'), '来源编号')),
    retired: flag('停用标记'),
  }),
  v.transform((row): NoteRow => clean({ ...row, sourceIds: row.sourceIds ?? sourceIdsOf(row.evidence) })),
);

export const CardRecord = v.pipe(
  record({
    id: id('编号'),
    noteId: id('知识点编号'),
    kind: v.picklist(CARD_KINDS, '卡片类型无效'),
    prompt: filled('问题'),
    answer: filled('答案'),
    members: maybe(list(filled('成员', MAX_SHORT), '成员')),
    evidence: list(evidence, '出处'),
    importance,
    conflicts: maybe(list(id('矛盾编号'), '矛盾编号')),
    figure: maybe(figure),
    origin,
    sourceIds: maybe(list(id('来源编号'), '来源编号')),
    fsrs: FsrsStateRecord,
    suspended: flag('暂停标记'),
    retired: flag('停用标记'),
    leech: v.optional(v.boolean('难点标记必须是 true 或 false'), false),
    edited: maybe(
      v.pipe(
        record({ prompt: maybe(filled('修改后的问题')), answer: maybe(filled('修改后的答案')) }, '修改'),
        v.transform((row) => clean(row)),
      ),
    ),
    wanted: maybe(num('加入学习的时间', 0, MAX_TIME)),
    // 待核实 (schema v6): the suspect document the card rests on alone, and the user's decision on it.
    held: maybe(id('待核实的来源编号')),
    verdict: maybe(v.picklist(['confirmed', 'discarded'], '核实结果必须是 confirmed 或 discarded')),
    seen: v.optional(
      v.pipe(
        record({ count: count('见过次数', 1e9), last: maybe(date('最近见到的时间')) }, '见过记录'),
        v.transform((row) => clean(row)),
      ),
      { count: 0 },
    ),
    addedAt: date('添加时间'),
  }),
  v.transform((row): CardRow =>
    clean({ ...row, sourceIds: row.sourceIds ?? sourceIdsOf(row.evidence), due: row.fsrs.due, state: row.fsrs.state }),
  ),
);

export const ConflictRecord = v.pipe(
  record({
    id: id('编号'),
    topic: text('主题', MAX_SHORT),
    values: list(text('说法', MAX_SHORT), '各方说法', 100),
    evidence: list(conflictEvidence, '出处'),
    notes: maybe(list(id('知识点编号'), '知识点编号')),
    cards: maybe(list(id('卡片编号'), '卡片编号', 10_000)),
    source: maybe(id('来源编号')),
    caveat: maybe(text('说明', MAX_SHORT)),
    origin,
    resolved: flag('已处理标记'),
    choice: maybe(text('选择', MAX_SHORT)),
    resolvedAt: maybe(date('处理时间')),
    retired: flag('停用标记'),
  }),
  v.transform((row): ConflictRow => clean(row)),
);

const MAX_SETTING_CHARS = 100_000;
export const SettingRecord = v.pipe(
  record({
    key: id('设置名'),
    value: v.pipe(
      v.unknown(),
      v.check((value) => value !== undefined, '缺少设置值'),
      v.check(
        (value) => JSON.stringify(value).length <= MAX_SETTING_CHARS,
        `设置值太大（超过 ${MAX_SETTING_CHARS} 字）`,
      ),
    ),
  }),
  v.transform((row): SettingRow => ({ key: row.key, value: row.value })),
);

export const QuizRecord = v.pipe(
  record({
    id: maybe(count('编号', Number.MAX_SAFE_INTEGER)),
    at: date('测验时间'),
    total: count('题数', 100_000),
    correct: count('答对数', 100_000),
    cardIds: list(id('卡片编号'), '卡片编号列表', 100_000),
    mode: maybe(v.picklist(['normal', 'weak', 'challenge'], '测验方式必须是 normal、weak 或 challenge')),
    missedIds: maybe(list(id('卡片编号'), '答错的卡片', 100_000)),
    streak: maybe(count('连对题数', 100_000)),
    counted: maybe(v.boolean('计入复习标记必须是 true 或 false')),
    sourceIds: maybe(list(id('来源编号'), '测验的文件列表', MAX_LIST)),
  }),
  v.check((q) => q.correct <= q.total, '答对数不能多于题数'),
  v.transform((row): QuizRow => clean(row)),
);

/** An imported document's extracted text (schema v5). */
export const TextRecord = v.pipe(
  record({
    id: id('来源编号'),
    text: filled('全文', 20_000_000),
    hash: id('全文的校验值'),
    format: v.optional(filled('文件格式', 20), 'txt'),
    file: v.optional(text('文件名', MAX_SHORT), ''),
    importedAt: date('导入时间'),
  }),
  v.transform((row): TextRow => row),
);

/** One answered quiz question (schema v7); built in its own file from these field schemas. */
export const QuizAnswerRecord = quizAnswerRecord({ record, text, filled, id, count, list, maybe, clean });

export interface RecordSpec {
  /** "张卡片": the counter and noun, as in "第 12 张卡片". */
  unit: string;
  /** The field that must be unique within the table. */
  key: string;
  /** Most rows a table may hold in one file. */
  max: number;
  schema: v.GenericSchema<unknown, object>;
  /** May be missing from older files (then empty). */
  optional?: boolean;
}

/**
 * Every table of data/db/schema.ts, in the order a backup restores them. A table added there gets
 * its record schema above and its row here (tests/data/db/records.test.ts fails until it has one).
 */
export const RECORDS = {
  sources: { unit: '份来源文件', key: 'id', max: 100_000, schema: SourceRecord },
  notes: { unit: '条知识点', key: 'id', max: 500_000, schema: NoteRecord },
  cards: { unit: '张卡片', key: 'id', max: 500_000, schema: CardRecord },
  reviewLogs: { unit: '条复习记录', key: 'id', max: 5_000_000, schema: ReviewLogRecord },
  conflicts: { unit: '条矛盾记录', key: 'id', max: 100_000, schema: ConflictRecord },
  settings: { unit: '项设置', key: 'key', max: 1_000, schema: SettingRecord },
  // Quiz records came with schema v2; a file written before them is still whole.
  quizzes: { unit: '次测验记录', key: 'id', max: 1_000_000, schema: QuizRecord, optional: true },
  // Imported documents' texts came with schema v5.
  texts: { unit: '份导入文件的文字', key: 'id', max: 100_000, schema: TextRecord, optional: true },
  // Each quiz's questions came with schema v7 (quiz-records.ts).
  quizAnswers: { unit: '道测验题', key: 'id', max: 5_000_000, schema: QuizAnswerRecord, optional: true },
  // Reviews imported from Anki, a card's in one row, came with schema v9.
  histories: { unit: '份导入的复习历史', key: 'id', max: 500_000, schema: HistoryRecord, optional: true },
} satisfies Record<string, RecordSpec>;

export type TableName = keyof typeof RECORDS;

/** Parses one row; the first problem, in Chinese, when it does not fit. */
export function parseRecord<T extends TableName>(
  table: T,
  raw: unknown,
): { row: v.InferOutput<(typeof RECORDS)[T]['schema']> } | { problem: string } {
  const result = v.safeParse(RECORDS[table].schema, raw, { abortEarly: true });
  return result.success
    ? { row: result.output as v.InferOutput<(typeof RECORDS)[T]['schema']> }
    : { problem: result.issues[0].message };
}
