// The field schemas the records (records.ts) are built of: bounds, Chinese labels and messages, one
// builder per kind of value (text, id, count, list, date, flag…), and the parts several records share
// (evidence, a figure). Pure valibot; nothing here reads or writes the database.
import * as v from 'valibot';
import type { CardKind, NoteKind } from '../knowledge/types';
import { State } from '../srs/scheduler';
import type { Origin } from './schema';

/** schema.ts's BUNDLED: a row without an origin came with the bundled deck. */
const BUNDLED: Origin = 'bundled';

// Bounds: far beyond any real deck, small enough that nothing downstream chokes.
export const MAX_ID = 200;
export const MAX_SHORT = 2_000;
const MAX_TEXT = 20_000;
export const MAX_LIST = 1_000;
export const MAX_DAYS = 1_000_000;
const MIN_TIME = Date.UTC(1970, 0, 1);
export const MAX_TIME = Date.UTC(2300, 0, 1);

/** The Chinese name of each field, for "缺少…" when a record lacks it. */
const FIELD_NAMES: Record<string, string> = {
  id: '编号',
  noteId: '知识点编号',
  cardId: '卡片编号',
  kind: '类型',
  prompt: '问题',
  answer: '答案',
  evidence: '出处',
  importance: '重要程度',
  fsrs: '复习进度',
  addedAt: '添加时间',
  name: '名称',
  title: '标题',
  file: '文件名',
  source: '来源编号',
  quote: '出处原文',
  part: '部分',
  from: '出自',
  value: '值',
  unit: '单位',
  count: '次数',
  rating: '评分',
  review: '复习时间',
  due: '下次复习时间',
  stability: '稳定度',
  difficulty: '难度',
  scheduled_days: '计划间隔天数',
  reps: '复习次数',
  lapses: '遗忘次数',
  state: '状态',
  topic: '主题',
  values: '各方说法',
  key: '设置名',
  at: '测验时间',
  total: '题数',
  correct: '答对数',
  cardIds: '卡片编号列表',
  text: '全文',
  hash: '全文的校验值',
  importedAt: '导入时间',
  quizId: '测验编号',
  index: '题号',
  response: '作答',
  verdict: '判定',
  logs: '复习记录',
};

/** An object schema whose missing fields are reported by name ("缺少难度"), anything else as "不是对象". */
export function record<E extends v.ObjectEntries>(entries: E, noun?: string) {
  return v.object(entries, (issue) => {
    const key = /^"(.+)"$/.exec(issue.expected ?? '')?.[1];
    if (!key) return `${noun ?? '记录'}必须是对象`;
    return `缺少${noun ? `${noun}的` : ''}${FIELD_NAMES[key] ?? key}`;
  });
}

/** "缺少难度" when the field is absent (undefined), else `wrong` ("难度必须是数字"). */
export const expect = (label: string, wrong: string) => (issue: v.BaseIssue<unknown>) =>
  issue.input === undefined ? `缺少${label}` : wrong;

export const text = (label: string, max = MAX_TEXT) =>
  v.pipe(v.string(expect(label, `${label}必须是文字`)), v.maxLength(max, `${label}太长（超过 ${max} 字）`));
export const filled = (label: string, max = MAX_TEXT) =>
  v.pipe(
    text(label, max),
    v.check((s) => s.trim() !== '', `${label}不能为空`),
  );
export const id = (label: string) =>
  v.pipe(
    filled(label, MAX_ID),
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    v.regex(/^[^\u0000-\u001f\u007f]+$/, `${label}含有控制字符`),
  );
export const num = (label: string, min: number, max: number) =>
  v.pipe(
    v.number(expect(label, `${label}必须是数字`)),
    v.finite(`${label}必须是有限的数字`),
    v.minValue(min, `${label}必须在 ${min} 到 ${max} 之间`),
    v.maxValue(max, `${label}必须在 ${min} 到 ${max} 之间`),
  );
export const count = (label: string, max = MAX_DAYS) =>
  v.pipe(
    v.number(expect(label, `${label}必须是数字`)),
    v.integer(`${label}必须是整数`),
    v.minValue(0, `${label}不能为负`),
    v.maxValue(max, `${label}不能超过 ${max}`),
  );
