import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import type { Card, Conflict, NoteKind, Source } from '@/data/knowledge/types';
import type { ImportPlan } from '@/data/db/import';
import { preselectedCards } from '@/data/knowledge/import-plan';
import { CARD_KIND_LABELS, NOTE_KIND_LABELS } from '@/data/vocab/kinds';

// Every kind of note has its group: a card the preview does not show could not be unticked, yet would be written.
const GROUPS: Array<{ kind: NoteKind; label: string }> = (['formulation', 'statement', 'figure', 'term'] as const).map(
  (kind) => ({ kind, label: NOTE_KIND_LABELS[kind] }),
);

export interface PreviewProps {
  plan: ImportPlan;
  sentences: number;
  pages?: number;
  /** The document a re-import replaces. */
  replacing?: Source;
  /** Cards the document already has in the deck (a re-import ticks them). */
  current: ReadonlySet<string>;
  /** Titles of the documents in the deck, for the conflicts. */
  titles: ReadonlyMap<string, string>;
  busy: boolean;
  onConfirm: (source: Source, chosen: Set<string>) => void;
  onCancel: () => void;
}

/** "本文件：5.5%，《…》：5%" for each conflict touching the card. */
function conflictLines(card: Card, conflicts: Conflict[], titles: ReadonlyMap<string, string>, self: string): string[] {
  return conflicts
    .filter((c) => c.cards?.includes(card.id))
    .map((c) => {
      const theirs = c.evidence.find((e) => e.source !== self);
      return `本文件：${c.values[0]}，《${titles.get(theirs?.source ?? '') ?? '其他文件'}》：${c.values[1]}`;
    });
}

// A long document's preview (a 100-page PDF has 1,500+ cards) is put on the page in slices: the first
// cards of each group at once, the rest a slice per task, so no single task holds the page for long.
/** A group's two buttons: tick all its cards, or none (test ids import-all-<kind>, import-none-<kind>). */
const PICK_ALL: Array<[boolean, string, string]> = [
  [true, '全选', 'all'],
  [false, '全不选', 'none'],
];

const FIRST_SLICE = 30;
const SLICE = 40;

interface RowProps {
  card: Card;
  checked: boolean;
  hasProgress: boolean;
  warnings: string[];
  onToggle: (ids: string[], on: boolean) => void;
}

/** One candidate card; re-rendered only when its own tick changes. */
const PreviewRow = memo(function PreviewRow({ card: c, checked, hasProgress, warnings, onToggle }: RowProps) {
  return (
    <li data-testid="import-card">
      <label className="check">
        <input
          type="checkbox"
          checked={checked}
          onChange={(e) => onToggle([c.id], e.target.checked)}
          data-testid="import-card-check"
        />
        <span>
          <span className="row-prompt-wrap">{c.prompt}</span>
          <span className="row-answer"> → {c.answer}</span>
          <span className="row-meta"> {CARD_KIND_LABELS[c.kind]}</span>
          {hasProgress ? <span className="tag">已有进度</span> : null}
        </span>
      </label>
      {c.evidence[0] ? <blockquote className="preview-quote">{c.evidence[0].quote}</blockquote> : null}
      {warnings.map((w) => (
        <p key={w} className="row-warn small" data-testid="import-conflict">
          ⚠ {w}
        </p>
      ))}
    </li>
  );
});

const NO_WARNINGS: string[] = [];

