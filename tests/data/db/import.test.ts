// The import transaction: preview → the chosen cards written with their document; a newer version
// keeps progress and retires what vanished; 删除 keeps what another document attests; a failure
// half-way changes nothing.
import { describe, expect, it } from 'vitest';
import { importDeck } from '../../../data/knowledge/import-plan';
import {
  conflictsWithDeck,
  deleteDocument,
  findImported,
  importSourceId,
  writeImport,
  type ImportPlan,
} from '../../../data/db/import';
import { openConflictIds, resolveConflict, saveReview } from '../../../data/db/repo';
import { toChineseMessage } from '../../../data/db/errors';
import { exportBackup, importBackup } from '../../../data/db/backup';
import type { TifaDB } from '../../../data/db/schema';
import { at, freshDb, SETTINGS, T0 } from './helpers';

// Sentences of our own, in the style of a work report.
const HEAD = '关于推进乡村全面振兴的工作报告\n（2025年3月5日）\n';
const KEEP = '过去一年，我们坚持“三个坚持”，即坚持农业农村优先发展、坚持城乡融合发展、坚持共同富裕方向。\n';
const GOES = '2024年年底，全国粮食产量达到14130亿斤，农村居民人均可支配收入增长6.6%。\n';
const NEW = '要做到“四个到位”：思想认识到位、责任落实到位、工作措施到位、督促检查到位。\n';

async function plan(db: TifaDB, text: string, file = 'report.txt', sid = importSourceId(text)): Promise<ImportPlan> {
  const deck = importDeck({ file, text }, sid);
  return { source: deck.sources[0], text, format: 'txt', deck, conflicts: await conflictsWithDeck(db, sid, deck) };
}

const all = (p: ImportPlan) => new Set(p.deck.cards.map((c) => c.id));

async function dump(db: TifaDB): Promise<string> {
  const tables = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const));
  return JSON.stringify(tables);
}

describe('writeImport', () => {
  it('writes the document, its text and only the chosen cards with their notes', async () => {
    const db = freshDb();
    const p = await plan(db, HEAD + KEEP + GOES);
    expect(p.source).toMatchObject({ title: '关于推进乡村全面振兴的工作报告', date: '2025-03-05', file: 'report.txt' });
    const figure = p.deck.cards.find((c) => c.kind === 'figure-cloze')!;
    const list = p.deck.cards.find((c) => c.kind === 'formulation-list')!;
    const counts = await writeImport(db, p, new Set([figure.id, list.id]), T0);
    expect(counts).toMatchObject({ added: 2, kept: 0 });
    expect((await db.cards.toArray()).map((c) => c.id).sort()).toEqual([figure.id, list.id].sort());
    expect((await db.notes.toArray()).map((n) => n.id).sort()).toEqual([figure.noteId, list.noteId].sort());
    const card = (await db.cards.get(list.id))!;
    expect(card).toMatchObject({ origin: `import:${p.source.id}`, sourceIds: [p.source.id], state: 0, retired: 0 });
    expect(await db.sources.get(p.source.id)).toMatchObject({ title: p.source.title, origin: `import:${p.source.id}` });
    expect((await db.texts.get(p.source.id))!.text).toBe(HEAD + KEEP + GOES);
    // The same text again is found as already imported.
    expect((await findImported(db, HEAD + KEEP + GOES, { title: 'x' }))?.id).toBe(p.source.id);
    expect(await findImported(db, HEAD + NEW, { title: '另一份文件' })).toBeUndefined();
    db.close();
  });

  it('refuses an empty choice in Chinese and writes nothing', async () => {
    const db = freshDb();
    const p = await plan(db, HEAD + KEEP);
    await expect(writeImport(db, p, new Set(), T0)).rejects.toThrow('请至少选择一张卡片');
    expect(await db.sources.count()).toBe(0);
    db.close();
  });

  it('重新导入 keeps a reviewed card’s progress and retires vanished cards with their history', async () => {
    const db = freshDb();
    const v1 = await plan(db, HEAD + KEEP + GOES);
    await writeImport(db, v1, all(v1), T0);
    const kept = v1.deck.cards.find((c) => c.kind === 'formulation-list' && c.prompt.includes('三个坚持'))!;
    const gone = v1.deck.cards.find((c) => c.kind === 'figure-cloze')!;
    await saveReview(db, kept.id, 3, at(0, 1), SETTINGS);
    await saveReview(db, gone.id, 3, at(0, 1), SETTINGS);
    const before = (await db.cards.get(kept.id))!;
    expect(before.fsrs.reps).toBe(1);

    // The newer version: same document (same source id), the figure sentence gone, a list added.
    const v2 = await plan(db, HEAD + KEEP + NEW, 'report-v2.txt', v1.source.id);
    const counts = await writeImport(db, v2, all(v2), at(1));
    expect(counts.kept).toBeGreaterThan(0);
    expect(counts.retired).toBeGreaterThan(0);
    const after = (await db.cards.get(kept.id))!;
    expect(after.fsrs).toEqual(before.fsrs);
    expect(after.retired).toBe(0);
    const retired = (await db.cards.get(gone.id))!;
    expect(retired).toMatchObject({ retired: 1, state: before.state });
    expect(retired.fsrs.reps).toBe(1);
    expect(await db.reviewLogs.where('cardId').equals(gone.id).count()).toBe(1);
    expect((await db.notes.get(gone.noteId))!.retired).toBe(1);
    expect(await db.sources.count()).toBe(1);
    expect((await db.sources.get(v1.source.id))!.file).toBe('report-v2.txt');
    expect((await db.texts.get(v1.source.id))!.text).toBe(HEAD + KEEP + NEW);
    db.close();
  });

  it('a failure half-way through leaves the database byte-for-byte unchanged', async () => {
    const db = freshDb();
    const first = await plan(db, HEAD + KEEP);
    await writeImport(db, first, all(first), T0);
    await saveReview(db, first.deck.cards[0].id, 3, at(0, 1), SETTINGS);
    const before = await dump(db);

    const p = await plan(db, '另一份文件的标题\n（2025年4月1日）\n' + GOES + NEW);
    // A card whose id IndexedDB cannot store: the write fails after the source, text and notes.
    const broken = {
      ...p,
      deck: { ...p.deck, cards: [...p.deck.cards, { ...p.deck.cards[0], id: NaN as unknown as string }] },
    };
    const err = await writeImport(db, broken, new Set([...all(p), NaN as unknown as string]), at(1)).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect(await dump(db)).toBe(before);
    // Dexie's message is English: the user reads Chinese only.
    expect(toChineseMessage(err)).toMatch(/^[^A-Za-z]+$/);
    db.close();
  });
});

