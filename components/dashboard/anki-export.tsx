import { useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/data/db/schema';
import type { AnkiScope } from '@/data/db/anki-export';
import { runAnkiExport } from './anki/run';
import type { AnkiExportProgress } from './anki/protocol';
import { download } from './download';
import { Choice } from '@/components/common/choice';
import { useLastSearch } from './last-search';
import { ActionButton, OutcomeLine, type Outcome } from './outcome';

type Choice = 'all' | 'source' | 'search';

export function ankiFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `tifa-anki-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}.apkg`;
}

/** One choice of what to export (its test id: anki-scope-<value>). */
function ScopeRadio(props: {
  value: Choice;
  choice: Choice;
  onChoose: (choice: Choice) => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <Choice
      type="radio"
      name="anki-scope"
      checked={props.choice === props.value}
      disabled={props.disabled}
      onChange={() => props.onChoose(props.value)}
      testId={`anki-scope-${props.value}`}
    >
      {' '}
      {props.children}
    </Choice>
  );
}

/** 备份与导出 → 导出为 Anki 卡组 (.apkg): all cards, one document's, or the card browser's search result. */
export function AnkiExport() {
  const sources = useLiveQuery(() => db.sources.toArray(), []);
  const search = useLastSearch();
  const [choice, setChoice] = useState<Choice>('all');
  const [sourceId, setSourceId] = useState('');
  const [progress, setProgress] = useState<AnkiExportProgress | null>(null);
  const [message, setMessage] = useState<Outcome>(null);

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
        <ScopeRadio value="all" choice={choice} onChoose={setChoice}>
          全部卡片
        </ScopeRadio>
        <ScopeRadio value="source" choice={choice} onChoose={setChoice}>
          一份文件：
        </ScopeRadio>
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
        <ScopeRadio value="search" choice={choice} onChoose={setChoice} disabled={!search}>
          {search
            ? `当前搜索结果（${search.label}，${search.cardIds.length} 张）`
            : '当前搜索结果（请先在“卡片”中搜索）'}
        </ScopeRadio>
      </fieldset>
      <div className="backup-row">
        <ActionButton onClick={onExport} disabled={busy || !scope} testId="export-anki">
          导出为 Anki 卡组
        </ActionButton>
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
      <OutcomeLine outcome={message} testId="anki-message" />
    </div>
  );
}
