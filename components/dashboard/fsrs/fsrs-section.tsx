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
import { pendingRecompute } from '@/data/db/fsrs-recompute';
import { countLogs } from '@/data/db/logs';
import { describeChange, isBetter } from '@/data/srs/fsrs-params';
import { runTraining, TrainFailure, type TrainProgress } from './run';
import { useRecompute, type RecomputeState } from './use-recompute';

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

/** The recomputation of every card's memory state after a switch, and why due dates stay. */
function Recompute({ state }: { state: RecomputeState }) {
  if (state.kind === 'idle') return null;
  if (state.kind === 'error')
    return (
      <p role="status" data-testid="fsrs-recompute">
        {state.message}
      </p>
    );
  if (state.kind === 'running')
    return (
      <div role="status" aria-live="polite" data-testid="fsrs-recompute">
        <p>
          正在按当前参数重新计算每张卡片的记忆状态
          {state.total ? `（${state.done} / ${state.total}）` : ''}…
        </p>
        <progress max={1} value={state.total ? state.done / state.total : 0} aria-label="重新计算进度" />
      </div>
    );
  return (
    <p role="status" data-testid="fsrs-recompute">
      已按当前参数重新计算记忆状态（{state.cards} 张卡片，{state.changed} 张有变化）。 已安排的复习日期保持不变：与 Anki
      的默认做法相同，新参数从每张卡片的下一次复习起决定间隔。
    </p>
  );
}

/** Settings → 优化参数: train FSRS on the user's own review log, switch only if better, go back at will. */
export function FsrsSection() {
  const data = useLiveQuery(
    async () => ({
      reviews: await countLogs(db),
      params: await getFsrsParams(db),
      pending: await pendingRecompute(db),
    }),
    [],
  );
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [message, setMessage] = useState('');
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  // A switch marks the store; the run follows the mark (and resumes one a closed page cut short).
  const recompute = useRecompute(data?.pending);

  async function train() {
    setMessage('');
    const ctrl = new AbortController();
    abort.current = ctrl;
    setPhase({ kind: 'running', progress: { label: '正在读取复习记录' } });
    try {
      // The clock at the click: it also names the switch's recomputation, so two switches never share it.
      const outcome = await runTraining(new Date(), (progress) => setPhase({ kind: 'running', progress }), ctrl.signal);
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
      await restorePreviousWeights(db, new Date());
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
      <Recompute state={recompute} />
      {params.report ? <Report report={params.report} /> : null}
    </fieldset>
  );
}
