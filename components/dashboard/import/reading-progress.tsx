// The file being read, before its preview: pages and sentences so far, files still to come, 取消.
import type { ImportProgress } from './protocol';

interface Props {
  name: string;
  progress: ImportProgress;
  /** Files chosen with this one, still to come. */
  waiting: number;
  onCancel(): void;
}

export function ReadingProgress({ name, progress, waiting, onCancel }: Props) {
  return (
    <div className="import-progress" role="status" aria-live="polite" data-testid="import-progress">
      <p>
        正在处理“{name}”：{progress.label}
        {progress.totalPages ? `（第 ${progress.pages ?? 0}/${progress.totalPages} 页）` : ''}…
      </p>
      <p className="muted small">
        {progress.pages ? `已读 ${progress.pages} 页 · ` : ''}
        {progress.sentences !== undefined ? `${progress.sentences} 句` : ''}
        {waiting ? ` · 之后还有 ${waiting} 个文件` : ''}
      </p>
      <button type="button" onClick={onCancel} data-testid="import-cancel">
        取消
      </button>
    </div>
  );
}
