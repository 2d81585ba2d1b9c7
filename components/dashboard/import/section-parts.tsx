// Parts of the 导入 section: the paste form (the parent keeps what was typed, so it is still there
// after a cancelled import) and the progress of the file being read, with 取消.
import type { ImportProgress } from './protocol';

interface Props {
  title: string;
  text: string;
  onTitle(title: string): void;
  onText(text: string): void;
  /** The text as typed and the title trimmed. */
  onSubmit(text: string, title: string): void;
}

export function PasteForm({ title, text, onTitle, onText, onSubmit }: Props) {
  return (
    <form
      className="paste"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(text, title.trim());
      }}
    >
      <h3>或粘贴文字</h3>
      <label>
        标题
        <input value={title} onChange={(e) => onTitle(e.target.value)} placeholder="例如：2025年政府工作报告" data-testid="paste-title" />
      </label>
      <label>
        正文
        <textarea rows={8} value={text} onChange={(e) => onText(e.target.value)} placeholder="把文件的全文粘贴到这里" data-testid="paste-text" />
      </label>
      <button type="submit" data-testid="paste-submit">
        读取文字
      </button>
    </form>
  );
}

interface ReadingProps {
  name: string;
  progress: ImportProgress;
  /** Files chosen with this one, still to come. */
  waiting: number;
  onCancel(): void;
}

export function ReadingProgress({ name, progress, waiting, onCancel }: ReadingProps) {
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
