// Nothing wrong is taught from the bundle: a check over every card of the bundled deck. Each rule is
// what a learner relies on when a card shows its quote, not a figure of the engine's internals.
import { describe, expect, it } from 'vitest';
import { buildDeck } from '@/data/knowledge/deck';
import { plain, quoteHasAnswer } from '@/data/knowledge/quotes';
import { selfContradictory, yearlike } from '@/data/knowledge/suspect';
import { nearSameFigure } from '@/data/knowledge/near-duplicates';
import type { Card, Evidence } from '@/data/knowledge/types';
import { bundledDocs as docs, realDeck as deck } from '../quiz/real-deck';
import { figureAsker } from './figure-asker';
const squeeze = (s: string) => s.replace(/\s+/g, '');
const originals = new Map(deck.sources.map((s, i) => [s.id, squeeze(docs[i].text)]));
const flagged = new Set(deck.sources.filter((s) => s.caveat).map((s) => s.id));
const notes = new Map(deck.notes.map((n) => [n.id, n]));
/** A quote of a flagged document that carries its doubtful years: shown last, never what a card rests on. */
const doubtful = (e: Evidence) => flagged.has(e.source) && yearlike(e.quote);
const label = (c: Card) => `${c.kind} ${c.prompt} → ${c.answer}`;

/**
 * Why a card may open on a quote without its answer, when no quote could do better: the members come
 * from the glossary (成员来自词表), only a doubtful quote of a flagged document holds them, a list is
 * stated one member per paragraph (the first quote holds the first member, the quotes together all),
 * or a member card whose formulation the document never names beside it (the quote holds the member).
 */
function excused(c: Card): boolean {
  const holders = c.evidence.filter((e) => quoteHasAnswer(e, c));
  if (!holders.length && notes.get(c.noteId)?.provenance?.some((p) => p.from === 'glossary')) return true;
  if (holders.length && holders.every(doubtful) && !c.held) return true;
  const members = c.members ?? [];
  if (members.length && quoteHasAnswer(c.evidence[0], { kind: 'figure-cloze', answer: members[0] })) {
    return members.every((m) => c.evidence.some((e) => quoteHasAnswer(e, { kind: 'figure-cloze', answer: m })));
  }
  const asked = /^“(.+)”属于哪个提法？$/.exec(c.prompt)?.[1];
  return !holders.length && !!asked && quoteHasAnswer(c.evidence[0], { kind: 'figure-cloze', answer: asked });
}

