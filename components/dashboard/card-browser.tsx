import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/data/db/schema';
import { openConflictIds, type CardState } from '@/data/db/repo';
import type { CardKind } from '@/data/knowledge/types';
import { CARD_STATE_LABELS } from '@/data/vocab/card-states';
import { CARD_KIND_LABELS } from '@/data/vocab/kinds';
import { useCardSearch } from './use-card-search';
import { CardList } from './card-list';
import { CardDetail } from './card-detail';
import { useHashCard } from './use-hash';
import { setLastSearch } from './last-search';

export const PAGE_SIZE = 50;

interface Filters {
  sourceId: string;
  kind: CardKind | '';
  state: CardState | '';
}

/** The list's filters: the field each one sets, its noun (按…筛选, 全部…) and its test id. */
const FILTERS = [
  { field: 'sourceId', noun: '文件', testId: 'filter-source' },
  { field: 'kind', noun: '类型', testId: 'filter-kind' },
  { field: 'state', noun: '状态', testId: 'filter-state' },
] as const;

/** #cards: search and filters on the left, the chosen card on the right. */
export function CardBrowser({ now }: { now: Date }) {
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<Filters>({ sourceId: '', kind: '', state: '' });
  const { sourceId, kind, state } = filters;
  const [page, setPage] = useState(0);
  const linked = useHashCard();
  const [selected, setSelected] = useState<string | undefined>(linked);
  useEffect(() => {
    if (linked) setSelected(linked);
  }, [linked]);

  const sources = useLiveQuery(() => db.sources.toArray(), []);
  const open = useLiveQuery(() => openConflictIds(db), []);
  const total = useLiveQuery(() => db.cards.count(), []);
  const cards = useCardSearch(text, {
    sourceId: sourceId || undefined,
    kind: kind || undefined,
    state: state || undefined,
  });

  // The search result, for 备份与导出 → 导出为 Anki 卡组 → 当前搜索结果; none while nothing narrows the list.
  useEffect(() => {
    const parts = [
      text.trim() && `搜索“${text.trim()}”`,
      sources?.find((s) => s.id === sourceId)?.title,
      kind && CARD_KIND_LABELS[kind],
      state && CARD_STATE_LABELS[state],
    ].filter(Boolean);
    setLastSearch(cards && parts.length ? { label: parts.join(' · '), cardIds: cards.map((c) => c.id) } : undefined);
  }, [cards, text, sourceId, kind, state, sources]);

  const options: Record<keyof Filters, readonly (readonly [string, string])[]> = {
    sourceId: sources?.map((s) => [s.id, s.title] as const) ?? [],
    kind: Object.entries(CARD_KIND_LABELS),
    state: Object.entries(CARD_STATE_LABELS),
  };
  const pages = Math.max(1, Math.ceil((cards?.length ?? 0) / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const shown = cards?.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE) ?? [];
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(0);
    };

  return (
    <section className="card-browser" aria-labelledby="cards-title">
      <h2 id="cards-title" className="visually-hidden">
        卡片
      </h2>
      <div className="browser-list">
        <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
          <input
            type="search"
            data-testid="card-search"
            aria-label="搜索卡片"
            placeholder="搜索提法、数字、成员（简繁均可）"
            value={text}
            onChange={(e) => reset(setText)(e.target.value)}
          />
          {FILTERS.map(({ field, noun, testId }) => (
            <select
              key={field}
              aria-label={`按${noun}筛选`}
              data-testid={testId}
              value={filters[field]}
              onChange={(e) => reset(setFilters)({ ...filters, [field]: e.target.value } as Filters)}
            >
              <option value="">{`全部${noun}`}</option>
              {options[field].map(([value, name]) => (
                <option key={value} value={value}>
                  {name}
                </option>
              ))}
            </select>
          ))}
        </form>
        <p className="muted small" aria-live="polite" data-testid="card-count">
          {cards ? `共 ${cards.length} 张` : '正在查找…'}
        </p>
        {total === 0 ? (
          <p className="muted empty" data-testid="no-cards">
            还没有卡片。可以在<a href="#backup">备份</a>中导入以前导出的备份。
          </p>
        ) : (
          <CardList cards={shown} selected={selected} onSelect={setSelected} openConflicts={open} />
        )}
        {pages > 1 ? (
          <nav className="pager" aria-label="翻页">
            <button type="button" onClick={() => setPage(current - 1)} disabled={current === 0} data-testid="page-prev">
              上一页
            </button>
            <span>
              第 {current + 1} / {pages} 页
            </span>
            <button
              type="button"
              onClick={() => setPage(current + 1)}
              disabled={current >= pages - 1}
              data-testid="page-next"
            >
              下一页
            </button>
          </nav>
        ) : null}
      </div>
      <div className="browser-detail">
        {selected ? (
          <CardDetail cardId={selected} now={now} />
        ) : (
          <p className="muted empty">在左侧选择一张卡片，查看出处、进度和复习记录。</p>
        )}
      </div>
    </section>
  );
}
