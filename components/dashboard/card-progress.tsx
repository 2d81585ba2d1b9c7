import { useLiveQuery } from 'dexie-react-hooks';
import { db, type CardRow } from '@/data/db/schema';
import { cardHistory } from '@/data/db/dashboard';
import { getSettings } from '@/data/db/repo';
import type { StudySettings } from '@/data/srs/settings';
import { retrievability, State } from '@/data/srs/scheduler';
import { formatDay, percent } from '@/components/common/format';
import { fsrsStateLabel } from '@/data/vocab/card-states';
import { ratingLabel } from '@/data/vocab/ratings';

function recallNow(card: CardRow, now: Date, settings: StudySettings | undefined): string {
  // Until the settings are read, nothing: the default curve would show another figure for a moment.
  if (!settings) return '…';
  try {
    return card.fsrs.state === State.New ? '—' : percent(retrievability(card.fsrs, now, settings));
  } catch {
    return '—';
  }
}

const time = (d: Date) =>
  `${formatDay(d)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

/** The FSRS memory state and every rating of the card, newest first. */
export function CardProgress({ card, now }: { card: CardRow; now: Date }) {
  const history = useLiveQuery(() => cardHistory(db, card.id), [card.id]);
  const settings = useLiveQuery(() => getSettings(db), []);
  const s = card.fsrs;
  const isNew = s.state === State.New;
  return (
    <>
      <section aria-label="记忆状态">
        <h4>记忆状态</h4>
        <dl className="fsrs">
          <dt>状态</dt>
          <dd>{fsrsStateLabel(s.state)}</dd>
          <dt>下次复习</dt>
          <dd>{isNew ? '尚未学习' : time(new Date(s.due))}</dd>
          <dt>当前记住的可能</dt>
          <dd>{recallNow(card, now, settings)}</dd>
          <dt>记得牢不牢</dt>
          <dd>{isNew ? '—' : `约 ${s.stability.toFixed(1)} 天后，还记得的可能降到九成（记忆模型的“稳定性”）`}</dd>
          <dt>难度</dt>
          <dd>{isNew ? '—' : `${s.difficulty.toFixed(1)} / 10（1 最容易，10 最难）`}</dd>
          <dt>复习次数</dt>
          <dd>{s.reps}</dd>
          <dt>遗忘次数</dt>
          <dd>{s.lapses}</dd>
          <dt>在网页上见到</dt>
          <dd>{card.seen?.count ? `${card.seen.count} 次` : '—'}</dd>
        </dl>
      </section>
      <section aria-label="复习记录">
        <h4>复习记录</h4>
        {history?.length ? (
          <table className="history" data-testid="card-history">
            <thead>
              <tr>
                <th scope="col">时间</th>
                <th scope="col">评分</th>
                <th scope="col">之前状态</th>
              </tr>
            </thead>
            <tbody>
              {history.map((log) => (
                <tr key={log.review.getTime()}>
                  <td>{time(new Date(log.review))}</td>
                  <td className={`rating-${log.rating}`}>{ratingLabel(log.rating)}</td>
                  <td>{fsrsStateLabel(log.state)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{history ? '还没有复习过。' : '正在载入…'}</p>
        )}
      </section>
    </>
  );
}
