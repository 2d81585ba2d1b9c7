// The organiser's view of the members who share their readiness: per member and document, 已掌握,
// cards due today and the pack version they have — read from members/*.json, nothing else.
import { useState } from 'react';
import type { MemberReadiness } from '@/lib/pack/folder';
import { readReadiness } from '@/lib/pack/folder';
import type { PackConnection } from '@/lib/pack/store';
import { chinese, connectFolder } from './pack-connection';

const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
const when = (d: Date) =>
  d.toLocaleString('zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

export function PackReadiness({ connection, titles }: { connection: PackConnection; titles: Record<string, string> }) {
  const [members, setMembers] = useState<MemberReadiness[] | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  function load() {
    const dav = connectFolder(connection);
    setBusy(true);
    setMessage('');
    void dav
      .then(readReadiness)
      .then((got) => {
        setMembers(got.members);
        setProblems(got.problems);
      })
      .catch((err) => setMessage(chinese(err)))
      .finally(() => setBusy(false));
  }

  return (
    <div className="pack-readiness">
      <h4>成员的准备情况</h4>
      <p className="muted small">
        只有选择分享的成员会出现在这里：每份文件的已掌握比例和待复习张数，以及成员自己填写的名字。
      </p>
      <button type="button" onClick={load} disabled={busy || !connection.url} data-testid="pack-readiness-load">
        {busy ? '正在读取…' : '查看成员准备情况'}
      </button>
      {members && !members.length ? <p data-testid="pack-readiness-empty">还没有成员分享准备情况。</p> : null}
      {members?.length ? (
        <table data-testid="pack-readiness-table">
          <thead>
            <tr>
              <th scope="col">成员</th>
              <th scope="col">文件</th>
              <th scope="col">已掌握</th>
              <th scope="col">今天待复习</th>
              <th scope="col">资料包版本</th>
              <th scope="col">更新时间</th>
            </tr>
          </thead>
          <tbody>
            {members.flatMap((m) =>
              m.documents.map((d) => (
                <tr key={`${m.file}|${d.id}`}>
                  <td>{m.name}</td>
                  <td>{titles[d.id] ?? '（不在本机的文件）'}</td>
                  <td>{percent(d.mastered)}</td>
                  <td>{d.due}</td>
                  <td>第 {m.pack} 版</td>
                  <td>{when(m.at)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      ) : null}
      {problems.map((p) => (
        <p className="field-error" key={p}>
          {p}
        </p>
      ))}
      <p role="status" className={message ? 'field-error' : undefined} data-testid="pack-readiness-message">
        {message}
      </p>
    </div>
  );
}
