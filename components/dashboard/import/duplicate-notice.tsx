// A document imported before: say so, and offer 重新导入 (the new version keeps the studied cards' progress).
import { focusOnMount } from '../../common/focus';

interface Props {
  title: string;
  onReplace(): void;
  onCancel(): void;
}

export function DuplicateNotice({ title, onReplace, onCancel }: Props) {
  return (
    <div className="confirm-box" role="alertdialog" aria-labelledby="dup-text" data-testid="import-duplicate">
      <p id="dup-text">《{title}》已经导入过，没有重复导入。如果这是它的新版本，可以重新导入：学过的卡片保留进度。</p>
      <button
        type="button"
        className="primary"
        ref={focusOnMount}
        data-testid="import-duplicate-replace"
        onClick={onReplace}
      >
        重新导入
      </button>{' '}
      <button type="button" onClick={onCancel}>
        取消
      </button>
    </div>
  );
}
