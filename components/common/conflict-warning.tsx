import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/data/db/schema';

/** Shown wherever a card touched by an unresolved disagreement between documents appears. */
export function ConflictWarning({ conflictIds }: { conflictIds: string[] }) {
  const open = useLiveQuery(
    () =>
      db.conflicts
        .where('id')
        .anyOf(conflictIds)
        .filter((c) => c.resolved === 0 && c.retired === 0)
        .toArray(),
    [conflictIds.join('|')],
  );
  if (!open?.length) return null;
  return (
    <p className="warning" role="note" data-testid="conflict-warning">
      ⚠ 文件之间有出入：
      {open.map((c) => `${c.topic}（${c.values.join(' / ')}）`).join('；')}。请到学习中心“文件出入”核对。
    </p>
  );
}
