import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/data/db/schema';
import type { AnkiScope } from '@/data/db/anki-export';
import { runAnkiExport } from './anki/run';
import type { AnkiExportProgress } from './anki/protocol';
import { download } from './download';
import { useLastSearch } from './last-search';

type Choice = 'all' | 'source' | 'search';
type Message = { kind: 'ok' | 'error'; text: string } | null;

export function ankiFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `tifa-anki-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}.apkg`;
}

/** 备份与导出 → 导出为 Anki 卡组 (.apkg): all cards, one document's, or the card browser's search result. */
export function AnkiExport() {
  const sources = useLiveQuery(() => db.sources.toArray(), []);
  const search = useLastSearch();
  const [choice, setChoice] = useState<Choice>('all');
  const [sourceId, setSourceId] = useState('');
  const [progress, setProgress] = useState<AnkiExportProgress | null>(null);
  const [message, setMessage] = useState<Message>(null);

  const chosenSource = sourceId || sources?.[0]?.id || '';
  const scope: AnkiScope | undefined =
    choice === 'all'
      ? { kind: 'all' }
      : choice === 'source'
        ? chosenSource
          ? { kind: 'source', sourceId: chosenSource }
          : undefined
        : search
          ? { kind: 'cards', cardIds: search.cardIds }
          : undefined;

  async function onExport() {
    if (!scope) return;
    setMessage(null);
    setProgress({ label: '正在准备' });
    const now = new Date();
    try {
      const out = await runAnkiExport(
        { scope, now: now.getTime(), utcOffsetMinutesWest: now.getTimezoneOffset() },
        setProgress,
      );
      download(ankiFileName(now), out.file);
      setMessage({
        kind: 'ok',
        text: `已导出 ${out.notes} 张卡片、${out.revlog} 条复习记录。在 Anki 中选择“文件 → 导入”打开这个文件即可。`,
      });
    } catch (err) {
      setMessage({
        kind: 'error',
        text: err instanceof Error && /[\u4e00-\u9fff]/.test(err.message) ? err.message : '导出失败，请重试。',
      });
    } finally {
      setProgress(null);
    }
  }

  const busy = progress !== null;
  return (
    <div className="anki-export" role="group" aria-labelledby="anki-title">
      <h3 id="anki-title">导出为 Anki 卡组 (.apkg)</h3>
      <p className="muted">
        卡片连同学习进度、复习记录和 FSRS 记忆状态一起导出，可在 Anki 中继续复习。文件在本机生成，不经过网络。
      </p>
      <fieldset disabled={busy}>
        <legend className="visually-hidden">导出范围</legend>
        <label>
          <input
            type="radio"
            name="anki-scope"
            checked={choice === 'all'}
            onChange={() => setChoice('all')}
            data-testid="anki-scope-all"
          />{' '}
          全部卡片
        </label>
        <label>
          <input
            type="radio"
            name="anki-scope"
            checked={choice === 'source'}
            onChange={() => setChoice('source')}
            data-testid="anki-scope-source"
          />{' '}
          一份文件：
        </label>
        <select
          aria-label="选择文件"
          value={chosenSource}
          onChange={(e) => (setSourceId(e.target.value), setChoice('source'))}
          data-testid="anki-source"
        >
          {sources?.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        <label>
          <input
            type="radio"
            name="anki-scope"
            checked={choice === 'search'}
            disabled={!search}
            onChange={() => setChoice('search')}
            data-testid="anki-scope-search"
          />{' '}
          {search
            ? `当前搜索结果（${search.label}，${search.cardIds.length} 张）`
            : '当前搜索结果（请先在“卡片”中搜索）'}
        </label>
      </fieldset>
      <div className="backup-row">
        <button
          type="button"
          className="primary"
          onClick={() => void onExport()}
          disabled={busy || !scope}
          data-testid="export-anki"
        >
          导出为 Anki 卡组
        </button>
      </div>
      {progress ? (
        <p role="status" data-testid="anki-progress">
          {progress.label}
          {progress.total ? (
            <>
              {' '}
              <progress max={progress.total} value={progress.done ?? 0} aria-label="导出进度" />
            </>
          ) : null}
        </p>
      ) : null}
      <p role="status" className={message?.kind === 'error' ? 'error' : message ? 'ok' : ''} data-testid="anki-message">
        {message?.text}
      </p>
    </div>
  );
}
