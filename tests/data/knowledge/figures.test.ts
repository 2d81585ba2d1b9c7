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

  // [sentence from the documents, figure, subject it measures (undefined: none found, never a wrong one)]
  it.each([
    ['特别是全国还有52个贫困县未摘帽、2707个贫困村未出列、建档立卡贫困人口未全部脱贫。', '52个', '贫困县'],
    ['特别是全国还有52个贫困县未摘帽、2707个贫困村未出列、建档立卡贫困人口未全部脱贫。', '2707个', '贫困村'],
    ['当前建档立卡贫困人口中，因病、因残致贫比例居高不下，分别超过40%和14%。', '40%', undefined],
    ['全国农村贫困人口还有3046万人，贫困发生率仍在3%以上。', '3%', '贫困发生率'],
    ['世界银行在10月4日宣布，按照购买力平价计算，将国际贫困线标准从此前的一人一天1.25美元上调至1.9美元。', '1.25美元', '国际贫困线标准'],
    ['全国共派出25.5万个驻村工作队、累计选派290多万名县级以上党政机关和国有企事业单位干部到贫困村和软弱涣散村担任第一书记或驻村干部，目前在岗91.8万。', '25.5万个', '驻村工作队'],
    ['我们举全国之力予以支援，组织29个省区市和新疆生产建设兵团、军队等调派330多支医疗队、41600多名医护人员驰援。', '41600多名', '医护人员'],
    ['缺劳力、缺技术的比例分别占到32.7%和31.1%，65岁以上老人占比超过16%。', '16%', undefined],
    ['国家的专项扶贫资金每个县大概在3000万~5000万之间。', '3000万', undefined],
    ['刚开始他们家中身体健康且有劳动能力的2名儿媳都不愿意劳动。', '2名', undefined],
    ['我国农村贫困人口从1.22亿人减少到7017万人。', '1.22亿人', '我国农村贫困人口'],
  ])('subject of a figure in %s: %s → %s', (sentence, figure, subject) => {
    const f = figuresOf(sentence).find((x) => x.value + x.unit === figure);
    expect(f).toBeDefined();
    expect(f!.subject).toBe(subject);
  });

  it('subject from the noun the figure qualifies', () => {
    const [rate] = figuresOf('全国建档立卡贫困户人均纯收入由2015年的3416元增加到2019年的9808元，年均增幅30.2%。');
    expect(rate).toMatchObject({ value: '3416', unit: '元', date: '2015年' });
    expect(rate.subject).toContain('人均纯收入');
  });
});
