// An imported document as it travels between devices (docs/sync.md): the source, its text, and its
// notes, cards and conflicts as stored, each checked with the backup's own record schema. A remote
// document may only touch rows that name it: a hostile file cannot rewrite another document's cards.
import * as v from 'valibot';
import { CardRecord, ConflictRecord, NoteRecord, SourceRecord, TextRecord } from '../db/records';
import type { CardRow, ConflictRow, NoteRow, SourceRow, TextRow } from '../db/schema';

export interface DocumentSnapshot {
  source: SourceRow;
  text: TextRow;
  notes: NoteRow[];
  cards: CardRow[];
  conflicts: ConflictRow[];
}

/** More rows than any real document has (a long report makes a few hundred cards). */
const MAX_ROWS = 20_000;
const rows = <S extends v.GenericSchema>(schema: S, noun: string) =>
  v.pipe(v.array(schema, `${noun}必须是列表`), v.maxLength(MAX_ROWS, `${noun}太多`));

export const DocumentSchema = v.pipe(
  v.object(
    {
      source: SourceRecord,
      text: TextRecord,
      notes: rows(NoteRecord, '知识点'),
      cards: rows(CardRecord, '卡片'),
      conflicts: rows(ConflictRecord, '矛盾记录'),
    },
    '导入的文件必须是对象',
  ),
  v.check((d) => d.text.id === d.source.id && d.source.origin === `import:${d.source.id}`, '导入的文件编号不一致'),
  v.check(
    (d) => [...d.notes, ...d.cards].every((r) => r.sourceIds.includes(d.source.id)),
    '卡片或知识点不属于这份导入的文件',
  ),
  v.check(
    (d) => d.conflicts.every((c) => c.source === d.source.id || c.evidence.some((e) => e.source === d.source.id)),
    '矛盾记录不属于这份导入的文件',
  ),
);

/** What sync records of a document to notice a re-import: its text and when it was (re)imported. */
export const documentPrint = (text: Pick<TextRow, 'hash' | 'importedAt'>) =>
  `${text.hash}|${text.importedAt.getTime()}`;
