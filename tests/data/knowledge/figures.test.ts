// Extraction on real sentences of the documents (normalized as the pipeline does).
import { describe, expect, it } from 'vitest';
import { extractFigures, figureCloze } from '@/data/knowledge/figures';
import { normalizeDocument } from '@/data/knowledge/normalize';

const figuresOf = (s: string) => {
  const { text, sentences } = normalizeDocument(s);
  return extractFigures(text, sentences).map((f) => ({ ...f, cloze: figureCloze(text, f) }));
};

const SENTENCE_000 =
  '贫困人口从2012 年年底的 9899 万人减到 2019 年年底的 551 万人，贫困发生率由 10.2%降至 0.6%，连续 7 年每年减贫 1000 万人以上。';

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
    expect(first.cloze).toMatchObject({
      prompt: '贫困人口从2012年年底的____减到2019年年底的551万人',
      answer: '9899万人',
    });
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
    [
      'traditional',
      '經過全黨全國全社會共同努力，全國97%的建檔立卡貧困人口實現脫貧，94%的貧困縣實現摘帽。',
      ['97%', '94%'],
    ],
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
    [
      '世界银行在10月4日宣布，按照购买力平价计算，将国际贫困线标准从此前的一人一天1.25美元上调至1.9美元。',
      '1.25美元',
      '国际贫困线标准',
    ],
    [
      '全国共派出25.5万个驻村工作队、累计选派290多万名县级以上党政机关和国有企事业单位干部到贫困村和软弱涣散村担任第一书记或驻村干部，目前在岗91.8万。',
      '25.5万个',
      '驻村工作队',
    ],
    [
      '我们举全国之力予以支援，组织29个省区市和新疆生产建设兵团、军队等调派330多支医疗队、41600多名医护人员驰援。',
      '41600多名',
      '医护人员',
    ],
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

