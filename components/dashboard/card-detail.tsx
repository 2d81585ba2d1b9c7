import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/data/db/schema';
import { cardState, cardText, getCard, resetCard, setSuspended } from '@/data/db/repo';
import { toChineseMessage } from '@/data/db/errors';
import { EvidenceQuotes } from '@/components/common/evidence-quote';
import { ConflictWarning } from '@/components/common/conflict-warning';
import { CARD_STATE_LABELS } from '@/data/vocab/card-states';
import { CARD_KIND_LABELS } from '@/data/vocab/kinds';
import { CardEditForm } from './card-edit-form';
import { CardProgress } from './card-progress';
import { ErrorAlert } from '@/components/common/error-alert';
import { focusOnMount } from '../common/focus';

/** One card: its text (editable), where it came from, its FSRS state and history, and actions. */
export function CardDetail({ cardId, now }: { cardId: string; now: Date }) {
  // null once the card is gone (cleared, or replaced by an import); undefined while loading.
  const card = useLiveQuery(async () => (await getCard(db, cardId)) ?? null, [cardId]);
  const sources = useLiveQuery(() => db.sources.toArray(), []);
  const [editing, setEditing] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    setEditing(false);
    setConfirmReset(false);
    setError('');
  }, [cardId]);

  if (card === undefined) return <p className="muted">正在载入…</p>;
  if (card === null) return <p className="muted empty">这张卡片已不存在。</p>;
  const { prompt, answer } = cardText(card);
  const state = cardState(card);

  async function run(action: () => Promise<unknown>) {
    setError('');
    try {
      await action();
    } catch (err) {
      setError(toChineseMessage(err));
    }
  }

  return (
    <article className="card-detail" data-testid="card-detail" aria-labelledby="detail-prompt">
      <p className="muted small">
        {CARD_KIND_LABELS[card.kind] ?? card.kind} · <span data-testid="card-state">{CARD_STATE_LABELS[state]}</span>
        {card.retired ? ' · 已从文件中移除' : ''}
        {card.edited ? ' · 已修改' : ''}
        {card.held && !card.verdict ? (
          <span className="tag" data-testid="card-held">
            待核实
          </span>
        ) : null}
        {card.held && card.verdict === 'discarded' ? ' · 已舍弃（待核实卡片）' : ''}
      </p>
      {card.held && !card.verdict ? (
        <p className="doc-caveat" role="note">
          这张卡片只来自年份与其他文件不一致的文件，暂不复习、不进测验。请在“文件”页逐张确认或舍弃。
        </p>
      ) : null}
      {card.conflicts?.length ? <ConflictWarning conflictIds={card.conflicts} /> : null}
      {editing ? (
        <CardEditForm card={card} onDone={() => setEditing(false)} />
      ) : (
        <>
          <h3 id="detail-prompt" className="detail-prompt">
            {prompt}
          </h3>
          <p className="detail-answer" data-testid="card-detail-answer">
            {answer}
          </p>
        </>
      )}
      <ErrorAlert message={error} />
      {!editing ? (
        <div className="actions">
          <button type="button" onClick={() => setEditing(true)} data-testid="card-edit">
            修改
          </button>
          <button
            type="button"
            data-testid="card-suspend"
            onClick={() => void run(() => setSuspended(db, card.id, !card.suspended))}
          >
            {card.suspended ? '恢复' : '暂停'}
          </button>
          {confirmReset ? (
            <span className="confirm" role="group" aria-label="确认重置">
              重置后这张卡片回到“新卡片”，复习记录保留。
              <button
                type="button"
                className="primary"
                data-testid="card-reset-confirm"
                onClick={() => void run(() => resetCard(db, card.id, new Date())).then(() => setConfirmReset(false))}
              >
                确定重置
              </button>
              <button type="button" onClick={() => setConfirmReset(false)} ref={focusOnMount}>
                取消
              </button>
            </span>
          ) : (
            <button type="button" data-testid="card-reset" onClick={() => setConfirmReset(true)}>
              重置进度
            </button>
          )}
        </div>
      ) : null}
      <section aria-label="出处">
        <h4>出处</h4>
        {card.evidence.length ? (
          <EvidenceQuotes evidence={card.evidence} sources={sources} />
        ) : (
          <p className="muted">这张卡片没有记录出处。</p>
        )}
      </section>
      <CardProgress card={card} now={now} />
    </article>
  );
}
