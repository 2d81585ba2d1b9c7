// A list the text announces by a count and a noun right before it ("抓好八项重点任务：…", "实施四大工程：…"):
// the card asks for it by that name. Every sentence is written for this test in the style of a 中央经济工作会议
// release or a 意见; none is copied from a real document.
import { describe, expect, it } from 'vitest';
import { extractFormulations } from '@/data/knowledge/formulations';
import { buildDeck } from '@/data/knowledge/deck';

const named = (s: string, n: number) => extractFormulations(s).find((f) => f.members.length === n)?.name;

describe('a counted list named right before its items', () => {
  it('names clauses opened alike by the count name before the colon, not by their frame', () => {
    const s =
      '会议确定，明年要抓好四项重点任务：坚持扩大内需，建设强大市场；坚持科技自立，培育新的动能；坚持深化改革，激发发展活力；坚持开放合作，拓展发展空间。';
    expect(named(s, 4)).toBe('四项重点任务');
  });

  it('names a 、-list after 四大工程：', () => {
    const s = '会议部署，全面实施三大工程：固本强基工程、人才培育工程、数字赋能工程。';
    expect(named(s, 3)).toBe('三大工程');
  });

  it('names a 、-list whose 坚持 stands after the colon', () => {
    const s = '会议确定，明年要做好四项重点任务：坚持扩大内需、科技自立、深化改革、开放合作。';
    expect(named(s, 4)).toBe('四项重点任务');
  });

  it('gives no name when the count does not fit or the noun says nothing', () => {
    const three =
      '会议确定，明年要抓好四项重点任务：坚持扩大内需，建设强大市场；坚持科技自立，培育新的动能；坚持深化改革，激发发展活力。';
    expect(named(three, 3)).toBe('三个坚持');
    const generic =
      '会议要求，做好三个方面工作：坚持扩大内需，建设强大市场；坚持科技自立，培育新的动能；坚持深化改革，激发发展活力。';
    expect(named(generic, 3)).toBe('三个坚持');
  });

  it('asks 指哪几项 for a name counted in 项', () => {
    const text =
      '关于做好明年经济工作的通报\n会议确定，明年经济工作要抓好三项重点任务：一是坚持扩大内需，建设强大国内市场；二是坚持创新驱动，培育壮大新动能；三是坚持改革攻坚，增强发展动力活力。\n';
    const deck = buildDeck([{ file: 'd.txt', text }]);
    const list = deck.cards.find((c) => c.kind === 'formulation-list');
    expect(list?.prompt).toBe('“三项重点任务”指哪三项？');
  });
});

describe('（一）（二） items announced by a count', () => {
  it('takes the items on their own lines as the named list', () => {
    const text =
      '关于加强基层治理的意见\n会议确定，明年要抓好三项重点任务。\n（一）坚持党建引领，健全基层组织体系。要把党的领导贯穿基层治理全过程。\n（二）坚持法治保障，完善基层治理制度。要推进基层治理法治化。\n（三）坚持人民主体，拓宽群众参与渠道。要健全群众参与机制。\n';
    const f = extractFormulations(text).find((x) => x.name === '三项重点任务');
    expect(f?.members).toEqual([
      '坚持党建引领，健全基层组织体系',
      '坚持法治保障，完善基层治理制度',
      '坚持人民主体，拓宽群众参与渠道',
    ]);
    expect(f?.ordered).toBe(true);
  });

  it('leaves sections that no count announces alone', () => {
    const text =
      '工作原则如下。\n（一）坚持党建引领，健全基层组织体系。\n（二）坚持法治保障，完善基层治理制度。\n（三）坚持人民主体，拓宽群众参与渠道。\n';
    expect(extractFormulations(text).filter((x) => x.via === 'series')).toEqual([]);
  });
});

