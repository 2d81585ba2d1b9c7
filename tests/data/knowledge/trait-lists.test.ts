// Short parallel predicates of one subject ("我国经济基础稳、优势多、韧性强、潜力大"). Every sentence is written
// for this test in the style of a speech at a 座谈会; none is copied from a real document.
import { describe, expect, it } from 'vitest';
import { buildDeck } from '@/data/knowledge/deck';
import { extractFormulations } from '@/data/knowledge/formulations';
import { findTraitLists } from '@/data/knowledge/trait-lists';

const deckOf = (sentence: string) =>
  buildDeck([{ file: 'd.txt', text: `座谈会通报\n习近平指出，上半年经济运行稳中有进。${sentence}\n` }]).cards;

describe('two-character nouns each with its own one-character adjective', () => {
  it('are a list asked in the sentence that says them', () => {
    const cards = deckOf('这表明我国经济基础稳、优势多、韧性强、潜力大，长期向好的支撑条件没有改变。');
    const clozes = cards.filter((c) => c.kind === 'formulation-cloze');
    expect(clozes.map((c) => c.answer).sort()).toEqual(['优势多', '基础稳', '潜力大', '韧性强']);
    expect(clozes.find((c) => c.answer === '优势多')?.prompt).toBe('这表明我国经济基础稳、____、韧性强、潜力大');
    const list = cards.find((c) => c.kind === 'formulation-list');
    expect(list?.answer).toBe('基础稳、优势多、韧性强、潜力大');
    // The hint keeps each noun: what is asked is its adjective.
    expect(list?.prompt).toBe('填写这组并列提法（共4项）：这表明我国经济基础____、优势____、韧性____、潜力____');
  });

  it('takes three items', () => {
    const f = extractFormulations('综合判断，我国经济韧性强、潜力大、活力足，长期向好的基本面不会改变。');
    expect(f.find((x) => x.members.length === 3)?.members).toEqual(['韧性强', '潜力大', '活力足']);
  });

  it('leaves an adjective repeated, other adjectives, and two items alone', () => {
    expect(findTraitLists('形式主义的一些表现，会议多、文件多、检查多。')).toEqual([]);
    expect(findTraitLists('一些地方会议繁、文件长、检查密。')).toEqual([]);
    expect(findTraitLists('我国经济韧性强、潜力大，长期向好。')).toEqual([]);
    expect(findTraitLists('我国经济韧性强、潜力大、活力足。')).toHaveLength(1);
  });
});

describe('the fields where a duty is to show, between 在 and 上 and a set phrase', () => {
  it('are a list asked with the phrase after them', () => {
    const cards = deckOf('各级领导干部要在笃信、务实、担当、自律上当表率，以上率下带动全体党员。');
    const list = cards.find((c) => c.kind === 'formulation-list');
    expect(list?.answer).toBe('笃信、务实、担当、自律');
    expect(list?.prompt).toMatch(/^填写这组并列提法（共4项）：各级领导干部要在.+、.+、.+、.+上当表率$/);
    const clozes = cards.filter((c) => c.kind === 'formulation-cloze');
    expect(clozes.map((c) => c.answer).sort()).toEqual(['务实', '担当', '笃信', '自律'].sort());
  });

  it('takes three to six words of two to four characters, before any of the set phrases', () => {
    const members = (s: string) => extractFormulations(s).find((f) => f.tail?.startsWith('上'))?.members;
    expect(members('要在学懂、弄通、做实上下功夫，推动理论学习往深里走。')).toEqual(['学懂', '弄通', '做实']);
    expect(members('要在稳就业、稳企业、稳预期上持续发力，巩固经济回升向好态势。')).toEqual([
      '稳就业',
      '稳企业',
      '稳预期',
    ]);
    expect(members('在学、思、用上下功夫。')).toBeUndefined();
    expect(members('要在学懂、弄通上下功夫。')).toBeUndefined();
    expect(members('要在学懂、弄通、做实上面花时间。')).toBeUndefined();
  });
});