describe('every card of the bundled deck', () => {
  it('quotes its evidence verbatim (whitespace aside) from its own source', () => {
    for (const c of deck.cards) {
      expect(c.evidence.length, label(c)).toBeGreaterThan(0);
      for (const e of c.evidence)
        expect(originals.get(e.source)?.includes(squeeze(e.quote)), `${label(c)}: ${e.quote}`).toBe(true);
    }
  });

  it('opens on a quote that holds its answer', () => {
    const open = deck.cards.filter((c) => !quoteHasAnswer(c.evidence[0], c) && !excused(c)).map(label);
    expect(open).toEqual([]);
  });

  it('never shows one sentence twice', () => {
    for (const c of deck.cards) {
      const quotes = c.evidence.map((e) => plain(e.quote));
      expect(new Set(quotes).size, label(c)).toBe(quotes.length);
    }
  });

  it('rests on a flagged document alone only when held back as 待核实', () => {
    expect(flagged.size).toBe(1);
    const alone = deck.cards.filter((c) => c.evidence.every((e) => flagged.has(e.source)));
    expect(alone.length).toBeGreaterThan(0);
    for (const c of alone)
      if ([c.prompt, c.answer, ...c.evidence.map((e) => e.quote)].some(yearlike))
        expect(c.held, label(c)).toBeDefined();
    // A held card rests on the flagged document only; a card another document confirms is taught from that one.
    for (const c of deck.cards.filter((x) => x.held))
      expect(
        c.evidence.every((e) => e.source === c.held),
        label(c),
      ).toBe(true);
    for (const c of deck.cards.filter((x) => !x.held && x.evidence.some((e) => !flagged.has(e.source)))) {
      expect(flagged.has(c.evidence[0].source) && yearlike(c.evidence[0].quote), label(c)).toBe(false);
    }
  });

  it('asks nothing a rewrite of the years left behind', () => {
    for (const c of deck.cards) {
      expect(selfContradictory(c.prompt) || selfContradictory(c.answer), label(c)).toBe(false);
      expect(`${c.prompt}${c.answer}`, label(c)).not.toMatch(/从(\d{4})年[^，。]{0,10}到\1年|2024多万/);
    }
    // Outside held cards, no year a flagged document alone gives is asked or answered.
    for (const c of deck.cards.filter((x) => !x.held))
      expect(`${c.prompt}|${c.answer}`, label(c)).not.toMatch(/(?<!\d)2024(?!\d)/);
  });

  it('is one note per fact: no two notes share a name, no two figure cards ask one fact', () => {
    // A statement's name is its subject ("重中之重"), which two documents may say of different things:
    // for statements the fact is the subject with its answer.
    const named = deck.notes
      .filter((n) => n.kind !== 'figure')
      .map((n) => plain(n.kind === 'statement' ? `${n.name}=${n.definition}` : n.name));
    expect(named.filter((n, i) => named.indexOf(n) !== i)).toEqual([]);
    const figures = deck.cards.filter((c) => c.kind === 'figure-cloze');
    const pairs: string[] = [];
    figures.forEach((a, i) =>
      figures.slice(i + 1).forEach((b) => {
        if (a.answer === b.answer && nearSameFigure(a.prompt, b.prompt)) pairs.push(`${a.prompt} ~ ${b.prompt}`);
      }),
    );
    expect(pairs).toEqual([]);
    // A member blanked in a formulation and again in one nested in it (三保障 in 两不愁三保障) is one question.
    const namedClozes = deck.cards
      .filter((c) => c.kind === 'formulation-cloze' && /^“[^”]+”：/.test(c.prompt))
      .map((c) => c.answer);
    expect(namedClozes.filter((a, i) => namedClozes.indexOf(a) !== i)).toEqual([]);
    const prompts = deck.cards.map((c) => c.prompt);
    expect(prompts.filter((p, i) => prompts.indexOf(p) !== i)).toEqual([]);
  });
});

describe('figures told as a story', () => {
  it('are not asked: one unnamed place, or an age that only bounds a group', () => {
    const text = [
      '有个地方的扶贫档案资料包括4个部分，每1户要填写10份表格。',
      '媒体报道，有一个乡迎接各类检查团，仅打印费就花了10多万元。',
      '缺劳力、缺技术的比例分别占到32.7%和31.1%，65岁以上老人占比超过16%。',
      '2016年至2020年全省农村贫困人口年均减贫人数86万人，是“十二五”时期全省实施精准扶贫精准脱贫基本方略期间年均减贫人数41万的2.1倍，是“十一五”时期全省实施农村扶贫开发纲要期间年均减贫人数32万的2.7倍。',
      '2019年全国832个贫困县农民人均可支配收入达到11567元。',
    ].join('\n');
    const answers = buildDeck([{ file: 'story.txt', text }]).cards.map((c) => c.answer);
    expect(answers).not.toContain('1户');
    expect(answers).not.toContain('10多万元');
    expect(answers).not.toContain('65岁');
    expect(answers).not.toContain('2.7倍');
    expect(answers).toContain('86万人');
    expect(answers).toContain('11567元');
  });
});

