import { useLayoutEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/data/db/schema';
import { cardText } from '@/data/db/repo';
import { EvidenceQuotes } from '@/components/common/evidence-quote';
import { ConflictWarning } from '@/components/common/conflict-warning';
import { cardMayTake, CRAM_KEYS } from '@/components/review/keys';
import { focusOnMount } from '../common/focus';

const KEYS: readonly string[] = [CRAM_KEYS.forgot, CRAM_KEYS.remembered];

/** prompt → Space → answer → 1 没记住 / 3 记住了 (the keys of 重来 and 良好). Nothing is written to the store. */
export function CramCard({ cardId, onAnswer }: { cardId: string; onAnswer(remembered: boolean): void }) {
  const card = useLiveQuery(() => db.cards.get(cardId), [cardId]);
  const sources = useLiveQuery(() => db.sources.toArray(), []);
  const [revealed, setRevealed] = useState(false);

  // A layout effect: the keys work from the moment the card is shown. Preact runs plain effects only after
  // the next frame, and a Space pressed right after 1 or 3 fell between the old card's listener and the new.
  useLayoutEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (!cardMayTake(event, KEYS)) return;
      if (!revealed && (event.key === ' ' || event.key === 'Enter')) {
        event.preventDefault();
        setRevealed(true);
      } else if (revealed && KEYS.includes(event.key)) {
        event.preventDefault();
        onAnswer(event.key === CRAM_KEYS.remembered);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [revealed, onAnswer]);

  if (!card) return <p className="muted">正在载入卡片…</p>;
  const { prompt, answer } = cardText(card);
  return (
    <article className="review-card" aria-live="polite">
      <p className="card-prompt" data-testid="cram-prompt">
        {prompt}
      </p>
      {card.conflicts?.length ? <ConflictWarning conflictIds={card.conflicts} /> : null}
      {!revealed ? (
        <button
          type="button"
          className="primary reveal"
          onClick={() => setRevealed(true)}
          ref={focusOnMount}
          data-testid="cram-reveal"
        >
          显示答案 <kbd>空格</kbd>
        </button>
      ) : (
        <>
          <p className="card-answer" data-testid="cram-answer">
            {answer}
          </p>
          <EvidenceQuotes evidence={card.evidence.slice(0, 2)} sources={sources} />
          <div className="cram-buttons" role="group" aria-label="回答" data-card-keys>
            <button type="button" onClick={() => onAnswer(false)} data-testid="cram-forgot">
              没记住 <kbd>{CRAM_KEYS.forgot}</kbd>
            </button>
            <button type="button" className="primary" onClick={() => onAnswer(true)} data-testid="cram-remembered">
              记住了 <kbd>{CRAM_KEYS.remembered}</kbd>
            </button>
          </div>
        </>
      )}
    </article>
  );
}
