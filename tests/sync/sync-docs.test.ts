// Imported documents between two devices through a real WebDAV server: an import, a re-import and a
// deletion on one computer arrive on the other with the same stable ids, ratings from both sides land
// on the same cards, and a hostile document in the remote folder is refused whole.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshDb, SETTINGS, at } from '../data/db/helpers';
import { importDeck } from '../../data/knowledge/import-plan';
import { deleteDocument, importSourceId, writeImport } from '../../data/db/import';
import { editCard, resolveConflict, saveReview, setSuspended } from '../../data/db/repo';
import type { TifaDB } from '../../data/db/schema';
import { Rating } from '../../data/srs/scheduler';
import { DavClient } from '../../lib/sync/webdav';
import { ROOT, syncOnce, sha256Hex } from '../../lib/sync/run';
import { fileName, parseSyncFile, serializeFile } from '../../data/sync/format';
import { documentOps } from '../../data/db/sync-docs';
import { getSyncSelf } from '../../data/db/sync-state';
import { startDav, type DavServer } from './dav-server';
import { closeDevices } from './devices';

// Sentences of our own, in the style of a work report.
const HEAD = '关于加强基层治理体系建设的工作报告\n（2025年4月10日）\n';
const KEEP = '我们坚持“三个统筹”，即统筹发展和安全、统筹城市和乡村、统筹当前和长远。\n';
const GOES = '全年新建社区综合服务设施3200个，覆盖率达到96.5%。\n';
const NEW = '要做到“四个聚焦”：聚焦民生需求、聚焦矛盾化解、聚焦队伍建设、聚焦制度完善。\n';

let dav: DavServer;
let a: TifaDB;
let b: TifaDB;
const client = () => new DavClient({ url: dav.url, user: dav.user, password: dav.password }, undefined, 5_000);
const sync = (db: TifaDB, when = at(2)) => syncOnce(db, client(), when);

async function importText(db: TifaDB, text: string, when = at(1)) {
  const sid = importSourceId(HEAD);
  const deck = importDeck({ file: 'report.txt', text }, sid);
  await writeImport(
    db,
    { source: deck.sources[0], text, format: 'txt', deck, conflicts: [] },
    new Set(deck.cards.map((c) => c.id)),
    when,
  );
  return { sid, deck };
}

/** Everything of the documents that must agree between devices. */
async function view(db: TifaDB) {
  const strip = <T extends object>(rows: T[]) => rows.map((r) => JSON.parse(JSON.stringify(r)));
  const logs = (await db.reviewLogs.toArray())
    .map(({ id: _id, ...l }) => l)
    .sort((x, y) => x.uid!.localeCompare(y.uid!));
  return {
    sources: strip(await db.sources.orderBy('id').toArray()),
    texts: strip(await db.texts.orderBy('id').toArray()),
    notes: strip(await db.notes.orderBy('id').toArray()),
    cards: strip(await db.cards.orderBy('id').toArray()),
    conflicts: strip(await db.conflicts.orderBy('id').toArray()),
    logs: strip(logs),
  };
}

beforeEach(async () => {
  dav = await startDav();
  a = freshDb();
  b = freshDb();
});

afterEach(() => closeDevices(dav, a, b));

