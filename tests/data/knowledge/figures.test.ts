// Extraction on real sentences of the documents (normalized as the pipeline does).
import { describe, expect, it } from 'vitest';
import { extractFigures, figureCloze } from '@/data/knowledge/figures';
import { normalizeDocument } from '@/data/knowledge/normalize';

const figuresOf = (s: string) => {
  const { text, sentences } = normalizeDocument(s);
  return extractFigures(text, sentences).map((f) => ({ ...f, cloze: figureCloze(text, f) }));
};

const SENTENCE_000 = '贫困人口从2012 年年底的 9899 万人减到 2019 年年底的 551 万人，贫困发生率由 10.2%降至 0.6%，连续 7 年每年减贫 1000 万人以上。';

describe('extractFigures', () => {
  it('reads value, unit, subject and date from the headline sentence of 000', () => {
    const figs = figuresOf(SENTENCE_000);
    expect(figs.map((f) => [f.value + f.unit, f.subject, f.date])).toEqual([
      ['9899万人', '贫困人口', '2012年年底'],
      ['551万人', '贫困人口', '2019年年底'],
      ['10.2%', '贫困发生率', '2012年年底'],
      ['0.6%', '贫困发生率', '2019年年底'],
      ['7年', undefined, expect.anything()],
      ['1000万人', undefined, expect.anything()],
    ]);
    expect(figs[0].number).toBe(98_990_000);
  });

  it('blanks one figure per cloze and keeps enough context to answer', () => {
    const [first, second, rate] = figuresOf(SENTENCE_000);
    expect(first.cloze).toMatchObject({ prompt: '贫困人口从2012年年底的____减到2019年年底的551万人', answer: '9899万人' });
    expect(second.cloze.answer).toBe('551万人');
    expect(rate.cloze.prompt).toContain('贫困发生率由____降至0.6%');
  });

  it.each([
    ['dates', '（2020 年 3 月 6 日）', []],
    ['speech structure', '下面，我讲点意见，讲3个问题。', []],
    ['ordinals', '第1个百年奋斗目标。', []],
    ['months', '还有不到 10 个月的时间', []],
    ['decades', '我国从上世纪 80 年代开始扶贫', []],
    ['ISO dates', '2020-12-15 人民网', []],
    ['a year range is not a deadline', '从2013年到2019年，832个贫困县', ['832个']],
    ['a deadline year', '明确了到 2020 年我国现行标准下农村贫困人口实现脱贫', ['2020年']],
    ['percent with 的', '全国97%的建档立卡贫困人口实现脱贫', ['97%']],
    ['approximate', '实现到2024年让7000多万农村贫困人口摆脱贫困', ['2024年', '7000多万']],
    ['traditional', '經過全黨全國全社會共同努力，全國97%的建檔立卡貧困人口實現脫貧，94%的貧困縣實現摘帽。', ['97%', '94%']],
  ])('%s', (_label, sentence, expected) => {
    expect(figuresOf(sentence).map((f) => f.value + f.unit)).toEqual(expected);
  });

  it('marks deadlines as target years for conflict checks', () => {
    const [deadline] = figuresOf('确保到2024年农村贫困人口实现脱贫，是全面建成小康社会最艰巨的任务。');
    expect(deadline).toMatchObject({ value: '2024', unit: '年', targetYear: true });
    expect(deadline.cloze.prompt).toBe('确保到____农村贫困人口实现脱贫');
  });

  it('subject from the noun the figure qualifies', () => {
    const [rate] = figuresOf('全国建档立卡贫困户人均纯收入由2015年的3416元增加到2019年的9808元，年均增幅30.2%。');
    expect(rate).toMatchObject({ value: '3416', unit: '元', date: '2015年' });
    expect(rate.subject).toContain('人均纯收入');
  });
});
