import { useRef, useState } from 'react';
import { db } from '@/data/db/schema';
import { exportBackup, importBackupFile, reviewsIn } from '@/data/db/backup';
import { toChineseMessage } from '@/data/db/errors';
import { backupFileName } from '@/data/srs/metrics';
import { ClearData } from './clear-data';
import { download } from './download';
import { AnkiExport } from './anki-export';
import { ActionButton, OutcomeLine, type Outcome } from './outcome';
import { focusOnMount } from '../common/focus';

/** #backup: everything to one JSON file and back; importing replaces what is stored. */
export function BackupSection() {
  const [message, setMessage] = useState<Outcome>(null);
  const [pending, setPending] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function onExport() {
    setBusy(true);
    try {
      const now = new Date();
      const backup = await exportBackup(db, now);
      download(backupFileName(now), new Blob([JSON.stringify(backup)], { type: 'application/json' }));
      setMessage({
        kind: 'ok',
        text: `已导出 ${backup.cards.length} 张卡片、${reviewsIn(backup)} 条复习记录。`,
      });
    } catch (err) {
      setMessage({ kind: 'error', text: toChineseMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  async function onImport(file: File) {
    setPending(null);
    setBusy(true);
    try {
      const result = await importBackupFile(db, file);
      setMessage({ kind: 'ok', text: `导入成功：${result.cards} 张卡片、${result.reviews} 条复习记录。` });
    } catch (err) {
      setMessage({ kind: 'error', text: toChineseMessage(err) });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <section aria-labelledby="backup-title" className="backup">
      <h2 id="backup-title">备份与导出</h2>
      <p className="muted">
        备份文件包含全部卡片、学习进度、复习记录、修改和设置，只保存在你自己的电脑上。建议每周导出一次。
      </p>
      <div className="backup-row">
        <ActionButton onClick={onExport} disabled={busy} testId="export-backup">
          导出全部数据
        </ActionButton>
      </div>
      <div className="backup-row">
        <label htmlFor="import-file">导入备份：</label>
        <input
          id="import-file"
          ref={input}
          type="file"
          accept=".json,application/json"
          data-testid="import-backup"
          disabled={busy}
          onChange={(e) => {
            setMessage(null);
            setPending(e.target.files?.[0] ?? null);
          }}
        />
      </div>
      {pending ? (
        <div className="confirm-box" role="alertdialog" aria-labelledby="import-confirm-text">
          <p id="import-confirm-text">
            导入“{pending.name}”会<strong>替换</strong>
            当前的全部数据（进度、复习记录、设置）。如有需要，请先导出当前数据。
          </p>
          <button
            type="button"
            className="primary"
            onClick={() => void onImport(pending)}
            data-testid="import-confirm"
            ref={focusOnMount}
          >
            确认导入
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              setPending(null);
              if (input.current) input.current.value = '';
            }}
          >
            取消
          </button>
        </div>
      ) : null}
      <OutcomeLine outcome={message} testId="backup-message" />
      <AnkiExport />
      <ClearData
        onDone={(text) => setMessage({ kind: 'ok', text })}
        onError={(text) => setMessage({ kind: 'error', text })}
      />
    </section>
  );
}
