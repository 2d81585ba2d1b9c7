// What the import preview ticks before the user chooses: the document's headline items by importance, at
// least its best few, the cards it already has on 重新导入 — and of a formulation it only names (its members
// from the glossary), the list card alone, not eight drills of 新发展理念 in a 公报 that mentions it.
import { describe, expect, it } from 'vitest';
import { buildDeck } from '@/data/knowledge/deck';
import { preselectedCards } from '@/data/knowledge/import-plan';

const TEXT = [
  '中共中央政治局召开会议',
  '（2025年12月8日）',
  '会议要求，要完整准确全面贯彻新发展理念，加快构建新发展格局。',
  '会议强调，要抓好三项重点任务：坚持内需主导，扩大有效需求；坚持创新驱动，培育新动能；坚持改革攻坚，激发市场活力。',
].join('\n');

describe('preselectedCards', () => {
  const deck = buildDeck([{ file: 'a.txt', text: TEXT }]);
  const kinds = (noteName: string, chosen: Set<string>) => {
    const note = deck.notes.find((n) => n.name === noteName)!;
    return deck.cards
      .filter((c) => c.noteId === note.id && chosen.has(c.id))
      .map((c) => c.kind)
      .sort();
  };

  it('ticks only the list card of a formulation whose members come from the glossary', () => {
    const chosen = preselectedCards(deck, new Set());
    const note = deck.notes.find((n) => n.name === '新发展理念')!;
    expect(note.provenance?.some((p) => p.part.startsWith('member:') && p.from === 'glossary')).toBe(true);
    expect(deck.cards.filter((c) => c.noteId === note.id).length).toBeGreaterThan(1);
    expect(kinds('新发展理念', chosen)).toEqual(['formulation-list']);
  });

  it("ticks the document's own list with its drills", () => {
    const chosen = preselectedCards(deck, new Set());
    expect(kinds('三项重点任务', chosen)).toContain('formulation-list');
    expect(kinds('三项重点任务', chosen).length).toBeGreaterThan(1);
  });

  it('keeps every card the document already has on 重新导入, drills included', () => {
    const all = new Set(deck.cards.map((c) => c.id));
    expect(preselectedCards(deck, all)).toEqual(all);
  });
});

it('ticks a list the text sets under its topic ("…的主要目标：A，B，C。") like a named one', () => {
  const text = [
    '全会公报学习要点',
    '（2025年10月23日）',
    '全会提出了“十五五”时期经济社会发展的主要目标：高质量发展取得显著成效，科技自立自强水平大幅提高，社会文明程度明显提升，人民生活品质不断提高。',
    '中国共产党第二十届中央委员会第四次全体会议，于2025年10月20日至23日在北京举行。',
    '出席这次全会的有，中央委员168人，候补中央委员147人。',
    '到2035年实现经济实力、科技实力、国防实力、综合国力和国际影响力大幅跃升。',
    '预计今年国内生产总值达到140万亿元左右。',
  ].join('\n');
  const deck = buildDeck([{ file: 'b.txt', text }]);
  const list = deck.cards.find((c) => c.kind === 'formulation-list' && c.prompt.includes('主要目标'))!;
  expect(list.prompt).toBe('“十五五”时期经济社会发展的主要目标是什么？');
  // Five other cards outrank an unnamed list (0.5) here: the list is ticked as a headline, not as one of the best few.
  expect(deck.cards.filter((c) => c.id !== list.id && c.importance > 0.5).length).toBeGreaterThanOrEqual(5);
  expect(preselectedCards(deck, new Set()).has(list.id)).toBe(true);
});

it('leaves unticked the figures that label the meeting (its session, its days), unless they make up the best few', () => {
  const text = [
    '全会公报学习要点',
    '中国共产党第二十届中央委员会第四次全体会议，于2025年10月20日至23日在北京举行。',
    '全会提出，到2035年实现经济实力、科技实力、国防实力、综合国力和国际影响力大幅跃升。',
    '全会要求，今年国内生产总值增长5%左右，城镇新增就业1200万人以上，粮食产量1.4万亿斤左右。',
    '全会强调，居民消费价格涨幅2%左右，单位国内生产总值能耗降低3%左右。',
  ].join('\n');
  const deck = buildDeck([{ file: 'c.txt', text }]);
  const chosen = preselectedCards(deck, new Set());
  const answers = (ticked: boolean) =>
    deck.cards.filter((c) => c.kind === 'figure-cloze' && chosen.has(c.id) === ticked).map((c) => c.answer);
  expect(answers(false)).toEqual(expect.arrayContaining(['第二十届', '第四次']));
  expect(answers(true)).toEqual(expect.arrayContaining(['2035年', '5%左右', '1200万人以上']));
  const few = buildDeck([{ file: 'd.txt', text: text.split('\n').slice(0, 2).join('\n') }]);
  expect(preselectedCards(few, new Set()).size).toBeGreaterThan(0);
});
