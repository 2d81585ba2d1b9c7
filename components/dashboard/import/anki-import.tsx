import { useEffect, useRef, useState } from 'react';
import type { AnkiSummary } from '@/lib/anki/read-plan';
import type { AnkiChoice } from '@/lib/anki/read-rows';
import { ANKI_LIMITS, ANKI_MESSAGES } from '@/lib/anki/read-types';
import { AnkiImportJob, type AnkiProgress } from './anki-run';
import { AnkiPreview } from './anki-preview';

export interface AnkiImportProps {
  file: File;
  /** Done (a message saying what was written) or given up (a message saying nothing was). */
  onFinish: (message: string) => void;
  onError: (message: string) => void;
}

type Phase = { kind: 'reading' | 'writing'; progress: AnkiProgress } | { kind: 'preview'; summary: AnkiSummary };

/** An .apkg / .colpkg from choosing the file to the written decks, its work in a worker. */
export function AnkiImport({ file, onFinish, onError }: AnkiImportProps) {
  const [phase, setPhase] = useState<Phase>({ kind: 'reading', progress: { label: '正在读取' } });
  const job = useRef<AnkiImportJob | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    if (file.size > ANKI_LIMITS.fileBytes) return onError(ANKI_MESSAGES['too-large']);
    const current = new AnkiImportJob();
    const ctrl = new AbortController();
    job.current = current;
    abort.current = ctrl;
    current
      .open(file, (progress) => setPhase({ kind: 'reading', progress }), ctrl.signal)
      .then((summary) => setPhase({ kind: 'preview', summary }))
      .catch((err: Error) => {
        if (!ctrl.signal.aborted) onError(err.message);
      });
    return () => {
      ctrl.abort();
      current.close();
    };
  }, [file, onError]);

  async function confirm(choice: AnkiChoice) {
    setPhase({ kind: 'writing', progress: { label: '正在转换卡片和复习记录' } });
    try {
      const r = await job.current!.write(choice, (progress) => setPhase({ kind: 'writing', progress }));
      const parts = [
        `新增 ${r.added} 张卡片`,
        r.logs ? `复习记录 ${r.logs} 条` : '',
        r.existing ? `已有 ${r.existing} 张（进度取较新的一方）` : '',
        r.skipped ? `跳过 ${r.skipped} 张空卡片` : '',
      ];
      onFinish(`已导入 Anki 卡组：${r.documents} 份文件，${parts.filter(Boolean).join('，')}。`);
    } catch (err) {
      onError((err as Error).message);
    }
  }

  if (phase.kind === 'preview')
    return (
      <AnkiPreview
        name={file.name}
        summary={phase.summary}
        busy={false}
        onConfirm={(c) => void confirm(c)}
        onCancel={() => onFinish('已放弃，没有写入任何内容。')}
      />
    );
  const { label, done, total } = phase.progress;
  return (
    <div className="import-progress" role="status" aria-live="polite" data-testid="import-progress">
      <p>
        正在处理“{file.name}”：{label}
        {total ? `（${done ?? 0}/${total} 张）` : ''}…
      </p>
      {total ? <progress max={total} value={done ?? 0} /> : null}
      {phase.kind === 'reading' ? (
        <button
          type="button"
          data-testid="import-cancel"
          onClick={() => (abort.current?.abort(), onFinish('已取消导入，没有写入任何内容。'))}
        >
          取消
        </button>
      ) : null}
    </div>
  );
}
