// toAnkiRows (pure) and the store's scopes: stable ids, edited text, marked quotes, what is left out.
import { describe, expect, it } from 'vitest';
import { readAnkiExport } from '../../../data/db/anki-export';
import { editCard } from '../../../data/db/repo';
import { toAnkiRows, ID_FLOOR, type AnkiExportInput } from '../../../lib/anki/map';
import { markedQuote, noteTags } from '../../../lib/anki/fields';
import { BEIJING, NOW, storeWithHistory } from './fixture';

const inputOf = async (db: Awaited<ReturnType<typeof storeWithHistory>>, now = NOW): Promise<AnkiExportInput> => {
  const data = await readAnkiExport(db, { kind: 'all' });
  return {
    ...data,
    now,
    clock: { rollover: 4, utcOffsetMinutesWest: BEIJING },
    desiredRetention: 0.9,
    learningSteps: 2,
    relearningSteps: 1,
  };
};

describe('toAnkiRows', () => {
  it('gives the same guid, note id and card id on a later export, so Anki updates rather than duplicates', async () => {
    const db = await storeWithHistory();
    const first = toAnkiRows(await inputOf(db));
    const later = toAnkiRows(await inputOf(db, new Date(NOW.getTime() + 30 * 86_400_000)));
    const key = (r: typeof first) => r.notes.map((n) => [n.guid, n.id]).sort();
    expect(key(later)).toEqual(key(first));
    expect([...later.cardIds]).toEqual([...first.cardIds]);
    for (const n of first.notes) expect(n.id).toBeGreaterThanOrEqual(ID_FLOOR);
  });

  it("writes the user's edited question and answer, not the deck's", async () => {
    const db = await storeWithHistory();
    await editCard(db, 'c3', { prompt: '六个精准共有几条？', answer: '六条' });
    const rows = toAnkiRows(await inputOf(db));
    const note = rows.notes.find((n) => n.guid === 'tifa-c3')!;
    expect(note.flds.split('\x1f').slice(0, 2)).toEqual(['六个精准共有几条？', '六条']);
    expect(note.sfld).toBe('六个精准共有几条？');
  });

  it('marks the answer in the quote and escapes HTML from the document', () => {
    expect(markedQuote({ source: 's', quote: '贫困人口<减少>到551万人', marks: [[9, 13]] })).toBe(
      '贫困人口&lt;减少&gt;到<b>551万</b>人',
    );
  });

  it('tags by kind and by document, without spaces inside a tag', () => {
    const sources = new Map([['s1', { id: 's1', file: 'a.txt', title: '政府 工作报告' }]]);
    expect(noteTags({ kind: 'figure-cloze', sourceIds: ['s1'], leech: true }, sources)).toBe(
      ' 提法类型::数字 提法文件::政府_工作报告 leech ',
    );
  });

  it('lists members as a list in 成员 and the documents with their dates in 出处', async () => {
    const db = await storeWithHistory();
    const rows = toAnkiRows(await inputOf(db));
    const fields = rows.notes.find((n) => n.guid === 'tifa-c1')!.flds.split('\x1f');
    expect(fields[4]).toBe('<ol><li>扶持对象精准</li><li>项目安排精准</li></ol>');
    expect(fields[3]).toBe('在打好精准脱贫攻坚战座谈会上的讲话（2017-06-23）');
  });
});

describe('readAnkiExport scopes', () => {
  it('one document: only the cards that cite it, with only their logs', async () => {
    const db = await storeWithHistory();
    const data = await readAnkiExport(db, { kind: 'source', sourceId: 's2' });
    expect(data.cards.map((c) => c.id)).toEqual(['c4']);
    expect(data.logs.every((l) => l.cardId === 'c4')).toBe(true);
    expect(data.logs).toHaveLength(1);
    expect(data.sources.map((s) => s.id)).toEqual(['s2']);
  });

  it('a search result: exactly the given cards; retired and 待核实 cards are never exported', async () => {
    const db = await storeWithHistory();
    await db.cards.update('c2', { retired: 1 });
    await db.cards.update('c3', { held: 's1' });
    const data = await readAnkiExport(db, { kind: 'cards', cardIds: ['c1', 'c2', 'c3', 'missing'] });
    expect(data.cards.map((c) => c.id)).toEqual(['c1']);
    const all = await readAnkiExport(db, { kind: 'all' });
    expect(all.cards.map((c) => c.id).sort()).toEqual(['c1', 'c4']);
  });
});
