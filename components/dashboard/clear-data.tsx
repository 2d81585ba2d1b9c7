import { useState } from 'react';
import { db } from '@/data/db/schema';
import { clearAllData } from '@/data/db/dashboard';
import { toChineseMessage } from '@/data/db/errors';
import { notifyStore } from './notify';

const WORD = '清除';

/** Deletes everything after the user types 清除; a backup can be imported afterwards. */
export function ClearData({ onDone, onError }: { onDone(text: string): void; onError(text: string): void }) {
  const [typed, setTyped] = useState('');
  async function clear() {
    try {
      await clearAllData(db);
      setTyped('');
      notifyStore();
      onDone('已清除全部数据。可以在上方导入备份。');
    } catch (err) {
      onError(toChineseMessage(err));
    }
  }
  return (
    <fieldset className="danger">
      <legend>清除全部数据</legend>
      <p className="muted small">删除全部卡片、进度、复习记录和设置，无法撤销。请先导出备份。</p>
      <label>
        请输入“{WORD}”以确认：
        <input value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="clear-confirm" autoComplete="off" />
      </label>{' '}
      <button type="button" className="danger-button" disabled={typed.trim() !== WORD} onClick={() => void clear()} data-testid="clear-data">
        清除全部数据
      </button>
    </fieldset>
  );
}
