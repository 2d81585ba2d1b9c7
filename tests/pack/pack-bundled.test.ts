// A 学习资料包's bundled documents (docs/pack.md): the organiser's selection and edits of bundled cards
// travel; the member's 学习会 covers exactly the selected cards; the member's progress and own edits stay.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDeck, SETTINGS, at } from '../data/db/helpers';
import { syncDeck } from '../../data/db/deck-sync';
import { editCard, getSettings, saveReview } from '../../data/db/repo';
import { loadPlanStatus } from '../../data/db/study-plan';
import { buildCramQueue } from '../../data/srs/queue';
import { toQueueCard } from '../../data/db/queue-card';
import type { TifaDB } from '../../data/db/schema';
import { Rating } from '../../data/srs/scheduler';
import { DavClient } from '../../lib/sync/webdav';
import { publishPack } from '../../lib/pack/publish';
import { checkPack } from '../../lib/pack/member';
import { applyPack } from '../../data/db/pack-apply';
import { parsePack, type PackFile } from '../../data/pack/format';
import type { PackManifest } from '../../data/pack/diff';
import type { DavServer } from '../sync/dav-server';
import { closeDevices, twoDevices } from '../sync/devices';

let dav: DavServer;
let org: TifaDB;
let mem: TifaDB;
const client = () => new DavClient({ url: dav.url, user: dav.user, password: dav.password }, undefined, 5_000);
const SESSION = '2025-03-20';

/** Publishes bundled s1 with `cards`, and applies it on the member's side; returns the new manifest. */
async function round(cards: string[], previous: PackManifest | undefined, day: number) {
  await publishPack(org, client(), { documents: [{ id: 's1', cards }], session: SESSION }, at(day));
  const check = await checkPack(client(), previous);
  return applyPack(mem, check.pack, previous, at(day, 1), { acceptSession: true });
}

const shown = async (id: string) => {
  const c = (await mem.cards.get(id))!;
  return { prompt: c.edited?.prompt ?? c.prompt, answer: c.edited?.answer ?? c.answer };
};

beforeEach(async () => {
  ({ dav, a: org, b: mem } = await twoDevices());
});

afterEach(() => closeDevices(dav, org, mem));

