import { useEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/data/db/schema';
import {
  getFsrsParams,
  MIN_REVIEWS_TO_TRAIN,
  restorePreviousWeights,
  saveTraining,
  type TrainReport,
} from '@/data/db/fsrs-params';
import { toChineseMessage } from '@/data/db/errors';
import { describeChange, isBetter } from '@/data/srs/fsrs-params';
import { runTraining, TrainFailure, type TrainProgress } from './run';

type Phase = { kind: 'idle' } | { kind: 'running'; progress: TrainProgress };

const fmt = (n: number) => n.toFixed(4);
const day = (iso: string) => new Date(iso).toLocaleDateString('zh-CN');

/** What the last training found, in words first and figures after. */
function Report({ report }: { report: TrainReport }) {
  const better = isBetter(report.current, report.next);
  return (
    <div className="fsrs-report" data-testid="fsrs-report">
      <p data-testid="fsrs-verdict">
        {report.applied
          ? `已换用新参数。${describeChange(report.change)}`
          : better
            ? '新参数更好，但你已恢复原参数。'
            : '新参数没有比当前参数更准确地预测你的复习结果，仍使用当前参数。'}
      </p>
      <table className="fsrs-metrics">
        <caption className="muted small">
          {day(report.at)}用 {report.reviews} 次复习（其中 {report.items} 次隔天复习）检验：数值越小，预测越准。
        </caption>
        <thead>
          <tr>
            <th scope="col">参数</th>
            <th scope="col">对数损失</th>
            <th scope="col">均方根误差</th>
          </tr>
        </thead>
        <tbody>
          <tr data-testid="fsrs-current">
            <th scope="row">原参数</th>
            <td>{fmt(report.current.logLoss)}</td>
            <td>{fmt(report.current.rmse)}</td>
          </tr>
          <tr data-testid="fsrs-next">
            <th scope="row">新参数</th>
            <td>{fmt(report.next.logLoss)}</td>
            <td>{fmt(report.next.rmse)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** Settings → 优化参数: train FSRS on the user's own review log, switch only if better, go back at will. */
export function FsrsSection({ now }: { now: Date }) {
  const data = useLiveQuery(
    async () => ({ reviews: await db.reviewLogs.count(), params: await getFsrsParams(db) }),
    [],
  );
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [message, setMessage] = useState('');
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  async function train() {
    setMessage('');
    const ctrl = new AbortController();
    abort.current = ctrl;
    setPhase({ kind: 'running', progress: { label: '正在读取复习记录' } });
    try {
      const outcome = await runTraining(now, (progress) => setPhase({ kind: 'running', progress }), ctrl.signal);
      if (outcome.kind === 'too-few') {
        setMessage(
          `复习记录还不够：目前 ${outcome.reviews} 次，至少需要 ${MIN_REVIEWS_TO_TRAIN} 次才能根据你的记忆情况优化参数。`,
        );
      } else {
        await saveTraining(db, outcome.report);
      }
    } catch (err) {
      setMessage(err instanceof TrainFailure ? err.message : toChineseMessage(err));
    } finally {
      abort.current = null;
      setPhase({ kind: 'idle' });
    }
  }

  async function restore() {
    setMessage('');
    try {
      await restorePreviousWeights(db);
      setMessage('已恢复原参数。');
    } catch (err) {
      setMessage(toChineseMessage(err));
    }
  }

  if (!data) return null;
  const { reviews, params } = data;
  const enough = reviews >= MIN_REVIEWS_TO_TRAIN;
  return (
    <fieldset className="fsrs" data-testid="fsrs-section">
      <legend>优化参数</legend>
      <p data-testid="fsrs-in-use">当前使用：{params.current ? '根据你的复习记录优化的参数' : '默认参数'}</p>
      <p className="muted small">
        按你自己的复习记录重新估计记忆规律（与 Anki 相同的 FSRS
        优化器，全部在本机计算）。只有新参数比当前参数预测得更准时才会换用，原参数会保留。
      </p>
      {phase.kind === 'running' ? (
        <div role="status" aria-live="polite" data-testid="fsrs-progress">
          <p>{phase.progress.label}…</p>
          {phase.progress.share !== undefined ? (
            <progress max={1} value={phase.progress.share} aria-label="优化进度" />
          ) : null}
          <button type="button" onClick={() => abort.current?.abort()} data-testid="fsrs-cancel">
            取消
          </button>
        </div>
      ) : (
        <p>
          <button type="button" onClick={() => void train()} data-testid="fsrs-train">
            开始优化
          </button>{' '}
          {params.previous !== undefined ? (
            <button type="button" onClick={() => void restore()} data-testid="fsrs-restore">
              恢复原参数
            </button>
          ) : null}
        </p>
      )}
      {!enough && phase.kind === 'idle' && !message ? (
        <p className="muted small" data-testid="fsrs-count">
          目前有 {reviews} 次复习记录，至少需要 {MIN_REVIEWS_TO_TRAIN} 次才能优化。
        </p>
      ) : null}
      {message ? (
        <p role="status" data-testid="fsrs-message">
          {message}
        </p>
      ) : null}
      {params.report ? <Report report={params.report} /> : null}
    </fieldset>
  );
}