describe('imported documents between two devices', () => {
  it('an import arrives with its cards and notes; ratings from both sides land on the same cards and both count', async () => {
    const { sid, deck } = await importText(a, HEAD + KEEP + GOES);
    const [c1, c2] = deck.cards.map((c) => c.id);
    await saveReview(a, c1, Rating.Good, at(1, 2), SETTINGS);
    const sent = await sync(a);
    expect(sent.sent).toMatchObject({ documents: 1, reviews: 1 });
    const got = await sync(b);
    expect(got.received).toMatchObject({ documents: 1, reviews: 1 });
    expect(got.problems).toEqual([]);
    expect((await b.sources.get(sid))?.title).toBe('关于加强基层治理体系建设的工作报告');
    expect((await b.texts.get(sid))?.text).toBe(HEAD + KEEP + GOES);
    expect(await view(b)).toEqual(await view(a));
    // Both study the same card offline, and another one each: every rating counts on both.
    await saveReview(a, c2, Rating.Again, at(3, 1), SETTINGS);
    await saveReview(b, c2, Rating.Good, at(3, 2), SETTINGS);
    await saveReview(b, c1, Rating.Hard, at(3, 3), SETTINGS);
    await editCard(b, c2, { prompt: '“三个统筹”指哪三个？' });
    await sync(a, at(4));
    await sync(b, at(4, 1));
    const back = await sync(a, at(4, 2));
    // Nothing echoes back: the document is not sent again by the device that received it.
    expect(back.received.documents).toBe(0);
    const [va, vb] = [await view(a), await view(b)];
    expect(va).toEqual(vb);
    expect(va.logs).toHaveLength(4);
    expect(va.cards.find((c: { id: string }) => c.id === c2)).toMatchObject({
      edited: { prompt: '“三个统筹”指哪三个？' },
      fsrs: { reps: 2 },
    });
    expect((await sync(b, at(5))).sent).toMatchObject({ documents: 0, reviews: 0, edits: 0 });
  });

  it('a re-import keeps the progress of the cards it keeps and retires what vanished; a deletion travels, ratings stay', async () => {
    const first = await importText(a, HEAD + KEEP + GOES);
    const kept = first.deck.cards.find((c) => c.prompt.includes('三个统筹'))!.id;
    const gone = first.deck.cards
      .filter((c) => c.evidence.every((e) => e.quote && GOES.includes(e.quote)))
      .map((c) => c.id);
    expect(gone.length).toBeGreaterThan(0);
    await sync(a);
    await sync(b);
    await saveReview(b, kept, Rating.Good, at(3), SETTINGS);
    await sync(b, at(3, 1));
    // Edited and suspended here after that: the re-imported document does not undo it.
    await editCard(b, kept, { answer: '统筹发展和安全等三个方面' });
    await setSuspended(b, kept, true);
    const again = await importText(a, HEAD + KEEP + NEW, at(4));
    await sync(a, at(4, 1));
    const got = await sync(b, at(4, 2));
    expect(got.received.documents).toBe(1);
    // B sent its edit before it read the document: A has it at its next sync.
    await sync(a, at(4, 3));
    expect(await view(b)).toEqual(await view(a));
    expect((await b.cards.get(kept))!).toMatchObject({
      fsrs: { reps: 1 },
      edited: { answer: '统筹发展和安全等三个方面' },
      suspended: 1,
    });
    for (const id of gone) expect((await b.cards.get(id))?.retired).toBe(1);
    const added = again.deck.cards.find((c) => c.prompt.includes('四个聚焦'))!.id;
    expect((await b.cards.get(added))?.retired).toBe(0);

    await deleteDocument(b, first.sid);
    await sync(b, at(5));
    expect((await sync(a, at(5, 1))).received.documents).toBe(1);
    expect(await a.sources.count()).toBe(0);
    expect(await a.texts.count()).toBe(0);
    expect(await a.cards.count()).toBe(0);
    expect(await a.reviewLogs.count()).toBe(1);
    expect(await view(a)).toEqual(await view(b));
  });

  it('a conflict settled on this device stays settled when the document comes again', async () => {
    const { sid } = await importText(a, HEAD + KEEP + GOES);
    await a.conflicts.put({
      id: 'x1',
      topic: '覆盖率',
      values: ['96.5%', '95%'],
      evidence: [{ source: sid, quote: '96.5%', value: '96.5%' }],
      origin: `import:${sid}`,
      resolved: 0,
      retired: 0,
    });
    await sync(a);
    await sync(b);
    await resolveConflict(b, 'x1', '96.5%', at(3));
    await importText(a, HEAD + KEEP + GOES + NEW, at(4));
    await sync(a, at(4, 1));
    await sync(b, at(4, 2));
    expect(await b.conflicts.get('x1')).toMatchObject({ resolved: 1, choice: '96.5%' });
  });

  it('a hostile document in the remote folder is refused whole, in Chinese', async () => {
    const { deck } = await importText(a, HEAD + KEEP);
    const self = await getSyncSelf(a);
    const ops = await a.transaction('r', [a.sources, a.notes, a.cards, a.conflicts, a.texts], () =>
      documentOps(a, structuredClone(self), at(2)),
    );
    const doc = (ops[0] as Extract<(typeof ops)[0], { t: 'document' }>).doc;
    const attack = (changes: object) =>
      serializeFile({
        format: 'tifa-sync',
        version: 1,
        device: 'd-00000000evil1',
        seq: 1,
        createdAt: at(2),
        ops: [{ t: 'document', doc: { ...doc, ...changes }, at: at(2) }],
      });
    const expectProblem = (body: string, pattern: RegExp) => {
      const parsed = parseSyncFile(body, { device: 'd-00000000evil1', seq: 1 });
      expect('problem' in parsed && parsed.problem).toMatch(pattern);
    };
    expect('file' in parseSyncFile(attack({}), { device: 'd-00000000evil1', seq: 1 })).toBe(true);
    const card = doc.cards[0];
    const bundled = { ...card, id: 'c1', sourceIds: ['s1'], evidence: [{ source: 's1', quote: '别的文件' }] };
    expectProblem(attack({ cards: [...doc.cards, bundled] }), /不属于这份导入的文件/);
    expectProblem(attack({ source: { ...doc.source, origin: 'bundled' } }), /编号不一致/);
    expectProblem(attack({ text: { ...doc.text, id: 'other' } }), /编号不一致/);
    expectProblem(attack({ cards: [{ ...card, fsrs: { ...card.fsrs, reps: -1 } }] }), /同步文件已损坏/);
    expectProblem(attack({ notes: 'x' }), /知识点必须是列表/);

    // Through the server: the hostile file is refused and nothing of it is written.
    const folder = join(dav.dir, 'sync', ROOT, 'devices', 'd-00000000evil1');
    await sync(b);
    mkdirSync(folder);
    const body = attack({ cards: [...doc.cards, bundled] });
    writeFileSync(join(folder, fileName(1, await sha256Hex(body))), body);
    const out = await sync(b, at(3));
    expect(out.problems.join('\n')).toMatch(/文件已拒绝.*不属于这份导入的文件/);
    expect(await b.sources.count()).toBe(0);
    expect(await b.cards.count()).toBe(0);
    expect(deck.cards.length).toBeGreaterThan(0);
  });
});
