// A 学习资料包 through a real WebDAV server (tests/sync/dav-server.ts): the organiser publishes versions,
// a member sees what changed and applies them keeping progress by stable ids, and shares readiness.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTINGS, at } from '../data/db/helpers';
import { importDeck } from '../../data/knowledge/import-plan';
import { importSourceId, writeImport } from '../../data/db/import';
import { editCard, getSettings, saveReview } from '../../data/db/repo';
import type { TifaDB } from '../../data/db/schema';
import { Rating } from '../../data/srs/scheduler';
import { DavClient } from '../../lib/sync/webdav';
import { publishPack } from '../../lib/pack/publish';
import { checkPack, findPack, newMemberId, shareReadiness } from '../../lib/pack/member';
import { readReadiness } from '../../lib/pack/folder';
import { applyPack } from '../../data/db/pack-apply';
import { packCandidates, type PackChoice } from '../../data/db/pack-build';
import { changesText, type PackManifest } from '../../data/pack/diff';
import type { DavServer } from '../sync/dav-server';
import { closeDevices, twoDevices } from '../sync/devices';

// Sentences of our own, in the style of a work report.
const HEAD = '关于加强基层治理体系建设的学习材料\n（2025年4月10日）\n';
const BODY =
  '我们坚持“三个统筹”，即统筹发展和安全、统筹城市和乡村、统筹当前和长远。\n' +
  '要做到“四个聚焦”：聚焦民生需求、聚焦矛盾化解、聚焦队伍建设、聚焦制度完善。\n';

let dav: DavServer;
let org: TifaDB;
let mem: TifaDB;
let sid: string;
let docCards: string[];
const client = (password = dav.password) => new DavClient({ url: dav.url, user: dav.user, password }, undefined, 5_000);

/** Imports the document, all its cards or those `pick` keeps; returns all its cards' ids. */
async function importText(db: TifaDB, pick = (ids: string[]) => ids) {
  sid = importSourceId(HEAD);
  const deck = importDeck({ file: '基层治理.txt', text: HEAD + BODY }, sid);
  const ids = deck.cards.map((c) => c.id);
  await writeImport(
    db,
    { source: deck.sources[0], text: HEAD + BODY, format: 'txt', deck, conflicts: [] },
    new Set(pick(ids)),
    at(0),
  );
  return ids;
}

/** The organiser's choice: the imported document with the given cards, and bundled s1 with c1 and c2. */
const choice = (cards: string[], session?: string): PackChoice => ({
  documents: [
    { id: sid, cards },
    { id: 's1', cards: ['c1', 'c2'] },
  ],
  title: '四月学习会',
  session,
});

/** Rows of every table that a pack may touch, as plain JSON. */
async function snapshot(db: TifaDB) {
  const all = async (t: keyof TifaDB) => JSON.stringify(await (db[t] as TifaDB['cards']).toArray());
  return [await all('sources'), await all('texts'), await all('notes'), await all('cards'), await all('settings')];
}

beforeEach(async () => {
  ({ dav, a: org, b: mem } = await twoDevices());
  docCards = await importText(org);
});

afterEach(() => closeDevices(dav, org, mem));

