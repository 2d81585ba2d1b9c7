import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/data/db/schema';
import { ConflictItem } from './conflict-item';

/** #conflicts: where documents disagree; unresolved ones first. */
export function ConflictsSection() {
  const data = useLiveQuery(async () => {
    const [conflicts, sources] = await Promise.all([
      db.conflicts.filter((c) => !c.retired).toArray(),
      db.sources.toArray(),
    ]);
    conflicts.sort((a, b) => a.resolved - b.resolved || a.topic.localeCompare(b.topic, 'zh'));
    return { conflicts, sources };
  }, []);
  if (!data) return <p className="muted">正在载入…</p>;
  const open = data.conflicts.filter((c) => !c.resolved).length;
  return (
    <section aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">文件出入</h2>
      <p className="muted">
        不同文件对同一件事的说法不一致时列在这里。请核对原文，标出应当记住的说法，或两者都保留（例如各自指不同的时间点）。
        {data.conflicts.length ? ` 尚未核对 ${open} 条，共 ${data.conflicts.length} 条。` : ''}
      </p>
      {!data.conflicts.length ? <p className="muted">文件之间没有发现出入。</p> : null}
      <ul className="conflict-list">
        {data.conflicts.map((c) => (
          <ConflictItem key={c.id} conflict={c} sources={data.sources} />
        ))}
      </ul>
    </section>
  );
}
