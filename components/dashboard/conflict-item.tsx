import { useState } from 'react';
import { db, type ConflictRow, type SourceRow } from '@/data/db/schema';
import { resolveConflict } from '@/data/db/repo';
import { toChineseMessage } from '@/data/db/errors';
import { EvidenceQuote, sourceInfo, type SourceInfo } from '@/components/common/evidence-quote';
import { formatDay, sourceDateText } from '@/components/common/format';
import type { Evidence } from '@/data/knowledge/types';
import { ErrorAlert } from '@/components/common/error-alert';

/** Sentences shown at once per side; the rest wait behind 另有 N 处出处, so one conflict fits one screen. */
const SHOWN = 2;

interface Said {
  evidence: Evidence;
  /** Every document that has this very sentence. */
  sources: SourceInfo[];
}

// The same sentence in several documents (a speech quoted by a decision) is shown once, with each document named.
function sayings(evidence: Evidence[], sourceOf: (id: string) => SourceInfo): Said[] {
  const byText = new Map<string, Said>();
  for (const ev of evidence) {
    const key = ev.quote.replace(/\s+/g, '');
    const said = byText.get(key);
    if (said) said.sources.push(sourceOf(ev.source));
    else byText.set(key, { evidence: ev, sources: [sourceOf(ev.source)] });
  }
  return [...byText.values()];
}

function Saying({ said }: { said: Said }) {
  const [first, ...also] = said.sources;
  return (
    <>
      <EvidenceQuote evidence={said.evidence} source={first} />
      {also.length ? (
        <p className="muted small also">
          同一句话也见于
          {also.map((s) => `《${s.title}》${sourceDateText(s) ? `（${sourceDateText(s)}）` : ''}`).join('、')}
        </p>
      ) : null}
    </>
  );
}

/** One disagreement: each value with its sentences, and the user's choice. Unresolved ones open, resolved ones folded. */
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
  const sourceOf = (id: string): SourceInfo => {
    const s = sources.find((x) => x.id === id);
    return s ? sourceInfo(s) : { title: id };
  };
  const chosen = c.resolved ? (c.choice === 'both' ? '两者都保留' : `以“${c.choice}”为准`) : '';

  return (
    <li className={`conflict ${c.resolved ? 'resolved' : 'open'}`} data-testid="conflict-item">
      {/* Keyed by state: resolving folds the conflict, reopening unfolds it; in between the user folds at will. */}
      <details key={c.resolved} open={!c.resolved}>
        <summary>
          <h3>
            {c.resolved ? '✓ ' : '⚠ '}
            {c.topic}
          </h3>
          <span className="muted small">{c.values.join(' / ')}</span>
        </summary>
        <div className="conflict-values">
          {c.values.map((value) => {
            const said = sayings(
              c.evidence.filter((ev) => ev.value === value),
              sourceOf,
            );
            return (
              <div key={value} className={`conflict-value ${c.choice === value ? 'chosen' : ''}`}>
                <div className="conflict-value-head">
                  <p className="value">{value}</p>
                  {!c.resolved ? (
                    <button type="button" data-testid="conflict-choose" onClick={() => void choose(value)}>
                      以“{value}”为准
                    </button>
                  ) : null}
                </div>
                {said.slice(0, SHOWN).map((s, i) => (
                  <Saying key={i} said={s} />
                ))}
                {said.length > SHOWN ? (
                  <details className="more-evidence">
                    <summary>另有 {said.length - SHOWN} 处出处</summary>
                    {said.slice(SHOWN).map((s, i) => (
                      <Saying key={i} said={s} />
                    ))}
                  </details>
                ) : null}
              </div>
            );
          })}
        </div>
        {!c.resolved ? (
          <button type="button" data-testid="conflict-both" onClick={() => void choose('both')}>
            两者都保留
          </button>
        ) : null}
      </details>
      {c.resolved ? (
        <p className="conflict-choice">
          已核对：<strong data-testid="conflict-choice">{chosen}</strong>
          {c.resolvedAt ? <span className="muted small">（{formatDay(new Date(c.resolvedAt))}）</span> : null}{' '}
          <button type="button" data-testid="conflict-reopen" onClick={() => void choose(null)}>
            重新打开
          </button>
        </p>
      ) : null}
      <ErrorAlert message={error} />
    </li>
  );
}
