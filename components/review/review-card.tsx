import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db, type CardRow } from '@/data/db/schema';
import { cardText } from '@/data/db/repo';
import { previewIntervals, type Grade } from '@/data/srs/scheduler';
import type { StudySettings } from '@/data/srs/settings';
import { EvidenceQuotes } from '@/components/common/evidence-quote';
import { ConflictWarning } from '@/components/common/conflict-warning';

import { cardMayTake, RATINGS } from './keys';
import { focusOnMount } from '../common/focus';

const KEYS = RATINGS.map((r) => r.key);

export interface ReviewCardProps {
  cardId: string;
  /** The card as the queue read it, shown until the live query answers. */
  initial?: CardRow;
  now: Date;
  settings: StudySettings;
  onRate(cardId: string, rating: Grade): void;
  busy?: boolean;
}

/** One card: prompt → (Space / click) answer with its source → rate with 1–4 or the buttons. */
export function ReviewCard({ cardId, initial, now, settings, onRate, busy }: ReviewCardProps) {
  // The queue already read this card: show it at once, then follow edits live.
  const live = useLiveQuery(() => db.cards.get(cardId), [cardId]);
  const card = live?.id === cardId ? live : initial?.id === cardId ? initial : undefined;
  const sources = useLiveQuery(() => db.sources.toArray(), []);
  const [revealed, setRevealed] = useState(false);
  // Before paint: the next card must never show, or take a rating key, with the last one's answer open.
  const body = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    setRevealed(false);
    body.current?.scrollTo({ top: 0 });
  }, [cardId]);

  useEffect(() => {
    // Read by `npm run bench`: time from opening the popup to its first card shown (unless the peek,
    // entrypoints/peek.ts, showed it first), and to the app's own first card.
    if (!card || performance.getEntriesByName('tifa:app-card').length) return;
    performance.mark('tifa:app-card');
    if (performance.getEntriesByName('tifa:first-card').length === 0) performance.mark('tifa:first-card');
  }, [card]);

  const intervals = useMemo(() => (card ? previewIntervals(card.fsrs, now, settings) : []), [card, now, settings]);

  // A layout effect: the keys work from the moment the card is painted, not a frame later.
  useLayoutEffect(() => {
    function onKey(event: KeyboardEvent) {
      // Enter or Space on a focused button presses that button (Enter on 重来 is 重来, not 良好).
      if (busy || !card || !cardMayTake(event, KEYS)) return;
      if (event.key === ' ' || event.key === 'Enter') {
        event.preventDefault();
        if (!revealed) setRevealed(true);
        else onRate(cardId, 3);
        return;
      }
      const choice = RATINGS.find((r) => r.key === event.key);
      if (choice && revealed) {
        event.preventDefault();
        onRate(cardId, choice.rating);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [card, cardId, revealed, busy, onRate]);

  if (!card) return <p className="muted">正在载入卡片…</p>;
  const { prompt, answer } = cardText(card);

  return (
    <article className="review-card" aria-live="polite">
      {/* Scrolls on its own, so the rating bar below stays in sight on a long card. */}
      <div className="card-body" ref={body} tabIndex={0}>
        <p className="card-prompt" data-testid="card-prompt">
          {prompt}
        </p>
        {card.conflicts?.length ? <ConflictWarning conflictIds={card.conflicts} /> : null}
        {revealed ? (
          <>
            <div className="card-answer" data-testid="card-answer">
              {card.kind === 'formulation-list' && card.members?.length && !card.edited?.answer ? (
                <ol className="members">
                  {card.members.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ol>
              ) : (
                <p>{answer}</p>
              )}
            </div>
            <EvidenceQuotes evidence={card.evidence.slice(0, 2)} sources={sources} />
            {card.evidence.length > 2 ? <p className="muted small">另有 {card.evidence.length - 2} 处出处</p> : null}
          </>
        ) : null}
      </div>
      {!revealed ? (
        <button type="button" className="primary reveal" onClick={() => setRevealed(true)} ref={focusOnMount}>
          显示答案 <kbd>空格</kbd>
        </button>
      ) : (
        <div className="ratings" role="group" aria-label="评分" data-card-keys>
          {RATINGS.map((r, i) => (
            <button
              key={r.rating}
              type="button"
              data-testid={r.testId}
              className={`rate ${r.className}`}
              disabled={busy}
              onClick={() => onRate(cardId, r.rating)}
              title={`按 ${r.key}`}
            >
              <span className="interval">{intervals[i]?.label}</span>
              <span>{r.label}</span>
              <kbd>{r.key}</kbd>
            </button>
          ))}
        </div>
      )}
    </article>
  );
}