describe('conflicts with documents already in the deck', () => {
  it('finds the same figure with another value, stores it on both documents’ cards, and 删除 clears it', async () => {
    const db = freshDb();
    const old = await plan(
      db,
      '关于粮食生产情况的通报\n（2025年1月10日）\n2024年年底，全国粮食产量达到14000亿斤，比上年有所增长。\n' + KEEP,
    );
    await writeImport(db, old, all(old), T0);
    const p = await plan(db, HEAD + GOES);
    expect(p.conflicts).toHaveLength(1);
    const [c] = p.conflicts;
    expect(c.values).toEqual(['14130亿斤', '14000亿斤']);
    expect(c.evidence.map((e) => e.source)).toEqual([p.source.id, old.source.id]);
    await writeImport(db, p, all(p), at(1));
    const stored = await db.conflicts.get(c.id);
    expect(stored).toMatchObject({ resolved: 0, retired: 0 });
    const warned = (await db.cards.toArray()).filter((x) => x.conflicts?.includes(c.id));
    expect(new Set(warned.flatMap((x) => x.sourceIds))).toEqual(new Set([p.source.id, old.source.id]));

    await deleteDocument(db, p.source.id);
    expect(await db.conflicts.get(c.id)).toBeUndefined();
    expect((await db.cards.toArray()).some((x) => x.conflicts?.includes(c.id))).toBe(false);
    db.close();
  });
});

