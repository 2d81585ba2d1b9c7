import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/data/db/schema';
import { getSettings, reviewCountsByDay } from '@/data/db/repo';
import { countLogs, logsBetween } from '@/data/db/logs';
import { dayKey, dayStart } from '@/data/srs/day';
import { toQueueCard } from '@/data/db/today';
import { forecast, nextDayStart } from '@/data/srs/queue';
import { percent } from '@/components/common/format';
import { heatmapCells, stateCounts, trueRetention } from '@/data/srs/metrics';
import { RATING_LABELS } from '@/data/vocab/ratings';
import { CARD_STATE_LABELS, RETIRED_LABEL } from '@/data/vocab/card-states';
import { formatDuration, ratingCounts, retentionInWords, studyStreak, timeByDay, timeSpent } from './glance';
import { Heatmap } from './heatmap';
import { ForecastChart } from './forecast-chart';

const DAY = 86_400_000;
const WEEKS = 26;

async function loadStats(now: Date) {
  const settings = await getSettings(db);
  const end = nextDayStart(now, settings);
  const [counts, recent, cards, total] = await Promise.all([
    reviewCountsByDay(db, new Date(end.getTime() - (WEEKS + 1) * 7 * DAY), end, settings.dayStartHour),
    logsBetween(db, new Date(end.getTime() - 30 * DAY), end),
    db.cards.toArray(),
    countLogs(db),
  ]);
  const today = dayKey(now, settings.dayStartHour);
  return {
    cells: heatmapCells(counts, today, WEEKS),
    streak: studyStreak(
      counts.filter((c) => c.count > 0).map((c) => c.day),
      today,
    ),
    time: timeSpent(
      timeByDay(
        recent.map((l) => new Date(l.review)),
        settings.dayStartHour,
      ),
      today,
    ),
    ratings: ratingCounts(recent),
    today: counts.find((c) => c.day === today)?.count ?? 0,
    total,
    retention: trueRetention(recent),
    forecast: forecast(cards.filter((c) => !c.retired).map(toQueueCard), now, 30, settings),
    firstDay: dayStart(now, settings.dayStartHour),
    states: stateCounts(cards),
  };
}

const STATE_ROWS = [
  ...(['new', 'learning', 'review', 'suspended', 'leech'] as const).map((k) => [k, CARD_STATE_LABELS[k]] as const),
  ['retired', RETIRED_LABEL] as const,
];

/** #stats: reviews per day, true retention, the 30-day forecast and cards by state. */
export function StatsSection({ now }: { now: Date }) {
  // The clock is read inside the query, so a review saved in the popup shows at once.
  const s = useLiveQuery(() => loadStats(new Date()), [now]);
  if (!s) return <p className="muted">正在载入…</p>;
  const { retention } = s;
  const rated = s.ratings.reduce((a, b) => a + b, 0);
  return (
    <section aria-labelledby="stats-title" className="stats">
      <h2 id="stats-title">统计</h2>
      <dl className="summary">
        <div>
          <dt>今日复习</dt>
          <dd data-testid="stats-reviews-today">{s.today}</dd>
        </div>
        <div>
          <dt>累计复习</dt>
          <dd data-testid="stats-reviews-total">{s.total}</dd>
        </div>
        <div>
          <dt>连续学习</dt>
          <dd data-testid="stats-streak">{s.streak} 天</dd>
        </div>
        <div>
          <dt title="按相邻两次评分的间隔估算（每张最多算 1 分钟）">学习用时</dt>
          <dd data-testid="stats-time">
            今天 {formatDuration(s.time.today)}
            <span className="muted small">本周 {formatDuration(s.time.week)}</span>
          </dd>
        </div>
      </dl>
      <p
        className="retention-words"
        data-testid="stats-retention"
        title="最近 30 天，到期复习的卡片评为“困难”及以上的比例"
      >
        {retentionInWords(retention.rate)}
        {retention.total ? (
          <span className="muted small">
            （{retention.total} 次到期复习中记住 {retention.passed} 次）
          </span>
        ) : null}
      </p>
      <p className="muted small" data-testid="stats-ratings">
        最近 30 天的评分：
        {RATING_LABELS.map((label, i) => (
          <span key={label} className="rating-count">
            {label} {s.ratings[i]} 次{rated ? `（${percent(s.ratings[i] / rated)}）` : ''}
            {i < 3 ? ' · ' : ''}
          </span>
        ))}
      </p>
      <h3>每日复习（最近 {WEEKS} 周）</h3>
      <Heatmap cells={s.cells} />
      <h3>未来 30 天到期</h3>
      <ForecastChart counts={s.forecast} firstDay={s.firstDay} />
      <h3>卡片状态</h3>
      <table className="state-counts" data-testid="stats-state-counts">
        <tbody>
          {STATE_ROWS.map(([key, label]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td>{s.states[key]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
