import { useCallback, useEffect, useState } from 'react';
import { sendMessage, type SyncStatus } from '@/data/messages';
import { toChineseMessage } from '@/data/db/errors';
import type { SyncSummary } from '@/lib/sync/run';
import { chinese, ConnectForm } from './pack-connection';
import { SyncHeld } from './sync-held';

/** "发送 3 次复习、1 项修改；收到 12 次复习" — what the last sync changed. */
export function summaryText(s: SyncSummary): string {
  const part = (n: number, what: string) => (n ? [`${n} ${what}`] : []);
  const parts = (c: SyncSummary['sent']) => [
    ...part(c.reviews, '次复习'),
    ...part(c.undos, '次撤销'),
    ...part(c.edits, '项卡片修改'),
    ...part(c.settings, '项设置'),
    ...part(c.documents ?? 0, '份导入文件'),
  ];
  const sent = parts(s.sent);
  const got = parts(s.received);
  const recomputed = s.recomputed ? `按新的记忆参数更新了 ${s.recomputed} 张卡片的记忆状态（复习日期不变）。` : '';
  if (!sent.length && !got.length) return recomputed || '没有新的变化。';
  return (
    [sent.length ? `发送 ${sent.join('、')}` : '', got.length ? `收到 ${got.join('、')}` : '']
      .filter(Boolean)
      .join('；') +
    '。' +
    recomputed
  );
}

const when = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** 设置 → 同步: the user's WebDAV folder; the host permission is asked for at the click, for that origin only. */
export function SyncForm() {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [form, setForm] = useState({ url: '', user: '', password: '' });
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(() => {
    sendMessage('getSyncStatus', undefined)
      .then(setStatus)
      .catch((err) => setMessage(toChineseMessage(err)));
  }, []);
  useEffect(() => {
    refresh();
    // A sync on the schedule updates the status in storage.local: show it at once.
    const listener = (changes: Record<string, unknown>, area: string) =>
      area === 'local' && 'tifaSyncStatus' in changes && refresh();
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [refresh]);

  async function act(work: () => Promise<SyncStatus>) {
    setBusy(true);
    setMessage('');
    try {
      setStatus(await work());
    } catch (err) {
      setMessage(chinese(err));
    } finally {
      setBusy(false);
    }
  }

  function connect() {
    let origin: string;
    try {
      origin = new URL(form.url.trim()).origin;
      if (!/^https?:/.test(origin)) throw new Error('protocol');
    } catch {
      setMessage('同步地址无效：请填写完整的地址，例如 https://dav.jianguoyun.com/dav/提法/');
      return;
    }
    // Asked in the click itself (a user gesture), for this one origin; nothing was asked at install.
    const asked = browser.permissions.request({ origins: [`${origin}/*`] });
    void act(async () => {
      if (!(await asked)) throw new Error('没有得到访问这个服务器的权限，同步没有开启。');
      const s = await sendMessage('setupSync', form);
      setForm({ ...form, password: '' });
      return s;
    });
  }

  if (!status) return null;
  return (
    <fieldset className="sync" data-testid="sync">
      <legend>同步</legend>
      {status.enabled ? (
        <>
          <p>
            已连接：<span data-testid="sync-url">{status.url}</span>（{status.user}）
          </p>
          <p data-testid="sync-last">
            {status.lastAt
              ? `上次同步：${when(status.lastAt)}。${status.summary ? summaryText(status.summary) : ''}`
              : '还没有同步过。'}
          </p>
          {status.summary?.problems.map((p) => (
            <p className="field-error" key={p}>
              {p}
            </p>
          ))}
          {status.summary?.held?.length ? <SyncHeld held={status.summary.held} /> : null}
          {status.error ? (
            <p className="field-error" data-testid="sync-error">
              上次同步没有完成：{status.error}
            </p>
          ) : null}
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={busy || status.running}
              onClick={() => void act(() => sendMessage('syncNow', undefined))}
              data-testid="sync-now"
            >
              {busy || status.running ? '正在同步…' : '立即同步'}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => void act(() => sendMessage('stopSync', undefined))}
              data-testid="sync-stop"
            >
              关闭同步
            </button>
          </div>
          <p className="muted small">
            每 30 分钟和每次打开浏览器时自动同步。关闭同步会删除保存的密码，不会删除任何学习记录。
          </p>
        </>
      ) : (
        <ConnectForm
          prefix="sync"
          value={form}
          onChange={setForm}
          example="https://dav.jianguoyun.com/dav/提法/"
          intro="在几台电脑之间同步学习进度：使用您已有的 WebDAV 网盘（坚果云、Nextcloud、单位的 NAS 等）。默认关闭；关闭时提法不会连接任何网络。密码只保存在本机浏览器的扩展存储中，不会写入备份文件。"
          busy={busy}
          submit={{ label: '连接并同步', testid: 'sync-connect' }}
          onSubmit={connect}
        />
      )}
      <p role="status" className={message ? 'field-error' : undefined} data-testid="sync-message">
        {message}
      </p>
    </fieldset>
  );
}
