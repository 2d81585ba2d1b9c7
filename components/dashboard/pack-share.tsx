// Readiness sharing, opt-in: the member types a display name; per document of the pack only 已掌握,
// cards due today and the card count go to members/<random id>.json. Stopping deletes that file.
import { useState } from 'react';
import { db } from '@/data/db/schema';
import { newMemberId, shareReadiness, stopSharing } from '@/lib/pack/member';
import { patchMember, type MemberState } from '@/lib/pack/store';
import { connectFolder, FolderMessage, useFolderAction } from './pack-connection';

export function PackShare({ member }: { member: MemberState }) {
  const [name, setName] = useState(member.share?.name ?? '');
  const { message, setMessage, busy, run } = useFolderAction();

  function share() {
    if (!name.trim()) return setMessage('请填写一个名字，组织者会在表格里看到它。');
    const dav = connectFolder(member);
    run(async () => {
      const share = { id: member.share?.id ?? newMemberId(), name: name.trim().slice(0, 40) };
      const now = new Date();
      await shareReadiness(db, await dav, member.manifest!, share, now);
      await patchMember({ share: { ...share, at: now.toISOString() } });
      return '已分享准备情况。';
    });
  }

  function stop() {
    const dav = connectFolder(member);
    run(async () => {
      if (member.share) await stopSharing(await dav, member.share.id);
      await patchMember({ share: undefined });
      return '已停止分享，文件夹里的准备情况文件已删除。';
    });
  }

  return (
    <div className="pack-share">
      <h4>分享准备情况（可选）</h4>
      <p className="muted small">
        只分享：资料包里每份文件的已掌握比例、今天待复习张数和卡片数，以及你填写的名字。复习记录和其他学习情况不会离开本机。
      </p>
      <div className="field">
        <label htmlFor="pack-share-name">显示的名字</label>
        <input
          id="pack-share-name"
          data-testid="pack-share-name"
          value={name}
          maxLength={40}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="button" disabled={busy} onClick={share} data-testid="pack-share">
          {member.share ? '更新准备情况' : '分享我的准备情况'}
        </button>
        {member.share ? (
          <button type="button" disabled={busy} onClick={stop} data-testid="pack-share-stop">
            停止分享
          </button>
        ) : null}
      </div>
      {member.share?.at ? (
        <p className="muted small">正在分享（名字：{member.share.name}），每次自动检查时更新。</p>
      ) : null}
      <FolderMessage message={message} testid="pack-share-message" />
    </div>
  );
}
