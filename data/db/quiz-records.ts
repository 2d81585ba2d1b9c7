// The record schema of one answered quiz question (the quizAnswers table, schema v7), as backups
// and later imports parse it. records.ts hands in its field schemas (so its messages and bounds
// stay one) and lists the result with every other table.
import * as v from 'valibot';
import type { QuizAnswerRow } from './schema';

const MAX = 20_000;

interface Fields {
  record: <E extends v.ObjectEntries>(entries: E) => v.ObjectSchema<E, v.ErrorMessage<v.ObjectIssue>>;
  text: (label: string, max?: number) => v.GenericSchema<unknown, string>;
  filled: (label: string, max?: number) => v.GenericSchema<unknown, string>;
  id: (label: string) => v.GenericSchema<unknown, string>;
  count: (label: string, max?: number) => v.GenericSchema<unknown, number>;
  list: <T extends v.GenericSchema>(
    item: T,
    label: string,
    max?: number,
  ) => v.GenericSchema<unknown, v.InferOutput<T>[]>;
  maybe: typeof v.nullish;
  clean: <T extends object>(row: T) => { [K in keyof T]: Exclude<T[K], null> };
}

export function quizAnswerRecord({ record, text, filled, id, count, list, maybe, clean }: Fields) {
  return v.pipe(
    record({
      id: maybe(count('编号', Number.MAX_SAFE_INTEGER)),
      quizId: count('测验编号', Number.MAX_SAFE_INTEGER),
      index: count('题号', 100_000),
      cardId: id('卡片编号'),
      kind: v.picklist(['single', 'judge', 'multi', 'fill'], '题型必须是 single、judge、multi 或 fill'),
      prompt: filled('题目', MAX),
      options: maybe(list(text('选项', MAX), '选项', 20)),
      answer: text('正确答案', MAX),
      response: text('作答', MAX),
      verdict: v.picklist(['right', 'close', 'wrong'], '判定必须是 right、close 或 wrong'),
      note: maybe(text('说明', MAX)),
    }),
    v.transform((row): QuizAnswerRow => clean(row) as QuizAnswerRow),
  );
}