export const list = <T extends v.GenericSchema>(item: T, label: string, max = MAX_LIST) =>
  v.pipe(v.array(item, expect(label, `${label}必须是列表`)), v.maxLength(max, `${label}超过 ${max} 项`));
export const date = (label: string) =>
  v.pipe(
    v.union([v.string(), v.number(), v.date()], expect(label, `${label}必须是日期`)),
    v.transform((x) => new Date(x instanceof Date ? x.getTime() : x)),
    v.check((d) => d.getTime() >= MIN_TIME && d.getTime() <= MAX_TIME, `${label}不是有效日期`),
  );
/** 0 or 1 in the table (IndexedDB cannot index booleans); true/false accepted. */
export const flag = (label: string) =>
  v.optional(
    v.pipe(
      v.union([v.literal(0), v.literal(1), v.boolean()], `${label}必须是 0 或 1`),
      v.transform((x): 0 | 1 => (x ? 1 : 0)),
    ),
    0,
  );
export const origin = v.optional(id('来源标记'), BUNDLED);
export const importance = num('重要程度', 0, 100);
export const maybe = v.nullish;

// Every kind, checked by the compiler: a kind added to knowledge/types.ts must be added here too.
const CARD_KIND_SET: Record<CardKind, true> = {
  'formulation-list': true,
  'formulation-member': true,
  'formulation-count': true,
  'formulation-cloze': true,
  'figure-cloze': true,
  'term-definition': true,
  'term-cloze': true,
  statement: true,
  'user-cloze': true,
};
const NOTE_KIND_SET: Record<NoteKind, true> = { formulation: true, figure: true, term: true, statement: true };
export const CARD_KINDS = Object.keys(CARD_KIND_SET) as CardKind[];
export const NOTE_KINDS = Object.keys(NOTE_KIND_SET) as NoteKind[];
export const FSRS_STATES = [State.New, State.Learning, State.Review, State.Relearning];
export const STATE_MESSAGE = '状态必须是 0 到 3（新卡片、学习中、复习、重新学习）之一';

/** Drops fields that are absent (null or undefined), so a row holds only what it has. */
export function clean<T extends object>(row: T): { [K in keyof T]: Exclude<T[K], null> } {
  for (const key of Object.keys(row) as Array<keyof T>) if (row[key] == null) delete row[key];
  return row as { [K in keyof T]: Exclude<T[K], null> };
}

const evidenceEntries = {
  source: id('出处的来源编号'),
  quote: text('出处原文'),
  marks: maybe(
    list(
      v.pipe(
        v.tuple([count('标记位置', MAX_TEXT), count('标记位置', MAX_TEXT)], '标记必须是两个数字'),
        v.check(([a, b]) => a <= b, '标记的起点不能在终点之后'),
      ),
      '标记',
      100,
    ),
  ),
  offset: maybe(count('出处位置', 1e9)),
};
const marksFit = (e: { quote: string; marks?: Array<[number, number]> | null }) =>
  !e.marks || e.marks.every(([, end]) => end <= e.quote.length);
export const evidence = v.pipe(
  record(evidenceEntries, '出处'),
  v.check((e) => marksFit(e), '标记超出了出处原文'),
  v.transform((row) => clean(row)),
);
export const conflictEvidence = v.pipe(
  record({ ...evidenceEntries, value: text('出处对应的说法', MAX_SHORT) }, '出处'),
  v.check((e) => marksFit(e), '标记超出了出处原文'),
  v.transform((row) => clean(row)),
);

export const figure = v.pipe(
  record(
    {
      value: filled('数字', 100),
      number: maybe(num('数值', -1e18, 1e18)),
      unit: text('单位', 100),
      subject: maybe(text('数字的主题', MAX_SHORT)),
      date: maybe(text('数字的时间', 200)),
    },
    '数字',
  ),
  v.transform((row) => clean(row)),
);

export const sourceIdsOf = (evidence: Array<{ source: string }>) => [...new Set(evidence.map((e) => e.source))];
