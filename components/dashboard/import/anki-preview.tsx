import { useMemo, useState } from 'react';
import { cardContent, type AnkiSummary, type FieldMap } from '@/lib/anki/read-plan';
import type { AnkiChoice } from '@/lib/anki/read-rows';

export interface AnkiPreviewProps {
  name: string;
  summary: AnkiSummary;
  busy: boolean;
  onConfirm: (choice: AnkiChoice) => void;
  onCancel: () => void;
}

const ROLES: Array<{ key: keyof FieldMap; label: string }> = [
  { key: 'question', label: '问题' },
  { key: 'answer', label: '答案' },
  { key: 'quote', label: '原文' },
];

/** An Anki package before anything is written: decks to take, fields → 问题/答案/原文, progress kept or not, the first notes as Tifa cards. */
export function AnkiPreview({ name, summary, busy, onConfirm, onCancel }: AnkiPreviewProps) {
  const [decks, setDecks] = useState(() => new Set(summary.decks.map((d) => d.id)));
  const [maps, setMaps] = useState<Record<number, FieldMap>>(() =>
    Object.fromEntries(summary.notetypes.map((nt) => [nt.id, nt.map])),
  );
  const [keep, setKeep] = useState(true);
  const types = useMemo(() => new Map(summary.notetypes.map((nt) => [nt.id, nt])), [summary]);
  // Shown as the documents they become: levels joined by › (Anki's ::).
  const deckNames = useMemo(() => new Map(summary.decks.map((d) => [d.id, d.name.split('::').join(' › ')])), [summary]);
  const chosenCards = summary.decks.filter((d) => decks.has(d.id)).reduce((n, d) => n + d.cards, 0);
  const samples = summary.samples
    .filter((s) => decks.has(s.deck))
    .flatMap((s) => {
      const nt = types.get(s.note.mid);
      if (!nt) return [];
      return s.ords.map((ord) => ({
        key: `${s.note.id}:${ord}`,
        deck: deckNames.get(s.deck) ?? '',
        content: cardContent(s.note, nt, ord, maps[nt.id]),
      }));
    });

  const setRole = (ntid: number, key: keyof FieldMap, value: number) =>
    setMaps((m) => ({ ...m, [ntid]: { ...m[ntid], [key]: value } }));

  return (
    <section className="anki-preview" aria-labelledby="anki-heading" data-testid="anki-preview">
      <h3 id="anki-heading">Anki 卡组：{name}</h3>
      <p className="muted" data-testid="anki-counts">
        共 {summary.notes} 条笔记、{summary.cards} 张卡片、{summary.revlog} 条复习记录
        {summary.media ? `；${summary.media} 个媒体文件（图片、声音）不会导入` : ''}。字段中的网页格式只显示为文字。
      </p>
      <fieldset>
        <legend>选择卡组（每个卡组成为一份文件）</legend>
        {summary.decks.map((d) => (
          <label key={d.id} className="check">
            <input
              type="checkbox"
              checked={decks.has(d.id)}
              data-testid="anki-deck"
              onChange={(e) =>
                setDecks((s) => {
                  const next = new Set(s);
                  if (e.target.checked) next.add(d.id);
                  else next.delete(d.id);
                  return next;
                })
              }
            />{' '}
            {deckNames.get(d.id)}（{d.cards} 张）
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>字段对应</legend>
        {summary.notetypes.map((nt) => (
          <div key={nt.id} className="anki-map" data-testid="anki-notetype">
            <p>
              <strong>{nt.name}</strong>（{nt.notes} 条笔记{nt.kind === 1 ? '，填空题：挖空的部分是答案' : ''}）
            </p>
            {ROLES.filter((r) => nt.kind !== 1 || r.key !== 'answer').map((r) => (
              <label key={r.key}>
                {nt.kind === 1 && r.key === 'question' ? '填空原文' : r.label}{' '}
                <select
                  value={maps[nt.id][r.key]}
                  data-testid={`anki-map-${r.key}`}
                  onChange={(e) => setRole(nt.id, r.key, Number(e.target.value))}
                >
                  {r.key === 'quote' ? <option value={-1}>（无）</option> : null}
                  {nt.fields.map((f, i) => (
                    <option key={i} value={i}>
                      {f}
                    </option>
                  ))}
                </select>{' '}
              </label>
            ))}
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>复习进度</legend>
        <label className="check">
          <input type="radio" name="anki-keep" checked={keep} onChange={() => setKeep(true)} data-testid="anki-keep" />{' '}
          保留复习进度（下次复习时间、记忆状态和复习记录）
        </label>
        <label className="check">
          <input
            type="radio"
            name="anki-keep"
            checked={!keep}
            onChange={() => setKeep(false)}
            data-testid="anki-fresh"
          />{' '}
          从新开始（全部作为新卡片）
        </label>
      </fieldset>
      <h4>前 {summary.samples.length} 条笔记的卡片预览</h4>
      <ol className="anki-samples" data-testid="anki-samples">
        {samples.map((s) =>
          s.content ? (
            <li key={s.key} className="anki-sample" data-testid="anki-sample">
              <p className="prompt">{s.content.prompt}</p>
              <p className="answer">答案：{s.content.answer}</p>
              {s.content.quote !== s.content.answer ? <blockquote>{s.content.quote}</blockquote> : null}
              <p className="muted small">{s.deck}</p>
            </li>
          ) : (
            <li key={s.key} className="anki-sample muted" data-testid="anki-sample-skipped">
              问题或答案为空，这张卡片不会导入。
            </li>
          ),
        )}
      </ol>
      <p>
        <button
          type="button"
          className="primary"
          disabled={busy || !decks.size}
          data-testid="anki-confirm"
          onClick={() => onConfirm({ decks: [...decks], maps, keep })}
        >
          导入所选卡组（{chosenCards} 张 Anki 卡片）
        </button>{' '}
        <button type="button" disabled={busy} onClick={onCancel} data-testid="anki-cancel">
          放弃
        </button>
      </p>
    </section>
  );
}
