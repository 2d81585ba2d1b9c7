// Figures that say when, not what: a five-year plan in course, the span of a plan's period
// (constructed sentences in the style of reports and meeting releases).
import { describe, expect, it } from 'vitest';
import { extractFigures, figureCloze } from '@/data/knowledge/figures';
import { normalizeDocument } from '@/data/knowledge/normalize';
import { figureAsker } from './figure-asker';

const clozes = (s: string) => {
  const { text, sentences } = normalizeDocument(s);
  return extractFigures(text, sentences).map((f) => {
    const c = figureCloze(text, f);
    return `${c.prompt} → ${c.answer}`;
  });
};

describe('a five-year plan named as it ends or begins', () => {
  it.each([
    ['会议认为，我国综合国力明显增强，“十四五”即将圆满收官。'],
    ['明年要保持经济稳定增长，实现“十五五”良好开局。'],
    ['全年主要目标任务顺利完成，“十四五”圆满收官。'],
    ['明年是“十五五”规划开局之年，做好经济工作意义重大。'],
    ['会议为确保“十四五”规划的圆满收官奠定了坚实基础。'],
    ['经过五年持续奋斗，“十四五”规划主要目标任务胜利完成。'],
    ['推动经济持续回升向好，“十四五”主要目标任务即将胜利完成。'],
  ])('is no figure: %s', (s) => {
    expect(clozes(s).filter((c) => /十[四五]五$/.test(c))).toEqual([]);
  });

  it('is not asked later in the document either, and the figures beside it stay', () => {
    const cs = clozes('“十四五”即将圆满收官，国内生产总值增长5%左右。要编制好国家和地方“十四五”规划及专项规划。');
    expect(cs).toEqual(['“十四五”即将圆满收官，国内生产总值增长____ → 5%左右']);
  });

  it('stays a figure where the plan is what the sentence is about', () => {
    expect(clozes('“十四五”时期是开启全面建设社会主义现代化国家新征程的第一个五年。')).toContain(
      '“____”时期是开启全面建设社会主义现代化国家新征程的第一个五年 → 十四五',
    );
  });
});

describe('a five-year plan the text has just named by its number', () => {
  it.each([
    ['全会审议通过了《中共中央关于制定国民经济和社会发展第十五个五年规划的建议》，明确“十五五”时期发展的主要目标。'],
    [
      '会议审议了关于制定国民经济和社会发展第十五个五年规划的建议。\n\n此次会议对“十五五”时期的战略定位，被明确为“夯实基础、全面发力的关键时期”。',
    ],
    ['会议研究制定第十五个五年规划重大问题。会议认为，“十四五”主要目标任务即将胜利完成。'],
  ])('gives away its name, so it is no figure: %s', (s) => {
    expect(clozes(s).filter((c) => /十[四五]五$/.test(c))).toEqual([]);
  });

  it('stays a figure where the number was named far before', () => {
    const s =
      '会议审议了第十五个五年规划的建议。' +
      '各地要抓好落实，推动各项工作。'.repeat(40) +
      '“十五五”时期是基本实现社会主义现代化的关键时期。';
    expect(clozes(s)).toContain('“____”时期是基本实现社会主义现代化的关键时期 → 十五五');
  });
});

describe('the span of a plan’s period', () => {
  it('gives no deadline and no plan name', () => {
    expect(clozes('“十五五”时期（2026到2030年）是基本实现社会主义现代化夯实基础、全面发力的关键时期。')).toEqual([]);
  });

  it('leaves a deadline a deadline', () => {
    expect(clozes('到2030年，城乡居民收入水平明显提高。')).toEqual(['到____，城乡居民收入水平明显提高 → 2030年']);
  });
});

describe('a figure listed under a heading that names the year', () => {
  const text = [
    '政府工作报告要点',
    '2024年工作回顾',
    '国内生产总值达到134.9万亿元，增长5%。',
    '居民消费价格上涨0.2%。',
    '全国居民人均可支配收入比上年实际增长5.1%。',
    '',
    '2025年发展主要预期目标',
    '城镇调查失业率5.5%左右，城镇新增就业1200万人以上。',
    '居民消费价格涨幅2%左右；居民收入增长和经济增长同步。',
    '',
    '财政政策：',
    '今年拟安排地方政府专项债券4.4万亿元。',
  ].join('\n');
  const { cards, asked } = figureAsker(text);

  it('is asked of that year, even when its line alone would do', () => {
    expect(asked('134.9万亿元')).toEqual(['2024年工作回顾：国内生产总值达到____']);
    expect(asked('0.2%')).toEqual(['2024年工作回顾：居民消费价格上涨____']);
    // 上年 is what it is compared with, not when.
    expect(asked('5.1%')).toEqual(['2024年工作回顾：全国居民人均可支配收入比上年实际增长____']);
    expect(asked('2%左右')).toEqual(['2025年发展主要预期目标：居民消费价格涨幅____']);
    expect(asked('1200万人以上')).toEqual(['2025年发展主要预期目标：城镇调查失业率5.5%左右，城镇新增就业____']);
  });

  it('is weighted as a target under a heading of targets', () => {
    expect(cards.find((c) => c.answer === '2%左右')!.importance).toBeGreaterThan(0.8);
  });

  it('keeps a line that says its year, and its own words under a heading that names none', () => {
    expect(asked('4.4万亿元')).toEqual(['今年拟安排地方政府专项债券____']);
    const other = figureAsker('政府工作报告要点\n财政政策：\n拟安排地方政府专项债券4.4万亿元。', 'other.txt');
    expect(other.asked('4.4万亿元')).toEqual(['拟安排地方政府专项债券____']);
  });
});

describe('an item of a colon list in a sentence that names the year', () => {
  it('is asked under the list with that year', () => {
    expect(
      clozes(
        '今年是“十四五”规划收官之年，发展主要预期目标是：国内生产总值增长5%左右；城镇调查失业率5.5%左右；居民消费价格涨幅2%左右。',
      ),
    ).toEqual([
      '今年是“十四五”规划收官之年，发展主要预期目标是：国内生产总值增长____ → 5%左右',
      '今年发展主要预期目标：城镇调查失业率____ → 5.5%左右',
      '今年发展主要预期目标：居民消费价格涨幅____ → 2%左右',
    ]);
  });
});
