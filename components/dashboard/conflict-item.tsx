import { useState } from 'react';
import { db, type ConflictRow, type SourceRow } from '@/data/db/schema';
import { resolveConflict } from '@/data/db/repo';
import { toChineseMessage } from '@/data/db/errors';
import { EvidenceQuote } from '@/components/common/evidence-quote';
import { formatDay } from '@/components/common/format';

/** One disagreement: each value with its sentences, and the user's choice. */
export function ConflictItem({ conflict: c, sources }: { conflict: ConflictRow; sources: SourceRow[] }) {
  const [error, setError] = useState('');
  async function choose(choice: string | null) {
    setError('');
    try {
      await resolveConflict(db, c.id, choice, new Date());
    } catch (err) {
      setError(toChineseMessage(err));
    }
  }
  const sourceOf = (id: string) => sources.find((s) => s.id === id);
  const chosen = c.resolved ? (c.choice === 'both' ? '两者都保留' : `以“${c.choice}”为准`) : '';

  return (
    <li className={`conflict ${c.resolved ? 'resolved' : 'open'}`} data-testid="conflict-item">
      <h3>
        {c.resolved ? '✓ ' : '⚠ '}
        {c.topic}
      </h3>
      <div className="conflict-values">
        {c.values.map((value) => (
          <div key={value} className={`conflict-value ${c.choice === value ? 'chosen' : ''}`}>
            <p className="value">{value}</p>
            {c.evidence
              .filter((ev) => ev.value === value)
              .map((ev, i) => {
                const s = sourceOf(ev.source);
                return <EvidenceQuote key={i} evidence={ev} source={s && { title: s.title, date: s.date, dateUnverified: s.dateUnverified, url: s.url }} />;
              })}
            {!c.resolved ? (
              <button type="button" data-testid="conflict-choose" onClick={() => void choose(value)}>
                以“{value}”为准
              </button>
            ) : null}
          </div>
        ))}
      </div>
      {c.resolved ? (
        <p className="conflict-choice">
          已核对：<strong data-testid="conflict-choice">{chosen}</strong>
          {c.resolvedAt ? <span className="muted small">（{formatDay(new Date(c.resolvedAt))}）</span> : null}{' '}
          <button type="button" data-testid="conflict-reopen" onClick={() => void choose(null)}>
            重新打开
          </button>
        </p>
      ) : (
        <button type="button" data-testid="conflict-both" onClick={() => void choose('both')}>
          两者都保留
        </button>
      )}
      {error ? <p className="error" role="alert">{error}</p> : null}
    </li>
  );
}
