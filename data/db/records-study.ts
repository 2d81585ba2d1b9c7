// The records of study progress: a card's FSRS memory state (as ts-fsrs keeps it) and a review log
// row, each field's type and range, checked before anything from outside is written (records.ts).
import * as v from 'valibot';
import { State, type SrsLog } from '../srs/scheduler';
import type { HistoryRow, ReviewLogRow } from './schema';
import {
  clean,
  count,
  date,
  expect,
  FSRS_STATES,
  id,
  MAX_DAYS,
  MAX_ID,
  maybe,
  num,
  record,
  STATE_MESSAGE,
  text,
} from './records-fields';

/** FSRS state as ts-fsrs keeps it. A card never studied has stability and difficulty 0. */
export const FsrsStateRecord = v.pipe(
  record(
    {
      due: date('下次复习时间'),
      stability: num('稳定度', 0, MAX_DAYS),
      // Its range depends on the state (0 for a new card), checked below.
      difficulty: v.pipe(v.number(expect('难度', '难度必须是数字')), v.finite('难度必须是有限的数字')),
      elapsed_days: v.optional(count('已隔天数'), 0),
      scheduled_days: count('计划间隔天数'),
      learning_steps: v.optional(count('学习步骤', 1_000), 0),
      reps: count('复习次数'),
      lapses: count('遗忘次数'),
      state: v.picklist(FSRS_STATES, STATE_MESSAGE),
      last_review: maybe(date('上次复习时间')),
    },
    '复习进度',
  ),
  // Never studied: both 0 (ts-fsrs's empty card). Otherwise ts-fsrs refuses any other memory state.
  v.check((s) => s.stability > 0 || (s.state === State.New && s.difficulty === 0), '稳定度必须大于 0'),
  v.check(
    (s) =>
      (s.difficulty >= 1 && s.difficulty <= 10) || (s.state === State.New && s.stability === 0 && s.difficulty === 0),
    '难度必须在 1 到 10 之间',
  ),
  v.check((s) => s.lapses <= s.reps, '遗忘次数不能多于复习次数'),
  v.transform((row) => clean(row)),
);

/** One review as ts-fsrs logs it. */
const logEntries = {
  rating: v.picklist([0, 1, 2, 3, 4], '评分必须是 0 到 4 之间的整数'),
  state: v.picklist(FSRS_STATES, STATE_MESSAGE),
  due: date('下次复习时间'),
  stability: num('稳定度', 0, MAX_DAYS),
  difficulty: num('难度', 0, 10),
  elapsed_days: v.optional(count('已隔天数'), 0),
  last_elapsed_days: v.optional(count('上次间隔天数'), 0),
  scheduled_days: count('计划间隔天数'),
  learning_steps: v.optional(count('学习步骤', 1_000), 0),
  review: date('复习时间'),
};

/** Sync (docs/sync.md): a row's global id — device/local id for a rating, device/h + local id for a history. */
const syncId = (pattern: RegExp) => maybe(v.pipe(text('同步编号', MAX_ID), v.regex(pattern, '同步编号无效')));
export const RATING_UID = /^d-[0-9a-z]{8,40}\/\d{1,15}$/;
export const HISTORY_UID = /^d-[0-9a-z]{8,40}\/h\d{1,15}$/;

export const ReviewLogRecord = v.pipe(
  record({
    id: maybe(count('编号', Number.MAX_SAFE_INTEGER)),
    cardId: id('卡片编号'),
    noteId: v.optional(text('知识点编号', MAX_ID), ''),
    ...logEntries,
    // The rating's global id, so a restored backup does not send it again.
    uid: syncId(RATING_UID),
  }),
  v.transform((row): ReviewLogRow => clean(row as ReviewLogRow)),
);

/**
 * Most reviews in one history row (a card with more gets several rows; Anki's own cards rarely pass a few
 * hundred): a row is sent whole in one sync op, which must stay far below a sync file's limit.
 */
export const MAX_HISTORY_LOGS = 1_000;

/** A card's imported reviews (schema v9): sorted oldest first, `last` taken from them, never trusted. */
export const HistoryRecord = v.pipe(
  record({
    id: maybe(count('编号', Number.MAX_SAFE_INTEGER)),
    cardId: id('卡片编号'),
    noteId: v.optional(text('知识点编号', MAX_ID), ''),
    logs: v.pipe(
      v.array(record(logEntries, '复习记录'), '复习记录必须是列表'),
      v.minLength(1, '复习记录不能为空'),
      v.maxLength(MAX_HISTORY_LOGS, `复习记录超过 ${MAX_HISTORY_LOGS} 条`),
    ),
    uid: syncId(HISTORY_UID),
  }),
  v.transform((row): HistoryRow => {
    const logs = [...row.logs].sort((a, b) => a.review.getTime() - b.review.getTime()) as SrsLog[];
    return clean({ ...row, logs, last: logs[logs.length - 1].review } as HistoryRow);
  }),
);