// Sentences written for these tests in the style of work reports and regulations (issue 14, point 3).
describe('figures in Chinese numerals, ranges, bounds, dates and ordinals', () => {
  // [construction, sentence, answers of the cloze cards (in order), value of the first]
  it.each([
    ['a range is one answer', '今年发展主要预期目标是：国内生产总值增长5%－5.5%左右。', ['5%－5.5%左右'], 5],
    ['a range with ASCII dash', '粮食产量保持在1.3万亿－1.4万亿斤。', ['1.3万亿－1.4万亿斤'], 1.3e12],
    ['a range with 至', '每年新增就业岗位保持在1100万至1200万个。', ['1100万至1200万个'], 11_000_000],
    ['a bound after', '城镇调查失业率控制在5.5%以内，居民消费价格涨幅3%左右。', ['5.5%以内', '3%左右'], 5.5],
    ['a bound before', '基层干部每年参加脱产培训时间不少于40学时。', ['不少于40学时'], 40],
    ['不低于', '研发经费投入强度不低于2.5%。', ['不低于2.5%'], 2.5],
    ['months', '连续3个月以上未缴纳党费的，应当及时提醒。', ['3个月以上'], 3],
    ['百分之 in Chinese', '单位国内生产总值能耗降低百分之三左右。', ['百分之三左右'], 3],
    ['a fraction in Chinese', '中央财政转移支付的三分之一用于欠发达地区。', ['三分之一'], 1 / 3],
    ['a fraction in digits', '新增耕地的1/4以上用于高标准农田建设。', ['1/4以上'], 0.25],
    ['两成 as a share', '服务业增加值占比提高了两成。', ['两成'], 20],
    ['an anniversary in Chinese', '隆重庆祝中华人民共和国成立七十周年。', ['七十周年'], 70],
    ['an anniversary in digits', '今年是改革开放45周年，也是全面贯彻落实党的二十大精神的开局之年。', ['45周年'], 45],
    ['a deadline year in Chinese', '到二〇三五年基本实现新型工业化。', ['二〇三五年'], 2035],
    ['a five-year plan', '“十四五”时期是开启全面建设社会主义现代化国家新征程的第一个五年。', ['十四五'], 14],
    [
      'a plenary session',
      '党的十九届六中全会审议通过了关于党的百年奋斗重大成就和历史经验的决议。',
      ['十九届六中全会'],
      6,
    ],
    ['a meeting by ordinal', '中央政治局常委会召开第二十三次会议，研究部署防汛工作。', ['第二十三次'], 23],
    ['an in-force date', '本规定自2024年3月1日起施行。', ['2024年3月1日'], 301],
    ['a meeting day of a body', '中共中央政治局4月30日下午召开会议，分析研究当前经济形势。', ['4月30日'], 430],
    ['an event year', '早在1956年，党的八大就提出了这一判断。', ['1956年'], 1956],
    [
      'amounts in 亿 and 万亿',
      '全年安排地方政府专项债券3.9万亿元，比上年增加1000亿元。',
      ['3.9万亿元', '1000亿元'],
      3.9e12,
    ],
    [
      'an amount in Chinese numerals with 万亿',
      '十年间全省生产总值从二十六万亿元增长到五十八万亿元。',
      ['二十六万亿元', '五十八万亿元'],
      26e12,
    ],
    ['a compound amount under 万', '农村居民人均可支配收入达到二万一千六百元。', ['二万一千六百元'], 21600],
    ['an approximate count of members', '全省共有二百三十多万名党员。', ['二百三十多万名'], 2_300_000],
    ['a hundred and more with 个', '对外开放口岸增加到一百二十多个。', ['一百二十多个'], 120],
    ['a planned ratio 拟按…安排', '积极的财政政策要提质增效。赤字率拟按2.8%安排。', ['2.8%'], 2.8],
    ['percentage points with a decimal', '城镇化率提高了五点八个百分点。', ['五点八个百分点'], 5.8],
    ['百分之 with a decimal', '研发投入强度达到百分之二点六。', ['百分之二点六'], 2.6],
  ])('%s: %s', (_label, sentence, answers, first) => {
    const figs = figuresOf(sentence);
    expect(figs.map((f) => f.cloze.answer)).toEqual(answers);
    expect(figs[0].number).toBeCloseTo(first);
    for (const f of figs) expect(f.cloze.prompt).not.toContain(f.cloze.answer);
  });

  it.each([
    ['article numbers', '第三十五条　本条例由中央组织部负责解释。'],
    ['list ordinals', '第一，坚持党的全面领导；第二，坚持以人民为中心。'],
    ['a yearless date without a body', '5月4日，青年们走上街头。'],
    ['a dateline', '（二〇二四年三月五日）'],
    ['a byline without a sentence', '习近平2020年3月6日在决战决胜脱贫攻坚座谈会上的讲话'],
    ['sessions as boilerplate', '深入贯彻党的二十大和二十届二中、三中全会精神。'],
    ['a span of years', '2021—2025年规划实施期间。'],
    ['a year in passing', '我国2023年国内生产总值超过126万亿元。'],
    ['百分之百 is rhetoric', '必须百分之百完成任务。'],
    ['一成不变', '政策不是一成不变的。'],
    ['counts of formulations are no amounts', '要统筹两个大局，牢记三个务必，千万不能松懈。'],
    ['a small count in Chinese is running prose', '会上有三名同志作了交流发言。'],
    ['千家万户 and 数千万 are rhetoric', '把党的温暖送到千家万户，让数千万群众感受到关怀。'],
    ['形成 is no share', '逐步形成合力。'],
  ])('no figure from %s: %s', (_label, sentence) => {
    const answers = figuresOf(sentence).map((f) => f.cloze.answer);
    expect(answers.filter((a) => !/126万亿元/.test(a))).toEqual([]);
  });

  it('names the subject of a planned figure after 拟按 (赤字率), not none', () => {
    expect(figuresOf('赤字率拟按2.8%安排。').map((f) => f.subject)).toEqual(['赤字率']);
    expect(figuresOf('今年中央预算内投资拟安排7000亿元。').map((f) => f.subject)).toEqual(['中央预算内投资']);
  });

  it('asks a session or meeting once per document, where it is first named', () => {
    const figs = figuresOf('党的二十届三中全会作出部署。各地要落实二十届三中全会的部署。');
    expect(figs.map((f) => f.cloze.answer)).toEqual(['二十届三中全会']);
  });
});
