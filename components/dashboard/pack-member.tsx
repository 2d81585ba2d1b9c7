// 资料包 → 订阅 (a member): subscribe with the folder's address, see what a new version changes,
// apply it (progress kept by stable ids), and — only if the member opts in — share readiness.
import { useCallback, useEffect, useState } from 'react';
import { db } from '@/data/db/schema';
import { applyPack } from '@/data/db/pack-apply';
import { changesText, type PackManifest } from '@/data/pack/diff';
import { findPack, NOT_YET, stopSharing, type PackCheck } from '@/lib/pack/member';
import { MEMBER_KEY, PACK_ALARM, PACK_EVERY_MINUTES, patchMember, readMember, saveMember } from '@/lib/pack/store';
import type { MemberState } from '@/lib/pack/store';
import {
  chinese,
  connectFolder,
  ConnectForm,
  emptyConnection,
  FolderMessage,
  useFolderAction,
} from './pack-connection';
import { PackShare } from './pack-share';

/** "2 份文件、12 张卡片": the pack's chosen cards, not every card of its documents. */
const versionSize = (m: PackManifest) =>
  `${Object.keys(m.docs).length} 份文件、${Object.values(m.docs).reduce((n, d) => n + Object.keys(d.cards).length, 0)} 张卡片`;

const when = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

function Changes({ check }: { check: PackCheck }) {
  const { changes } = check;
  const items = [
    ...changes.added.map((c) => ['新增', c] as const),
    ...changes.changed.map((c) => ['修改', c] as const),
    ...changes.retired.map((c) => ['停用', c] as const),
    ...changes.left.map((c) => ['不再列入', c] as const),
  ];
  return (
    <div data-testid="pack-changes">
      <p>
        第 {changes.pack} 版{check.pack.title ? `《${check.pack.title}》` : ''}：{changesText(changes)}
      </p>
      {items.length ? (
        <ul className="small">
          {items.slice(0, 12).map(([what, c]) => (
            <li key={`${what}${c.id}`}>
              {what}：{c.prompt}
            </li>
          ))}
          {items.length > 12 ? <li className="muted">……还有 {items.length - 12} 张</li> : null}
        </ul>
      ) : null}
    </div>
  );
}

