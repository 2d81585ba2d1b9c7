import { formatDay } from '@/components/common/format';

/** Bars of cards coming due per day: [0] is today, overdue cards included. */
export function ForecastChart({ counts, firstDay }: { counts: number[]; firstDay: Date }) {
  const max = Math.max(1, ...counts);
  const dayAt = (i: number) => {
    const d = new Date(firstDay);
    d.setDate(d.getDate() + i);
    return d;
  };
  const total = counts.reduce((a, b) => a + b, 0);
  return (
    <figure className="forecast-figure">
      <ol className="forecast" aria-label={`未来 30 天共 ${total} 张到期`} data-testid="forecast">
        {counts.map((n, i) => {
          const label = i === 0 ? '今天' : formatDay(dayAt(i));
          return (
            <li key={i} title={`${label}：${n} 张`}>
              <span className="bar-value" aria-hidden="true">
                {n || ''}
              </span>
              <span className="bar-fill" style={{ height: `${(n / max) * 100}%` }} />
              <span className="bar-label" aria-hidden="true">
                {i % 7 === 0 ? label : ''}
              </span>
              <span className="visually-hidden">
                {label}：{n} 张
              </span>
            </li>
          );
        })}
      </ol>
      <figcaption className="muted small">已学过的卡片按记忆模型排定的复习日期；新卡片按每日上限另计。</figcaption>
    </figure>
  );
}
