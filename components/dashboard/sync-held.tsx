import { useState } from 'react';
import { db } from '@/data/db/schema';
import { forgetSyncDevice } from '@/data/db/sync-devices';
import { toChineseMessage } from '@/data/db/errors';
import type { HeldDevice } from '@/lib/sync/compact';

const day = (iso: string) =>
  new Date(iso).toLocaleDateString('zh-CN', { year: 'numeric', month: 'numeric', day: 'numeric' });

/**
 * Devices not seen for a long time that hold compaction back (docs/sync.md): each can be forgotten,
 * after a confirmation. A forgotten device that syncs again later simply counts again.
 */
export function SyncHeld({ held }: { held: HeldDevice[] }) {
  const [asking, setAsking] = useState<string | null>(null);
  const [gone, setGone] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const left = held.filter((h) => !gone.includes(h.device));
  if (!left.length && !message) return null;

  async function forget(h: HeldDevice) {
    try {
      await forgetSyncDevice(db, h.device, h.lastSeen ? new Date(h.lastSeen) : undefined);
      setGone([...gone, h.device]);
      setMessage('已忘记这台设备。下次同步时会合并本机旧的同步文件。');
    } catch (err) {
      setMessage(toChineseMessage(err));
    } finally {
      setAsking(null);
    }
  }

  return (
    <div data-testid="sync-held">
      {left.map((h) => (
        <div key={h.device} className="field">
          <p className="muted small">
            另一台设备（{h.device.slice(2, 8)}）{h.lastSeen ? `自 ${day(h.lastSeen)} 起没有同步` : '很久没有同步'}
            ，本机旧的同步文件要等它读过才能合并。如果这台设备已不再使用，可以忘记它。
          </p>
          {asking === h.device ? (
            <p>
              确定忘记这台设备吗？它的学习记录仍会保留；它以后再同步时会重新读取需要的内容。{' '}
              <button
                type="button"
                className="danger-button"
                onClick={() => void forget(h)}
                data-testid="sync-forget-yes"
              >
                确定忘记
              </button>{' '}
              <button type="button" onClick={() => setAsking(null)}>
                取消
              </button>
            </p>
          ) : (
            <button type="button" onClick={() => setAsking(h.device)} data-testid="sync-forget">
              忘记这台设备
            </button>
          )}
        </div>
      ))}
      {message ? (
        <p role="status" className="small" data-testid="sync-held-message">
          {message}
        </p>
      ) : null}
    </div>
  );
}