describe('figures in a list of short lines under a heading', () => {
  // A 要点 digest: short lines under 回顾/目标 headings, the first line a lead sentence (no usable title).
  const lead =
    '省十四届人大五次会议今天上午在省会开幕，省长代表省人民政府向大会作政府工作报告，回顾过去一年工作并部署今年任务。';
  const text = [
    lead,
    '一、2025年工作回顾',
    '全省居民人均可支配收入实际增长5.8%，快于经济增长。',
    '油菜籽产量首次突破90万吨。',
    '二、2026年主要预期目标',
    '地区生产总值（GDP）增长5.5%左右。',
    '城镇调查失业率5.5%以内。',
    '粮食产量700亿斤以上。',
  ].join('\n');
  const { deck: digest, cards, asked: ask } = figureAsker(text);

  it('are asked under their heading when the line alone says too little', () => {
    expect(ask('5.5%左右')).toEqual(['2026年主要预期目标：地区生产总值（GDP）增长____']);
    expect(ask('5.5%以内')).toEqual(['2026年主要预期目标：城镇调查失业率____']);
    expect(ask('700亿斤以上')).toEqual(['2026年主要预期目标：粮食产量____']);
    expect(ask('90万吨')).toEqual(['2025年工作回顾：油菜籽产量首次突破____']);
  });

  it('are asked of the year their heading names, even when the line alone says enough', () => {
    expect(ask('5.8%')).toEqual(['2025年工作回顾：全省居民人均可支配收入实际增长____']);
  });

  it('rank as targets when their heading says they are, so the preview ticks them first', () => {
    const importance = (answer: string) =>
      digest.notes.find((n) => n.kind === 'figure' && cards.some((c) => c.noteId === n.id && c.answer === answer))!
        .importance;
    for (const target of ['5.5%左右', '5.5%以内', '700亿斤以上']) expect(importance(target)).toBe(0.85);
    // Under a review heading, a figure is a fact of the past year: ranked as any other.
    expect(importance('90万吨')).toBeLessThan(0.85);
  });

  it('take no heading from an author line or a salutation', () => {
    const speech = ['在全省科技工作会议上的讲话', '王明', '同志们、朋友们：', '全省研发投入强度2.9%。'].join('\n');
    const prompts = buildDeck([{ file: 'speech.txt', text: speech }]).cards.map((c) => c.prompt);
    expect(prompts.filter((p) => /^(?:王明|同志们、朋友们)：/.test(p))).toEqual([]);
  });

  it.each([
    [
      'from far above, across a paragraph of prose',
      [
        '二、2026年主要预期目标',
        '今年发展的主要预期目标，是在深入调研、反复测算、广泛听取各方面意见的基础上提出的，既考虑了需要，也考虑了可能，同发展规划相衔接，体现了稳中求进的要求。',
        '粮食产量700亿斤以上。',
      ],
      '700亿斤以上',
    ],
    [
      'for a figure inside a paragraph of prose',
      [
        '三、持续改善农村人居环境',
        '未来3年，全省将持续推进农村人居环境整治，让群众切实感受到实实在在的变化，这是各级党委政府必须扛起的政治责任，也是回应群众期盼的实际行动。',
      ],
      '3年',
    ],
  ])('take no heading %s', (_, lines, answer) => {
    const prose = [lead, ...lines].join('\n');
    const answers = buildDeck([{ file: 'prose.txt', text: prose }]).cards.map((c) => c.answer);
    expect(answers).not.toContain(answer);
  });
});

describe("figures in a document's title", () => {
  it('are not asked: the title names the occasion, the body says the facts', () => {
    const text = [
      '在庆祝省农业科学院建院70周年大会上的讲话',
      '（2025年10月12日）',
      '同志们：',
      '70年来，全院科技人员扎根田野，累计育成农作物新品种312个，为全省粮食连年丰收作出了重要贡献。',
    ].join('\n');
    const cards = buildDeck([{ file: 'speech.txt', text }]).cards.filter((c) => c.kind === 'figure-cloze');
    expect(cards.map((c) => c.answer)).toContain('312个');
    expect(cards.filter((c) => c.prompt.includes('大会上的讲话')).map((c) => c.prompt)).toEqual([]);
  });

  it('are asked when the first line is the lead sentence of a text pasted without its headline', () => {
    const text =
      '省统计局今天发布数据，全年粮食总产量达到726亿斤，比上年增长1.3%。\n专家表示，这为稳定全省经济大盘提供了坚实支撑。';
    const answers = buildDeck([{ file: 'news.txt', text }]).cards.map((c) => c.answer);
    expect(answers).toContain('726亿斤');
  });
});
