import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { BUNDLED, db, type SourceRow } from '@/data/db/schema';
import { deleteDocument } from '@/data/db/import';
import { toChineseMessage } from '@/data/db/errors';
import { ErrorAlert } from '@/components/common/error-alert';
import { getSettings } from '@/data/db/repo';
import { percent, sourceDateText } from '@/components/common/format';
import { progressBySource } from '@/data/srs/metrics';
import { HeldCards } from './held-cards';
import { focusOnMount } from '../common/focus';

/** #documents: each document's progress, and how ready the cadre is for it today. */
export function DocumentsSection({ now }: { now: Date }) {
  const data = useLiveQuery(async () => {
    const [sources, cards, settings] = await Promise.all([
      db.sources.toArray(),
      db.cards.where('retired').equals(0).toArray(),
      getSettings(db),
    ]);
    return { sources, progress: progressBySource(cards, now, settings), cram: new Set(settings.cramSources ?? []) };
  }, [now]);

  if (!data) return <p className="muted">正在载入…</p>;
  const sources = [...data.sources].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  return (
    <section aria-labelledby="docs-title">
      <h2 id="docs-title">文件与准备程度</h2>
      <p>
        <a className="button primary" href="#import" data-testid="docs-import">
          导入文件
        </a>
      </p>
      <p className="muted">
        “准备程度”是今天结束时你能回忆起的卡片比例（按记忆模型估算，未学的卡片按 0
        计，已暂停和待核实的不计；学习会的“已掌握”也按这个算）。学习会前一天，争取达到 90% 以上。
      </p>
      {!sources.length ? <p className="muted">还没有文件。</p> : null}
      <HeldCards sources={data.sources} />
      <ul className="doc-list">
        {sources.map((s) => {
          const p = data.progress.get(s.id) ?? { total: 0, studied: 0, new: 0, dueToday: 0, readiness: null };
          const level = p.readiness === null ? '' : p.readiness >= 0.9 ? 'good' : p.readiness >= 0.6 ? 'fair' : 'low';
          return (
            <li key={s.id} className="doc" data-testid="doc-item">
              <div className="doc-head">
                <h3>{s.title}</h3>
                <p className="muted small">
                  <span data-testid="doc-date">{sourceDateText(s) || '日期不详'}</span>
                  {s.traditional ? <span className="tag">繁体原文</span> : null}
                  {data.cram.has(s.id) ? <span className="tag cram">学习会文件</span> : null}
                  <span className="tag" data-testid="doc-origin">
                    {s.origin === BUNDLED ? '随附文件' : '导入的文件'}
                  </span>
                </p>
              </div>
              {s.caveat ? (
                <p className="doc-caveat" role="note" data-testid="doc-caveat">
                  ⚠ {s.caveat}
                </p>
              ) : null}
              <p className="doc-counts">
                共 {p.total} 张 · 已学 {p.studied} · 未学 {p.new} · 今日到期 {p.dueToday}
              </p>
              <div className="readiness">
                <span className="readiness-label">准备程度</span>
                <span
                  className={`bar ${level}`}
                  role="meter"
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={p.readiness === null ? undefined : Math.round(p.readiness * 100)}
                  aria-label={`《${s.title}》准备程度`}
                >
                  <span style={{ width: `${(p.readiness ?? 0) * 100}%` }} />
                </span>
                <strong data-testid="doc-readiness">{p.readiness === null ? '—' : percent(p.readiness)}</strong>
              </div>
              <DocActions source={s} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** 重新导入 (a newer version) and 删除 (asks first) for one document. */
function DocActions({ source }: { source: SourceRow }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState('');
  async function remove() {
    setError('');
    try {
      await deleteDocument(db, source.id);
    } catch (err) {
      setError(toChineseMessage(err));
      setAsking(false);
    }
  }
  return (
    <div className="doc-actions">
      <a className="button" href={`#import?replace=${encodeURIComponent(source.id)}`} data-testid="doc-reimport">
        重新导入
      </a>
      {asking ? (
        <span className="confirm" role="alertdialog" aria-label={`删除《${source.title}》`}>
          删除《{source.title}》？只属于这份文件的卡片会一并删除（其他文件也有的卡片保留），复习记录保留在备份中。
          <button
            type="button"
            className="primary"
            onClick={() => void remove()}
            data-testid="doc-delete-confirm"
            ref={focusOnMount}
          >
            确认删除
          </button>
          <button type="button" onClick={() => setAsking(false)}>
            取消
          </button>
        </span>
      ) : (
        <button type="button" onClick={() => setAsking(true)} data-testid="doc-delete">
          删除
        </button>
      )}
      <ErrorAlert message={error} />
    </div>
  );
}
