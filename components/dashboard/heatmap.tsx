import { formatDay } from '@/components/common/format';
import type { HeatCell } from '@/data/srs/metrics';
import { monthLabels } from './glance';

/** Weeks as columns, Monday on top; each square's tooltip gives the day and its count. */
export function Heatmap({ cells }: { cells: HeatCell[] }) {
  const total = cells.reduce((n, c) => n + c.count, 0);
  const days = cells.filter((c) => c.count > 0).length;
  return (
    <figure className="heatmap-figure">
      <div className="heat-months" aria-hidden="true" data-testid="heatmap-months">
        {monthLabels(cells).map((m) => (
          <span key={m.column} style={{ gridColumn: m.column + 1 }}>
            {m.label}
          </span>
        ))}
      </div>
      <div
        className="heatmap"
        role="img"
        aria-label={`这段时间共复习 ${total} 次，${days} 天有复习`}
        data-testid="heatmap"
      >
        {cells.map((c) => (
          <span key={c.day} className={`heat heat-${c.level}`} title={`${formatDay(c.date)}：${c.count} 次`} />
        ))}
      </div>
      <figcaption className="muted small">
        共复习 {total} 次，{days} 天有复习。
        <span className="legend" aria-hidden="true">
          少 <span className="heat heat-0" />
          <span className="heat heat-1" />
          <span className="heat heat-2" />
          <span className="heat heat-3" />
          <span className="heat heat-4" /> 多
        </span>
      </figcaption>
    </figure>
  );
}
