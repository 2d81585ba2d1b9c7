import { useState } from 'react';
import { db } from '@/data/db/schema';
import { clearAllData } from '@/data/db/dashboard';
import { toChineseMessage } from '@/data/db/errors';
import { bundledDeck } from '@/lib/browser/bundled-deck';

const WORD = '清除';

/** Deletes everything after the user types 清除, then reinstalls the bundled deck; a backup can be imported afterwards. */
export function ClearData({ onDone, onError }: { onDone(text: string): void; onError(text: string): void }) {
  const [typed, setTyped] = useState('');
  async function clear() {
    try {
      // The deck is read first: if it cannot be, nothing is deleted.
      const deck = await bundledDeck();
      await clearAllData(db, { deck, now: new Date() });
      setTyped('');
      onDone('已清除全部数据，随附文件的卡片已重新载入（全部为新卡片）。可以在上方导入备份。');
    } catch (err) {
      onError(toChineseMessage(err));
    }
  }
  return (
    <fieldset className="danger">
      <legend>清除全部数据</legend>
      <p className="muted small" data-testid="clear-explain">
        删除全部卡片、进度、复习记录、设置和导入的文件，无法撤销。随后重新载入随附文件的卡片，全部从新卡片开始。请先导出备份。
      </p>
      <label>
        请输入“{WORD}”以确认：
        <input
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          data-testid="clear-confirm"
          autoComplete="off"
        />
      </label>{' '}
      <button
        type="button"
        className="danger-button"
        disabled={typed.trim() !== WORD}
        onClick={() => void clear()}
        data-testid="clear-data"
      >
        清除全部数据
      </button>
    </fieldset>
  );
}