export function PackMember() {
  const [member, setMember] = useState<MemberState | null | undefined>(undefined);
  const [conn, setConn] = useState(emptyConnection());
  const [check, setCheck] = useState<PackCheck | null>(null);
  const [accept, setAccept] = useState(true);
  const { message, busy, run } = useFolderAction();

  const refresh = useCallback(() => void readMember().then((m) => setMember(m ?? null)), []);
  useEffect(() => {
    refresh();
    // The background's check writes the state: show it at once.
    const listener = (changes: Record<string, unknown>, area: string) =>
      area === 'local' && MEMBER_KEY in changes && refresh();
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [refresh]);
  if (member === undefined) return null;

  function subscribe() {
    const dav = connectFolder(conn);
    run(async () => {
      const client = await dav;
      // A folder with nothing published yet is subscribed too: the background check finds the first version.
      const found = await findPack(client, undefined);
      await saveMember({
        ...conn,
        url: client.url(''),
        checkedAt: new Date().toISOString(),
        ...(found ? { available: found.pack.pack } : { waiting: true }),
      });
      await browser.alarms.create(PACK_ALARM, {
        periodInMinutes: PACK_EVERY_MINUTES,
        delayInMinutes: PACK_EVERY_MINUTES,
      });
      setCheck(found);
      setConn(emptyConnection());
      // The version line says that nothing is published yet.
      return found ? '' : '已订阅。';
    });
  }

  function checkNow(m: MemberState) {
    const dav = connectFolder(m);
    run(async () => {
      try {
        const found = await findPack(await dav, m.manifest);
        await patchMember({
          checkedAt: new Date().toISOString(),
          available: found?.fresh ? found.pack.pack : undefined,
          waiting: found ? undefined : true,
          error: undefined,
        });
        setCheck(found);
        if (!found) return '';
        return found.fresh ? '' : `已是最新版本（第 ${found.pack.pack} 版）。`;
      } catch (err) {
        setCheck(null);
        await patchMember({ checkedAt: new Date().toISOString(), error: chinese(err) });
        throw err;
      }
    });
  }

  function apply(m: MemberState, found: PackCheck) {
    run(async () => {
      const done = await applyPack(db, found.pack, m.manifest, new Date(), { acceptSession: accept });
      await patchMember({ manifest: done.manifest, available: undefined });
      setCheck(null);
      const notes = [
        done.planSaved ? `学习会（${found.pack.session}）已加入你的学习计划。` : '',
        done.planProblem ? `学习会日期没有保存：${done.planProblem}` : '',
        done.missing.length ? `你的提法版本里没有这些内置文件：${done.missing.join('、')}。` : '',
        done.kept.length
          ? `有 ${done.kept.length} 张卡片的问题或答案你自己改过，保留你改的版本（组织者的修改没有覆盖它）。`
          : '',
      ];
      return `已更新到第 ${found.pack.pack} 版。${notes.join('')}`;
    });
  }

  function leave(m: MemberState) {
    // Asked in the click (the permission is there already): the shared readiness goes with the subscription.
    const dav = m.share ? connectFolder(m) : undefined;
    run(async () => {
      let kept = false;
      if (m.share && dav)
        await dav
          .then((client) => stopSharing(client, m.share!.id))
          .catch(() => {
            kept = true;
          });
      await browser.alarms.clear(PACK_ALARM);
      await saveMember(undefined);
      setCheck(null);
      return kept
        ? '已退订，学习过的卡片和进度都保留。文件夹里的准备情况文件没能删除（连不上服务器），可请组织者删除。'
        : '已退订，学习过的卡片和进度都保留。';
    });
  }

  return (
    <fieldset className="pack-member" data-testid="pack-member">
      <legend>订阅学习资料包（成员）</legend>
      {member ? (
        <>
          <p>
            已订阅：<span data-testid="pack-member-url">{member.url}</span>
          </p>
          <p data-testid="pack-member-version">
            {member.manifest
              ? `当前：第 ${member.manifest.pack} 版${member.manifest.title ? `《${member.manifest.title}》` : ''}，${versionSize(member.manifest)}${member.manifest.session ? `，学习会 ${member.manifest.session}` : ''}。`
              : member.waiting
                ? `${NOT_YET}。`
                : '还没有应用任何版本。'}
            {member.available && member.available !== member.manifest?.pack && !check
              ? ` 文件夹里有第 ${member.available} 版，点“检查更新”查看变化。`
              : ''}
          </p>
          {member.error ? (
            <p className="field-error" data-testid="pack-member-error">
              上次检查没有完成：{member.error}
            </p>
          ) : null}
          {check?.fresh ? (
            <>
              <Changes check={check} />
              {check.pack.session ? (
                <label>
                  <input
                    type="checkbox"
                    checked={accept}
                    onChange={(e) => setAccept(e.target.checked)}
                    data-testid="pack-accept-session"
                  />{' '}
                  把学习会日期（{check.pack.session}）设为我的学习计划
                </label>
              ) : null}
            </>
          ) : null}
          <div className="actions">
            {check?.fresh ? (
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => apply(member, check)}
                data-testid="pack-apply"
              >
                更新到第 {check.pack.pack} 版
              </button>
            ) : null}
            <button type="button" disabled={busy} onClick={() => checkNow(member)} data-testid="pack-check">
              {busy ? '正在处理…' : '检查更新'}
            </button>
            <button type="button" disabled={busy} onClick={() => leave(member)} data-testid="pack-leave">
              退订
            </button>
          </div>
          {member.checkedAt ? (
            <p className="muted small">上次检查：{when(member.checkedAt)}。每 30 分钟自动检查一次，更新需要你确认。</p>
          ) : null}
          {member.manifest ? <PackShare member={member} /> : null}
        </>
      ) : (
        <ConnectForm
          prefix="pack-sub"
          value={conn}
          onChange={setConn}
          optional
          intro="组织者把学习资料包发布在一个 WebDAV 文件夹里：填写组织者告诉你的文件夹地址即可订阅。你的学习进度只保存在本机，不会上传。"
          busy={busy}
          submit={{ label: '订阅', testid: 'pack-subscribe' }}
          onSubmit={subscribe}
        />
      )}
      <FolderMessage message={message} testid="pack-member-message" />
    </fieldset>
  );
}