/** 预览: what the document would add, nothing written until 加入学习. */
export function ImportPreview({
  plan,
  sentences,
  pages,
  replacing,
  current,
  titles,
  busy,
  onConfirm,
  onCancel,
}: PreviewProps) {
  const { deck } = plan;
  const [title, setTitle] = useState(plan.source.title);
  const [date, setDate] = useState(plan.source.date ?? '');
  const [chosen, setChosen] = useState(() => preselectedCards(deck, current));
  const groups = useMemo(() => {
    const kindOf = new Map(deck.notes.map((n) => [n.id, n.kind]));
    return GROUPS.map((g) => ({
      ...g,
      cards: deck.cards.filter((c) => (kindOf.get(c.noteId) ?? 'term') === g.kind),
    })).filter((g) => g.cards.length);
  }, [deck]);
  const self = plan.source.id;
  const warnings = useMemo(() => {
    const byCard = new Map<string, string[]>();
    if (!plan.conflicts.length) return byCard;
    for (const c of deck.cards) {
      const lines = conflictLines(c, plan.conflicts, titles, self);
      if (lines.length) byCard.set(c.id, lines);
    }
    return byCard;
  }, [deck, plan.conflicts, titles, self]);

  // How many cards of each group are on the page; grows a slice per task until all are.
  const longest = Math.max(0, ...groups.map((g) => g.cards.length));
  const [shown, setShown] = useState(FIRST_SLICE);
  useEffect(() => {
    if (shown >= longest) return;
    const timer = setTimeout(() => setShown((n) => n + SLICE), 0);
    return () => clearTimeout(timer);
  }, [shown, longest]);

  const toggle = useCallback(
    (ids: string[], on: boolean) =>
      setChosen((prev) => {
        const next = new Set(prev);
        for (const id of ids) {
          if (on) next.add(id);
          else next.delete(id);
        }
        return next;
      }),
    [],
  );

  const confirm = () => {
    const source: Source = { ...plan.source, title: title.trim() || plan.source.title };
    if (/^\d{4}-\d{2}-\d{2}$/.test(date)) source.date = date;
    else delete source.date;
    onConfirm(source, chosen);
  };

  return (
    <section className="import-preview" aria-labelledby="preview-title" data-testid="import-preview">
      <h3 id="preview-title">预览：确认后才会加入学习</h3>
      {replacing ? (
        <p className="notice" data-testid="import-replacing">
          这是《{replacing.title}》的新版本。内容相同的卡片保留学习进度；新版本里没有的卡片将停用（复习记录保留）。
        </p>
      ) : null}
      <div className="preview-meta">
        <label>
          标题
          <input
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            required
            placeholder="没有找到标题，请填写"
            data-testid="import-title"
          />
        </label>
        <label>
          日期
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} data-testid="import-date" />
        </label>
      </div>
      <p className="muted" data-testid="import-counts">
        {pages ? `共 ${pages} 页，` : ''}
        {sentences} 句；找到 {groups.map((g) => `${g.label} ${g.cards.length} 张`).join('、')}卡片
        {plan.conflicts.length ? `；与已有文件有 ${plan.conflicts.length} 处出入` : ''}。
      </p>
      {groups.map((g) => {
        const picked = g.cards.filter((c) => chosen.has(c.id)).length;
        return (
          <fieldset key={g.kind} className="preview-group" data-testid={`import-group-${g.kind}`}>
            <legend>
              {g.label}
              <span className="muted small">
                {' '}
                已选 {picked} / {g.cards.length}
              </span>
            </legend>
            <div className="actions">
              {PICK_ALL.map(([on, label, id]) => (
                <button
                  key={id}
                  type="button"
                  onClick={() =>
                    toggle(
                      g.cards.map((c) => c.id),
                      on,
                    )
                  }
                  data-testid={`import-${id}-${g.kind}`}
                >
                  {label}
                </button>
              ))}
            </div>
            <ul className="preview-cards">
              {g.cards.slice(0, shown).map((c) => (
                <PreviewRow
                  key={c.id}
                  card={c}
                  checked={chosen.has(c.id)}
                  hasProgress={current.has(c.id)}
                  warnings={warnings.get(c.id) ?? NO_WARNINGS}
                  onToggle={toggle}
                />
              ))}
            </ul>
          </fieldset>
        );
      })}
      <div className="actions sticky-actions">
        <button
          type="button"
          className="primary"
          disabled={busy || !chosen.size || !title.trim()}
          onClick={confirm}
          data-testid="import-confirm"
        >
          加入学习（{chosen.size} 张）
        </button>
        <button type="button" disabled={busy} onClick={onCancel} data-testid="import-cancel-preview">
          放弃
        </button>
      </div>
    </section>
  );
}
