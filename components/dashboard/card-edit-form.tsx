import { useState } from 'react';
import { db, type CardRow } from '@/data/db/schema';
import { cardText, editCard } from '@/data/db/repo';
import { toChineseMessage } from '@/data/db/errors';
import { ErrorAlert } from '@/components/common/error-alert';
import { focusOnMount } from '../common/focus';

/** Edits the prompt and answer; the deck's text stays underneath, so "恢复原文" brings it back. */
export function CardEditForm({ card, onDone }: { card: CardRow; onDone(): void }) {
  const shown = cardText(card);
  const [prompt, setPrompt] = useState(shown.prompt);
  const [answer, setAnswer] = useState(shown.answer);
  const [error, setError] = useState('');

  async function save(edit: { prompt: string | null; answer: string | null }) {
    if (edit.prompt !== null && !edit.prompt.trim()) return setError('问题不能为空。');
    if (edit.answer !== null && !edit.answer.trim()) return setError('答案不能为空。');
    try {
      await editCard(db, card.id, edit);
      onDone();
    } catch (err) {
      setError(toChineseMessage(err));
    }
  }

  return (
    <form
      className="edit-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save({ prompt, answer });
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onDone();
        }
      }}
    >
      <label>
        问题
        <textarea
          value={prompt}
          onChange={(e) => setPrompt(e.target.value)}
          rows={3}
          ref={focusOnMount}
          data-testid="card-edit-prompt"
        />
      </label>
      <label>
        答案
        <textarea value={answer} onChange={(e) => setAnswer(e.target.value)} rows={3} data-testid="card-edit-answer" />
      </label>
      {card.edited ? (
        <p className="muted small">
          原文：{card.prompt} → {card.answer}
        </p>
      ) : null}
      <ErrorAlert message={error} />
      <div className="actions">
        <button type="submit" className="primary" data-testid="card-edit-save">
          保存
        </button>
        <button type="button" onClick={onDone}>
          取消 <kbd>Esc</kbd>
        </button>
        {card.edited ? (
          <button
            type="button"
            data-testid="card-edit-restore"
            onClick={() => void save({ prompt: null, answer: null })}
          >
            恢复原文
          </button>
        ) : null}
      </div>
    </form>
  );
}
