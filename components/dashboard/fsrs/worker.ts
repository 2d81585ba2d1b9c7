// FSRS training off the settings page's main thread: read the review log, train with fsrs-browser
// (its wasm packaged in the extension's /fsrs/ folder, never fetched from the network), and score the
// current and the new parameters on the same history. The page cancels by terminating this worker.
import init, { Fsrs, Progress } from 'fsrs-browser';
import { openDb } from '@/data/db/schema';
import { getSettings } from '@/data/db/repo';
import { MIN_REVIEWS_TO_TRAIN, readTrainingLogs, type TrainReport } from '@/data/db/fsrs-params';
import { cardHistories, longTermReviews, trainingItems } from '@/data/srs/fsrs-items';
import { DEFAULT_WEIGHTS, evaluateWeights, intervalChange, isBetter } from '@/data/srs/fsrs-params';
import { computeWeights } from '@/lib/fsrs/optimizer';
import type { TrainReply, TrainRequest } from './protocol';

const post = (msg: TrainReply) => (self as unknown as Worker).postMessage(msg);

async function train(req: TrainRequest): Promise<void> {
  const db = openDb();
  const [settings, logs] = await Promise.all([getSettings(db), readTrainingLogs(db)]);
  db.close();
  const reviews = logs.filter((l) => l.rating >= 1 && l.rating <= 4).length;
  if (reviews < MIN_REVIEWS_TO_TRAIN) return post({ type: 'too-few', reviews });
  const histories = cardHistories(logs, {
    dayStartHour: settings.dayStartHour,
    utcOffsetMinutes: req.utcOffsetMinutes,
  });
  // The wasm is the extension's own /fsrs/fsrs_browser_bg.wasm (wxt.config.ts copies it there and points the library at it).
  const wasm = await init();
  const progress = Progress.new();
  post({ type: 'start', buffer: wasm.memory.buffer, pointer: progress.pointer(), reviews });
  const weights = computeWeights({ Fsrs, Progress }, trainingItems(histories), progress);
  post({ type: 'phase', label: '正在用你的复习记录比较新旧参数' });
  const old = settings.fsrsWeights ?? [...DEFAULT_WEIGHTS];
  const current = evaluateWeights(histories, old);
  const next = evaluateWeights(histories, weights);
  const report: TrainReport = {
    at: req.now,
    reviews,
    items: longTermReviews(histories),
    current,
    next,
    weights,
    change: intervalChange(histories, old, weights, settings.desiredRetention),
    applied: isBetter(current, next),
  };
  post({ type: 'done', report });
}

self.onmessage = (e: MessageEvent<TrainRequest>) => {
  train(e.data).catch((err: unknown) => {
    console.error(err);
    post({ type: 'error', message: '优化参数时出错，当前参数没有改变。' });
  });
};