describe('重新导入 after the user chose between two figures', () => {
  const OLD =
    '关于粮食生产情况的通报\n（2025年1月10日）\n2024年年底，全国粮食产量达到14000亿斤，比上年有所增长。\n' + KEEP;
  const revised = (figure: string) =>
    HEAD + `2024年年底，全国粮食产量达到${figure}，农村居民人均可支配收入增长6.6%。\n` + KEEP;

  async function chosen(db: TifaDB) {
    const old = await plan(db, OLD, 'old.txt');
    await writeImport(db, old, all(old), T0);
    const v1 = await plan(db, HEAD + GOES + KEEP, 'report.txt');
    const [c] = v1.conflicts;
    await writeImport(db, v1, all(v1), at(1));
    await resolveConflict(db, c.id, '14130亿斤', at(1, 1));
    return { v1, conflict: c };
  }

  it('keeps the choice when the newer version says the same', async () => {
    const db = freshDb();
    const { v1, conflict } = await chosen(db);
    const v2 = await plan(db, revised('14130亿斤') + NEW, 'report-v2.txt', v1.source.id);
    expect(v2.conflicts.map((c) => c.id)).toEqual([conflict.id]);
    await writeImport(db, v2, all(v2), at(2));
    expect(await db.conflicts.get(conflict.id)).toMatchObject({ resolved: 1, choice: '14130亿斤', retired: 0 });
    expect(await openConflictIds(db)).toEqual(new Set());
    db.close();
  });

  it('asks again when the newer version revises the chosen figure, and keeps the old choice on record', async () => {
    const db = freshDb();
    const { v1, conflict } = await chosen(db);
    const chosenCard = v1.deck.cards.find((c) => c.kind === 'figure-cloze' && c.answer === '14130亿斤')!;
    await saveReview(db, chosenCard.id, 3, at(1, 2), SETTINGS);

    const v2 = await plan(db, revised('14200亿斤'), 'report-v2.txt', v1.source.id);
    const [next] = v2.conflicts;
    expect(next.values).toEqual(['14200亿斤', '14000亿斤']);
    expect(next.id).not.toBe(conflict.id);
    await writeImport(db, v2, all(v2), at(2));

    // The figure the user chose is no longer what this document says: the new disagreement is open…
    expect(await openConflictIds(db)).toEqual(new Set([next.id]));
    const warned = (await db.cards.toArray()).filter((x) => !x.retired && x.conflicts?.includes(next.id));
    expect(warned.map((x) => x.answer).sort()).toEqual(['14000亿斤', '14200亿斤']);
    // …the old choice is kept on record (retired, not deleted), and the card it chose retires with its history.
    expect(await db.conflicts.get(conflict.id)).toMatchObject({ resolved: 1, choice: '14130亿斤', retired: 1 });
    expect(await db.cards.get(chosenCard.id)).toMatchObject({ retired: 1 });
    expect(await db.reviewLogs.where('cardId').equals(chosenCard.id).count()).toBe(1);
    db.close();
  });
});

describe('deleteDocument', () => {
  it('removes the document’s own cards, keeps those another document attests, and keeps review logs', async () => {
    const db = freshDb();
    const a = await plan(db, HEAD + KEEP + GOES, 'a.txt');
    const b = await plan(db, '学习材料汇编\n（2025年5月1日）\n' + KEEP + NEW, 'b.txt');
    await writeImport(db, a, all(a), T0);
    await writeImport(db, b, all(b), T0);
    const shared = a.deck.cards.find((c) => c.kind === 'formulation-list' && c.prompt.includes('三个坚持'))!;
    const own = a.deck.cards.find((c) => c.kind === 'figure-cloze')!;
    expect((await db.cards.get(shared.id))!.sourceIds.sort()).toEqual([a.source.id, b.source.id].sort());
    await saveReview(db, own.id, 3, at(0, 1), SETTINGS);
    await saveReview(db, shared.id, 3, at(0, 1), SETTINGS);

    const counts = await deleteDocument(db, a.source.id);
    expect(counts.removed).toBeGreaterThan(0);
    expect(await db.sources.get(a.source.id)).toBeUndefined();
    expect(await db.texts.get(a.source.id)).toBeUndefined();
    expect(await db.cards.get(own.id)).toBeUndefined();
    const kept = (await db.cards.get(shared.id))!;
    expect(kept).toMatchObject({ sourceIds: [b.source.id], retired: 0, origin: `import:${b.source.id}` });
    expect(kept.fsrs.reps).toBe(1);
    expect(kept.evidence.every((e) => e.source === b.source.id)).toBe(true);
    expect(await db.cards.where('sourceIds').equals(a.source.id).count()).toBe(0);
    expect(await db.notes.where('sourceIds').equals(a.source.id).count()).toBe(0);
    expect(await db.reviewLogs.count()).toBe(2);
    await expect(deleteDocument(db, a.source.id)).rejects.toThrow('已不在');
    db.close();
  });
});

describe('backup with imported documents', () => {
  it('exports and restores the documents’ text', async () => {
    const db = freshDb();
    const a = await plan(db, HEAD + KEEP);
    await writeImport(db, a, all(a), T0);
    const backup = await exportBackup(db, T0);
    expect(backup.texts).toHaveLength(1);
    const other = freshDb();
    await importBackup(other, JSON.parse(JSON.stringify(backup)));
    expect((await other.texts.get(a.source.id))!.text).toBe(HEAD + KEEP);
    await expect(importBackup(other, { ...backup, texts: [{ id: 'x' }] })).rejects.toThrow('备份文件已损坏');
    expect(await other.texts.count()).toBe(1);
    db.close();
    other.close();
  });
});