describe('学习资料包: bundled documents', () => {
  it("carries the selection and the organiser's edits; the member's progress and own edits stay", async () => {
    // The organiser edits two cards of s1 and chooses c1 and c2 only.
    await editCard(org, 'c1', { prompt: '“六个精准”具体指哪六个方面？' }, at(1));
    await editCard(org, 'c2', { answer: '“六个精准”' }, at(1));
    // The member studied c1 and had edited c2 before subscribing.
    await saveReview(mem, 'c1', Rating.Good, at(1, 1), SETTINGS);
    await editCard(mem, 'c2', { prompt: '我自己的问题' }, at(1, 1));
    const progress = JSON.stringify((await mem.cards.get('c1'))!.fsrs);

    const v1 = await round(['c1', 'c2'], undefined, 2);
    expect(v1.planSaved).toBe(true);
    expect(await shown('c1')).toEqual({ prompt: '“六个精准”具体指哪六个方面？', answer: '扶持对象精准、项目安排精准' });
    expect((await mem.cards.get('c1'))!.prompt).toBe('“六个精准”是哪六个？');
    expect(JSON.stringify((await mem.cards.get('c1'))!.fsrs)).toBe(progress);
    expect(await mem.reviewLogs.count()).toBe(1);
    // Field by field: the member's own question stays (and the member is told), the organiser's answer arrives.
    expect(await shown('c2')).toEqual({ prompt: '我自己的问题', answer: '“六个精准”' });
    expect(v1.kept).toEqual(['c2']);
    // The 学习会 covers exactly the selected cards: not c3, though it is a card of s1.
    const settings = await getSettings(mem);
    expect([...(settings.cramCards ?? [])].sort()).toEqual(['c1', 'c2']);
    expect((await loadPlanStatus(mem, at(2, 2)))?.total).toBe(2);
    const all = (await mem.cards.toArray()).map(toQueueCard);
    expect(buildCramQueue(all, at(18), settings).sort()).toEqual(['c1', 'c2']);
    expect(Object.keys(v1.manifest.docs.s1.cards).sort()).toEqual(['c1', 'c2']);

    // A bundled deck update keeps the organiser's edit (it is stored as the card's edit).
    const deck = makeDeck();
    deck.cards[0] = { ...deck.cards[0], answer: '扶持对象精准、项目安排精准、资金使用精准' };
    await syncDeck(mem, deck, at(2, 3));
    expect((await shown('c1')).prompt).toBe('“六个精准”具体指哪六个方面？');

    // Version 2: the organiser edits c1 again and adds c3 with an edit; the member had not touched c1.
    await editCard(org, 'c1', { prompt: '“六个精准”包括哪些？' }, at(3));
    await editCard(org, 'c3', { answer: '6个' }, at(3));
    const v2 = await round(['c1', 'c2', 'c3'], v1.manifest, 4);
    expect((await shown('c1')).prompt).toBe('“六个精准”包括哪些？');
    expect((await shown('c3')).answer).toBe('6个');
    expect(v2.kept).toEqual(['c2']);
    expect([...((await getSettings(mem)).cramCards ?? [])].sort()).toEqual(['c1', 'c2', 'c3']);

    // The member edits c1's answer after the pack's edit: the next version brings the organiser's new
    // question and leaves the member's answer.
    await editCard(mem, 'c1', { answer: '我记的答案' }, at(5));
    await editCard(org, 'c1', { prompt: '第三次修订的问题' }, at(5));
    const v3 = await round(['c1', 'c2', 'c3'], v2.manifest, 6);
    expect(await shown('c1')).toEqual({ prompt: '第三次修订的问题', answer: '我记的答案' });
    expect(v3.kept.sort()).toEqual(['c1', 'c2']);
    expect(JSON.stringify((await mem.cards.get('c1'))!.fsrs)).toBe(progress);
    expect((await mem.cards.toArray()).every((c) => c.retired === 0)).toBe(true);
  });

  it("only the organiser's edits travel: the member's newer bundled text is not overwritten by the organiser's older one", async () => {
    const newer = makeDeck();
    newer.cards[1] = { ...newer.cards[1], answer: '“六个精准”（2026年修订）' };
    await syncDeck(mem, newer, at(1));
    await editCard(org, 'c1', { answer: '组织者的答案' }, at(1));
    const v1 = await round(['c1', 'c2'], undefined, 2);
    expect(v1.kept).toEqual([]);
    expect((await mem.cards.get('c2'))?.edited).toBeUndefined();
    expect(await shown('c2')).toEqual({ prompt: '“扶持对象精准”属于哪个提法？', answer: '“六个精准”（2026年修订）' });
    expect((await mem.cards.get('c1'))?.edited).toEqual({ answer: '组织者的答案' });
    // The organiser takes the edit back: the member's card shows the deck's text again.
    await editCard(org, 'c1', { answer: null }, at(3));
    await round(['c1', 'c2'], v1.manifest, 4);
    expect((await mem.cards.get('c1'))?.edited).toBeUndefined();
  });

  it("a card a version drops and a later one lists again still takes the organiser's new edit", async () => {
    await editCard(org, 'c1', { prompt: '第一版的问题' }, at(1));
    const v1 = await round(['c1'], undefined, 2);
    const v2 = await round(['c2'], v1.manifest, 3);
    expect((await shown('c1')).prompt).toBe('第一版的问题');
    await editCard(org, 'c1', { prompt: '第三版的问题' }, at(4));
    const v3 = await round(['c1'], v2.manifest, 5);
    expect(v3.kept).toEqual([]);
    expect((await shown('c1')).prompt).toBe('第三版的问题');
    expect(v3.manifest.written).toEqual({ c1: { prompt: '第三版的问题' } });
  });

  it('a hostile pack cannot edit cards outside the bundled document it names', async () => {
    const pack: PackFile = {
      format: 'tifa-pack',
      version: 1,
      pack: 1,
      publishedAt: at(1),
      documents: [
        {
          kind: 'bundled',
          source: { id: 's1', title: '在打好精准脱贫攻坚战座谈会上的讲话' },
          cards: [
            { id: 'c4', prompt: '被改的问题', answer: '被改的答案', edited: ['prompt', 'answer'] },
            { id: 'c1', prompt: '“六个精准”是哪六个？', answer: '扶持对象精准、项目安排精准' },
          ],
        },
      ],
    };
    const before = JSON.stringify(await mem.cards.toArray());
    await applyPack(mem, pack, undefined, at(2), { acceptSession: false });
    expect(JSON.stringify(await mem.cards.toArray())).toBe(before);
    // What a bundled card may say it edited is checked with the rest of the file.
    const card = { id: 'c1', prompt: '问', answer: '答', edited: ['fsrs'] };
    const file = JSON.stringify({ ...pack, documents: [{ ...pack.documents[0], cards: [card] }] });
    expect(parsePack(file, { pack: 1 })).toEqual({ problem: '学习资料包已损坏：第 1 份文件：未知的修改项' });
  });
});
