// 资料包 → 发布 (the organiser): the folder, the documents and cards, the 学习会's title and day; each
// publication is a new numbered version the members are offered. Runs the publication in this page.
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/data/db/schema';
import { packCandidates } from '@/data/db/pack-build';
import { publishPack } from '@/lib/pack/publish';
import { readOrganiser, saveOrganiser, type OrganiserState } from '@/lib/pack/store';
import { chinese, connectFolder, ConnectionFields, emptyConnection } from './pack-connection';
import { chosenFrom, PackChoose, type Chosen } from './pack-choose';
import { PackReadiness } from './pack-readiness';
import { SessionDateField } from './session-date';

export function PackPublish() {
  const candidates = useLiveQuery(() => packCandidates(db), []);
  const [state, setState] = useState<OrganiserState | null>(null);
  const [conn, setConn] = useState(emptyConnection());
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [title, setTitle] = useState('');
  const [session, setSession] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void readOrganiser().then((s) => {
      setState(s ?? { ...emptyConnection() });
      if (!s) return;
      setConn({ url: s.url, user: s.user, password: s.password });
      setTitle(s.choice?.title ?? '');
      setSession(s.choice?.session ?? '');
    });
  }, []);
  if (candidates && state && chosen === null) setChosen(chosenFrom(candidates, state.choice?.documents));
  if (!candidates || !state || chosen === null) return <p className="muted">正在载入…</p>;

  function publish() {
    const documents = Object.entries(chosen!).map(([id, cards]) => ({ id, cards }));
    if (!documents.length) return setMessage('请至少选择一份文件。');
    if (!conn.user.trim() || !conn.password) return setMessage('请填写用户名和应用密码（组织者需要写入这个文件夹）。');
    const dav = connectFolder(conn);
    setBusy(true);
    setMessage('');
    const choice = { documents, title: title.trim() || undefined, session: session || undefined };
    void dav
      .then(async (client) => {
        const done = await publishPack(db, client, choice, new Date());
        const next: OrganiserState = {
          ...conn,
          url: client.url(''),
          choice,
          last: { pack: done.pack, at: new Date().toISOString(), documents: done.documents, cards: done.cards },
        };
        await saveOrganiser(next);
        setState(next);
        setMessage(`已发布第 ${done.pack} 版：${done.documents} 份文件、${done.cards} 张卡片。成员检查更新时会收到。`);
      })
      .catch((err) => setMessage(chinese(err)))
      .finally(() => setBusy(false));
  }

  const titles = Object.fromEntries(candidates.map((c) => [c.id, c.title]));
  return (
    <fieldset className="pack-publish" data-testid="pack-publish">
      <legend>发布学习资料包（组织者）</legend>
      <p className="muted small">
        把选定的文件和卡片发布到一个 WebDAV 文件夹（坚果云、Nextcloud、单位的 NAS
        等），成员用文件夹地址订阅。每次发布都是新的一版，成员的学习进度保留在各自的电脑上。
      </p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          publish();
        }}
      >
        <ConnectionFields prefix="pack-org" value={conn} onChange={setConn} />
        <PackChoose candidates={candidates} chosen={chosen} onChange={setChosen} />
        <div className="field">
          <label htmlFor="pack-title">学习会名称（可不填）</label>
          <input id="pack-title" data-testid="pack-title" value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <SessionDateField id="pack-session" value={session} onChange={setSession} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy} data-testid="pack-publish-submit">
            {busy ? '正在发布…' : state.last ? '发布新的一版' : '发布'}
          </button>
        </div>
      </form>
      <p
        role="status"
        className={/已发布/.test(message) || !message ? undefined : 'field-error'}
        data-testid="pack-publish-message"
      >
        {message}
      </p>
      {state.last ? <PackReadiness connection={conn} titles={titles} /> : null}
    </fieldset>
  );
}
