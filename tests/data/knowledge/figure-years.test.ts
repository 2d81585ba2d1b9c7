// Figures that say when, not what: a five-year plan in course, the span of a plan's period
// (constructed sentences in the style of reports and meeting releases).
import { describe, expect, it } from 'vitest';
import { extractFigures, figureCloze } from '@/data/knowledge/figures';
import { normalizeDocument } from '@/data/knowledge/normalize';

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

describe('the span of a plan’s period', () => {
  it('gives no deadline and no plan name', () => {
    expect(clozes('“十五五”时期（2026到2030年）是基本实现社会主义现代化夯实基础、全面发力的关键时期。')).toEqual([]);
  });

  it('leaves a deadline a deadline', () => {
    expect(clozes('到2030年，城乡居民收入水平明显提高。')).toEqual(['到____，城乡居民收入水平明显提高 → 2030年']);
  });
});
