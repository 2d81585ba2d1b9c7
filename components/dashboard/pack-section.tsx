// #pack: 学习资料包 — an organiser publishes documents and cards to a WebDAV folder, members
// subscribe to it (docs/pack.md). Off until used: nothing is requested before the user connects.
import { PackPublish } from './pack-publish';
import { PackMember } from './pack-member';

export function PackSection() {
  return (
    <section aria-labelledby="pack-title-heading" className="settings pack">
      <h2 id="pack-title-heading">学习资料包</h2>
      <p className="muted">
        党支部等学习小组共用一套学习材料：组织者发布选定的文件和卡片（可附学习会日期），成员订阅后自动收到新版本，各自的学习进度保留在自己的电脑上。
      </p>
      <PackMember />
      <PackPublish />
    </section>
  );
}