describe('学习资料包', () => {
  it('offers every document with its active cards, chosen by default', async () => {
    const docs = await packCandidates(org);
    expect(docs.map((d) => [d.id, d.bundled])).toEqual([
      [sid, false],
      ['s2', true],
      ['s1', true],
    ]);
    expect(docs[0].cards.every((c) => c.chosen)).toBe(true);
    expect(docs[0].cards.map((c) => c.id).sort()).toEqual([...docCards].sort());
  });

  it('publishes numbered immutable versions; a member applies them keeping progress by stable ids', async () => {
    expect(docCards.length).toBeGreaterThanOrEqual(3);
    const [keep, edit, drop, ...rest] = docCards;
    const first = await publishPack(org, client(), choice([keep, edit, drop]), at(1));
    expect(first).toMatchObject({ pack: 1, documents: 2, cards: 5 });
    const files = readdirSync(join(dav.dir, 'sync')).sort();
    expect(files).toEqual(['members', first.file, 'pack.json'].sort());
    expect(first.file).toMatch(/^pack-v1-[0-9a-f]{16}\.json$/);
    // Content only: the organiser's progress never travels.
    await saveReview(org, keep, Rating.Easy, at(1, 1), SETTINGS);

    const check1 = await checkPack(client(), undefined);
    expect(check1.fresh).toBe(true);
    expect(check1.changes).toMatchObject({
      pack: 1,
      from: 0,
      newDocs: ['关于加强基层治理体系建设的学习材料', '在打好精准脱贫攻坚战座谈会上的讲话'],
    });
    expect(check1.changes.added).toHaveLength(5);
    const applied = await applyPack(mem, check1.pack, undefined, at(2), { acceptSession: false });
    expect(applied.missing).toEqual([]);
    const manifest1: PackManifest = applied.manifest;
    const got = await mem.cards.bulkGet([keep, edit, drop]);
    expect(got.map((c) => [c?.fsrs.reps, c?.retired, c?.origin])).toEqual([
      [0, 0, `import:${sid}`],
      [0, 0, `import:${sid}`],
      [0, 0, `import:${sid}`],
    ]);
    expect((await mem.texts.get(sid))?.text).toBe(HEAD + BODY);
    expect(await mem.reviewLogs.count()).toBe(0);

    // The member studies.
    await saveReview(mem, keep, Rating.Good, at(2, 1), SETTINGS);
    await saveReview(mem, edit, Rating.Good, at(2, 1), SETTINGS);
    await saveReview(mem, drop, Rating.Again, at(2, 1), SETTINGS);
    const progress = (await mem.cards.bulkGet([keep, edit])).map((c) => JSON.stringify(c?.fsrs));

    // Version 2: a card changed, a card added, a card removed.
    await editCard(org, edit, { prompt: '“三个统筹”指哪三个方面？（修订）' });
    const extra = rest[0];
    const second = await publishPack(org, client(), choice([keep, edit, extra], '2025-03-20'), at(3));
    expect(second.pack).toBe(2);
    const check2 = await checkPack(client(), manifest1);
    expect(check2.changes.changed.map((c) => c.id)).toEqual([edit]);
    expect(check2.changes.added.map((c) => c.id)).toEqual([extra]);
    expect(check2.changes.retired.map((c) => c.id)).toEqual([drop]);
    expect(check2.changes.session).toBe('2025-03-20');
    const v2 = await applyPack(mem, check2.pack, manifest1, at(4), { acceptSession: true });
    expect(v2.planSaved).toBe(true);
    const after = await mem.cards.bulkGet([keep, edit, drop]);
    expect(after[1]?.prompt).toBe('“三个统筹”指哪三个方面？（修订）');
    expect(after.slice(0, 2).map((c) => JSON.stringify(c?.fsrs))).toEqual(progress);
    expect(after[2]?.retired).toBe(1);
    expect((await mem.cards.get(extra))?.retired).toBe(0);
    expect(await mem.reviewLogs.count()).toBe(3);
    const settings = await getSettings(mem);
    expect(settings.cramUntil).toBe('2025-03-20');
    expect([...(settings.cramSources ?? [])].sort()).toEqual([sid, 's1'].sort());
    // Only the previous version stays beside the current one.
    await publishPack(org, client(), choice([keep]), at(5));
    expect(
      readdirSync(join(dav.dir, 'sync'))
        .filter((f) => f.startsWith('pack-v'))
        .map((f) => f.slice(0, 7))
        .sort(),
    ).toEqual(['pack-v2', 'pack-v3']);
  });

  it('refuses truncated, hostile and newer files with nothing written', async () => {
    const published = await publishPack(org, client(), choice(docCards), at(1));
    const file = join(dav.dir, 'sync', published.file);
    const good = readFileSync(file, 'utf8');
    const before = await snapshot(mem);
    const refused = async (words: RegExp) => {
      await expect(checkPack(client(), undefined)).rejects.toThrow(words);
      expect(await snapshot(mem)).toEqual(before);
    };
    writeFileSync(file, good.slice(0, good.length >> 1));
    await refused(/没有下载完整或已损坏/);
    // A body that matches its name but breaks the rules: written as the organiser would.
    const rewrite = async (pack: Record<string, unknown>) => {
      const body = JSON.stringify(pack);
      const { createHash } = await import('node:crypto');
      const name = `pack-v${pack.pack as number}-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.json`;
      writeFileSync(join(dav.dir, 'sync', name), body);
      writeFileSync(
        join(dav.dir, 'sync', 'pack.json'),
        JSON.stringify({ format: 'tifa-pack', version: 1, pack: pack.pack, file: name }),
      );
    };
    const parsed = JSON.parse(good);
    await rewrite({ ...parsed, version: 7 });
    await refused(/更新版本的提法.*升级/);
    await rewrite({
      ...parsed,
      documents: [{ ...parsed.documents[0], doc: { ...parsed.documents[0].doc, cards: [{ id: 'x' }] } }],
    });
    await refused(/已损坏：第 1 份文件/);
    // A card that names another document: refused by the sync's own document check.
    const stray = {
      ...parsed.documents[0].doc.cards[0],
      sourceIds: ['s1'],
      evidence: [{ source: 's1', quote: '六个精准' }],
    };
    await rewrite({ ...parsed, documents: [{ kind: 'import', doc: { ...parsed.documents[0].doc, cards: [stray] } }] });
    await refused(/不属于这份导入的文件/);
    // The organiser's Tifa does not publish over a newer one's pack either.
    writeFileSync(join(dav.dir, 'sync', 'pack.json'), '{"format":"tifa-pack","version":2,"pack":9,"file":"x"}');
    await expect(publishPack(org, client(), choice(docCards), at(2))).rejects.toThrow(/更新版本的提法/);
    writeFileSync(join(dav.dir, 'sync', 'pack.json'), '{"format":"tifa-pack","version":1,"pack":1,"file":"../x.json"}');
    await refused(/版本与文件名不符/);
    // An imported document under a bundled document's id: the apply refuses the whole pack.
    const hostile = structuredClone(parsed);
    const doc = hostile.documents[0].doc;
    for (const row of [...doc.notes, ...doc.cards]) {
      row.sourceIds = ['s2'];
      row.evidence = row.evidence.map((e: object) => ({ ...e, source: 's2' }));
    }
    Object.assign(doc, { source: { ...doc.source, id: 's2', origin: 'import:s2' }, text: { ...doc.text, id: 's2' } });
    await rewrite(hostile);
    const check = await checkPack(client(), undefined);
    await expect(applyPack(mem, check.pack, undefined, at(2), { acceptSession: true })).rejects.toThrow(/编号冲突/);
    expect(await snapshot(mem)).toEqual(before);
  });

  it('a folder with nothing published yet is no error for a member; a folder that does not exist is', async () => {
    expect(await findPack(client(), undefined)).toBeNull();
    await expect(checkPack(client(), undefined)).rejects.toThrow(/组织者还没有发布资料包，发布后会自动收到/);
    const missing = new DavClient({ url: `${dav.url}nope/`, user: dav.user, password: dav.password }, undefined, 5_000);
    await expect(findPack(missing, undefined)).rejects.toThrow(/没有这个文件夹/);
    await publishPack(org, client(), choice(docCards), at(1));
    expect((await findPack(client(), undefined))?.pack.pack).toBe(1);
  });

  it('a member shares readiness only; the organiser reads it as a table; a wrong password is said in Chinese', async () => {
    await publishPack(org, client(), choice(docCards), at(1));
    const check = await checkPack(client(), undefined);
    const { manifest } = await applyPack(mem, check.pack, undefined, at(2), { acceptSession: false });
    await saveReview(mem, docCards[0], Rating.Good, at(2, 1), SETTINGS);
    const id = newMemberId();
    await shareReadiness(mem, client(), manifest, { id, name: '  张三 ' }, at(2, 2));
    writeFileSync(
      join(dav.dir, 'sync', 'members', 'm-0000000000bad.json'),
      '{"format":"tifa-pack-readiness","version":1,"name":"x"',
    );
    const { members, problems } = await readReadiness(client());
    expect(members).toHaveLength(1);
    expect(members[0]).toMatchObject({ name: '张三', pack: 1, file: `${id}.json` });
    const row = members[0].documents.find((d) => d.id === sid)!;
    expect(row).toMatchObject({ cards: docCards.length, due: 1 });
    expect(row.mastered).toBeGreaterThan(0);
    expect(row.mastered).toBeLessThan(1);
    expect(
      Object.keys(JSON.parse(readFileSync(join(dav.dir, 'sync', 'members', `${id}.json`), 'utf8'))).sort(),
    ).toEqual(['at', 'documents', 'format', 'name', 'pack', 'version']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/已忽略.*不完整或已损坏/);
    await expect(checkPack(client('wrong'), undefined)).rejects.toThrow(/用户名或应用密码不对/);
    await expect(findPack(client('wrong'), undefined)).rejects.toThrow(/用户名或应用密码不对/);
    dav.fault = 'down';
    await expect(checkPack(client(), undefined)).rejects.toThrow(/无法连接/);
  });
  it("keeps the member's own import of the same document; a document dropped from the pack retires its pack cards", async () => {
    // The member imported the document with all but the three cards the pack will bring.
    const own = await importText(mem, (ids) => ids.slice(3));
    await saveReview(mem, own[5], Rating.Good, at(1, 1), SETTINGS);
    const mine = await mem.cards.get(own[5]);
    await publishPack(org, client(), choice(docCards.slice(0, 3)), at(1));
    const v1 = await checkPack(client(), undefined);
    const { manifest } = await applyPack(mem, v1.pack, undefined, at(2), { acceptSession: false });
    const rows = await mem.cards.bulkGet(own);
    expect(rows.every((c) => c?.retired === 0)).toBe(true);
    expect(manifest.brought).toEqual({ [sid]: own.slice(0, 3) });
    expect((await mem.cards.get(own[5]))?.fsrs).toEqual(mine?.fsrs);
    // Version 2 has only the bundled document: the pack's cards of the imported one retire, the member's own stay.
    await publishPack(org, client(), { documents: [{ id: 's1', cards: ['c1'] }] }, at(3));
    const v2 = await checkPack(client(), manifest);
    expect(v2.changes.goneDocs).toEqual(['关于加强基层治理体系建设的学习材料']);
    await applyPack(mem, v2.pack, manifest, at(4), { acceptSession: false });
    const after = await mem.cards.bulkGet(own);
    expect(after.slice(0, 3).map((c) => c?.retired)).toEqual([1, 1, 1]);
    expect(after.slice(3).every((c) => c?.retired === 0)).toBe(true);
    expect((await mem.cards.get('c2'))?.retired).toBe(0);
  });
  it("never retires the member's own cards, whatever a changed or hostile version lists", async () => {
    // The member imported the whole document before subscribing, and studied it.
    const own = await importText(mem);
    await saveReview(mem, own[1], Rating.Good, at(1, 1), SETTINGS);
    const studied = JSON.stringify((await mem.cards.get(own[1]))?.fsrs);
    await publishPack(org, client(), choice(docCards.slice(0, 3)), at(1));
    const v1 = await checkPack(client(), undefined);
    const { manifest } = await applyPack(mem, v1.pack, undefined, at(2), { acceptSession: false });
    expect(manifest.brought).toEqual({});
    // The organiser narrows the pack to one card: the two it drops were the member's before the pack.
    await publishPack(org, client(), choice(docCards.slice(0, 1)), at(3));
    const v2 = await checkPack(client(), manifest);
    // Told as it is: they leave the pack, not the member's cards.
    expect(v2.changes.retired).toEqual([]);
    expect(v2.changes.left.map((c) => c.id)).toEqual(docCards.slice(1, 3));
    expect(changesText(v2.changes)).toMatch(/2 张卡片不再列入资料包，仍保留在你这里/);
    const after2 = await applyPack(mem, v2.pack, manifest, at(4), { acceptSession: false });
    expect((await mem.cards.bulkGet(own)).map((c) => c?.retired)).toEqual(own.map(() => 0));
    // A hostile version: the document gone, and a manifest claiming every card was the pack's last time.
    const hostile = { ...v2.pack, pack: 3, documents: [v2.pack.documents[1]] };
    const cards: Record<string, string> = Object.fromEntries(own.map((id) => [id, 'x']));
    const claimed = { ...after2.manifest, docs: { ...after2.manifest.docs, [sid]: { title: 'x', cards } } };
    await applyPack(mem, hostile, claimed, at(5), { acceptSession: false });
    const rows = await mem.cards.bulkGet(own);
    expect(rows.map((c) => c?.retired)).toEqual(own.map(() => 0));
    expect(JSON.stringify(rows[1]?.fsrs)).toBe(studied);
    expect(await mem.reviewLogs.count()).toBe(1);
  });
  it("a hostile pack naming the member's own cards under another document cannot retire them later", async () => {
    const own = await importText(mem);
    const published = await publishPack(org, client(), choice(docCards.slice(0, 3)), at(1));
    const pack = JSON.parse(readFileSync(join(dav.dir, 'sync', published.file), 'utf8'));
    // The same cards, claimed by a document "hb" of the pack's own making.
    const doc = pack.documents[0].doc;
    for (const row of [...doc.notes, ...doc.cards]) {
      row.sourceIds = ['hb'];
      row.evidence = row.evidence.map((e: object) => ({ ...e, source: 'hb' }));
    }
    Object.assign(doc, { source: { ...doc.source, id: 'hb', origin: 'import:hb' }, text: { ...doc.text, id: 'hb' } });
    const { manifest } = await applyPack(mem, pack, undefined, at(2), { acceptSession: false });
    await applyPack(mem, { ...pack, pack: 2, documents: [pack.documents[1]] }, manifest, at(3), {
      acceptSession: false,
    });
    const rows = await mem.cards.bulkGet(own.slice(0, 3));
    expect(rows.map((c) => [c?.retired, c?.origin])).toEqual(own.slice(0, 3).map(() => [0, `import:${sid}`]));
  });
});