describe('（一）（二） items under a heading line that names 原则/任务', () => {
  const outline = (heading: string) =>
    `全会公报要点\n${heading}\n（一）必须坚持党建引领\n在坚持党建引领方面，要把党的领导贯穿基层治理全过程。\n（二）坚持法治保障\n在坚持法治保障方面，要推进基层治理法治化。\n（三）坚持人民主体\n在坚持人民主体方面，要健全群众参与机制。\n`;
  it('takes the item lines as the list and asks for it by the heading', () => {
    const text = outline('二、新时期基层治理必须遵循的原则');
    const f = extractFormulations(text).find((x) => x.via === 'series');
    expect(f?.members).toEqual(['必须坚持党建引领', '坚持法治保障', '坚持人民主体']);
    expect(f?.ordered).toBe(true);
    const deck = buildDeck([{ file: 'd.txt', text }]);
    const list = deck.cards.find((c) => c.kind === 'formulation-list');
    expect(list?.prompt).toBe('新时期基层治理必须遵循的原则是什么？');
    expect(list?.answer).toBe('必须坚持党建引领、坚持法治保障、坚持人民主体');
    const cloze = deck.cards.find((c) => c.kind === 'formulation-cloze' && c.answer === '坚持法治保障');
    expect(cloze?.prompt).toBe('新时期基层治理必须遵循的原则：必须坚持党建引领、____、坚持人民主体');
  });

  it('leaves items under a heading that names no 原则/任务 alone', () => {
    const text = outline('二、新时期基层治理的主要做法');
    expect(extractFormulations(text).filter((x) => x.via === 'series')).toEqual([]);
  });
});

describe('a two-word slogan the document names its 总基调', () => {
  const pair = (s: string) => extractFormulations(s).find((f) => f.members.length === 2)?.members;
  it('takes the pair after 坚持 when one half is the 工作总基调 named elsewhere in the text', () => {
    const s =
      '会议强调，要坚持稳中求进工作总基调，统筹发展和安全。会议指出，明年要坚持稳中求进、提质增效，继续实施更加积极的财政政策。';
    expect(pair(s)).toEqual(['稳中求进', '提质增效']);
  });
  it('leaves a pair of four-character words alone when the text names neither as its line', () => {
    expect(pair('会议指出，明年要坚持稳中求进、提质增效，继续实施更加积极的财政政策。')).toBeUndefined();
    expect(pair('疫情防控要坚持关口前移、源头把控，坚持稳中求进工作总基调。')).toBeUndefined();
  });
});

describe('points counted with 点 (两点希望, 三点要求)', () => {
  const listPrompt = (text: string) =>
    buildDeck([{ file: 'd.txt', text }]).cards.find((c) => c.kind === 'formulation-list')?.prompt;

  it('names 两点希望 before 一是…二是…', () => {
    const text =
      '座谈会通报\n习近平对各民主党派和无党派人士提出两点希望：一是加强思想政治建设，凝聚广泛共识；二是发挥自身优势，积极建言献策。\n';
    expect(listPrompt(text)).toBe('“两点希望”指什么？');
  });

  it('asks for the points a sentence with 提出 announces before 第一，第二，', () => {
    const text =
      '座谈会通报\n会议提出三点要求。第一，要提高政治站位，坚决贯彻中央部署。第二，要压实工作责任，确保任务落地见效。第三，要加强作风建设，力戒形式主义。\n';
    expect(listPrompt(text)).toBe('《座谈会通报》：会议提出哪三点要求？');
  });
});

describe('两点希望 told in one sentence, the second after 以及', () => {
  it('names the two hopes', () => {
    const s =
      '习近平对各民主党派和无党派人士提出两点希望，要加强思想政治引领和凝聚广泛共识，以及发挥自身优势，助力高质量发展。';
    const f = extractFormulations(s).find((x) => x.name === '两点希望');
    expect(f?.members).toEqual(['加强思想政治引领和凝聚广泛共识', '发挥自身优势，助力高质量发展']);
  });

  it('separates the items of every cloze by ；, as on the list card, when one holds a comma', () => {
    const text =
      '座谈会通报\n习近平对各民主党派和无党派人士提出两点希望，要加强思想政治引领和凝聚广泛共识，以及发挥自身优势，助力高质量发展。\n';
    const clozes = buildDeck([{ file: 'd.txt', text }]).cards.filter((c) => c.kind === 'formulation-cloze');
    expect(clozes.map((c) => c.prompt).sort()).toEqual([
      '“两点希望”：____；发挥自身优势，助力高质量发展',
      '“两点希望”：加强思想政治引领和凝聚广泛共识；____',
    ]);
  });

  it('leaves a sentence without 以及 alone', () => {
    const s = '习近平对各民主党派提出两点希望，要加强思想政治引领，发挥自身优势。';
    expect(extractFormulations(s).find((x) => x.name === '两点希望')).toBeUndefined();
  });
});
