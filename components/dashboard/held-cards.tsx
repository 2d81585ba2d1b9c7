import { useEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db, type CardRow, type SourceRow } from '@/data/db/schema';
import { listHeld, setVerdict } from '@/data/db/held';
import type { Verdict } from '@/data/knowledge/suspect';
import { toChineseMessage } from '@/data/db/errors';
import { EvidenceQuote, sourceInfo } from '@/components/common/evidence-quote';
import { ErrorAlert } from '@/components/common/error-alert';

const DONE: Record<Verdict, string> = { confirmed: '已确认', discarded: '已舍弃' };

/**
 * 待核实: cards that rest only on a document whose years disagree with the other documents. They
 * stay out of review, quizzes and page highlights until the user confirms (or discards) each one.
 * Keyboard: Tab to a card's buttons; after a decision, focus moves to the next card's 确认.
 */
export function HeldCards({ sources }: { sources: SourceRow[] }) {
  const held = useLiveQuery(() => listHeld(db), []);
  const [last, setLast] = useState<{ card: CardRow; verdict: Verdict } | null>(null);
  const [error, setError] = useState('');
  const focusAt = useRef<number | null>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (focusAt.current === null || !held) return;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('[data-testid="held-confirm"]');
    const next = buttons?.[Math.min(focusAt.current, buttons.length - 1)];
    focusAt.current = null;
    next?.focus();
  }, [held]);

  async function decide(card: CardRow, index: number, verdict: Verdict | null) {
    setError('');
    try {
      await setVerdict(db, card.id, verdict);
      setLast(verdict ? { card, verdict } : null);
      focusAt.current = index;
    } catch (err) {
      setError(toChineseMessage(err));
    }
  }

  if (!held || (!held.length && !last)) return null;
  const sourceOf = (id: string) => sources.find((s) => s.id === id);
  return (
    <section aria-labelledby="held-title" className="held" data-testid="held-cards">
      <h3 id="held-title">待核实的卡片（{held.length} 张）</h3>
      <p className="muted small">
        这些卡片只来自年份与其他文件不一致的文件，可能有误，暂不复习、不进测验、不在网页上标出。请对照原文逐张核实：确认无误的进入复习，有误的舍弃。
      </p>
      {last ? (
        <p className="ok small" role="status" data-testid="held-last">
          {DONE[last.verdict]}：{last.card.prompt.slice(0, 30)}{' '}
          <button type="button" data-testid="held-undo" onClick={() => void decide(last.card, 0, null)}>
            撤销
          </button>
        </p>
      ) : null}
      <ErrorAlert message={error} />
      <ul className="held-list" ref={list}>
        {held.map((c, i) => {
          const s = sourceOf(c.held ?? '');
          return (
            <li key={c.id} className="held-card" data-testid="held-card" aria-label={`待核实：${c.prompt}`}>
              <p className="held-prompt">{c.prompt}</p>
              <p className="held-answer">
                答案：<strong>{c.answer}</strong>
              </p>
              {c.evidence.slice(0, 1).map((ev, k) => (
                <EvidenceQuote key={k} evidence={ev} source={s && sourceInfo(s)} />
              ))}
              <div className="actions">
                <button
                  type="button"
                  className="primary"
                  data-testid="held-confirm"
                  onClick={() => void decide(c, i, 'confirmed')}
                >
                  确认
                </button>
                <button type="button" data-testid="held-discard" onClick={() => void decide(c, i, 'discarded')}>
                  舍弃
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
