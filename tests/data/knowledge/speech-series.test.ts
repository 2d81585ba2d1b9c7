// Speech formulations with no cue word (constructed sentences in the style of a commemorative speech).
import { describe, expect, it } from 'vitest';
import { extractFormulations } from '@/data/knowledge/formulations';

const parallel = (s: string) => extractFormulations(s).filter((f) => f.via === 'parallel');

describe('four-character verb–object slogans', () => {
  it('finds four or more that share no character and make up the clause', () => {
    const s = '今天我们在这里集会，就是要牢记使命、弘扬传统、守护家园、创造未来。';
    const [f] = parallel(s);
    expect(f?.members).toEqual(['牢记使命', '弘扬传统', '守护家园', '创造未来']);
    expect(f.pattern).toBe('＿＿＿＿');
    f.memberSpans.forEach((m, i) => expect(s.slice(m.start, m.end)).toBe(f.members[i]));
  });

  it('finds three when a duty’s words lead right into them (要, 必须, 坚持…)', () => {
    for (const s of [
      '面对复杂严峻的外部环境，我们要坚定信心、用好优势、应对挑战，推动经济持续回升向好。',
      '各级党委必须把握大势、抓住机遇、化解风险。',
    ])
      expect(parallel(s)[0]?.members).toHaveLength(3);
    expect(parallel('我们要坚定信心、用好优势、应对挑战，推动经济持续回升向好。')[0]?.members).toEqual([
      '坚定信心',
      '用好优势',
      '应对挑战',
    ]);
  });

  it('leads in with the clause a bare 目的是 stands for', () => {
    const s =
      '今天我们隆重集会，庄严纪念中国人民抗日战争暨世界反法西斯战争伟大胜利八十周年，目的是牢记使命、弘扬传统、守护家园、创造未来。';
    expect(parallel(s)[0]?.lead).toBe('庄严纪念中国人民抗日战争暨世界反法西斯战争伟大胜利八十周年，目的是');
  });

  it.each([
    ['three only, with no duty leading into them', '那一代人牢记使命、弘扬传统、创造未来。'],
    ['a noun list', '这些年来，干部队伍理论水平、业务能力、工作作风、精神面貌都有新变化。'],
    ['an open list', '通过加强学习、提高能力、改善作风、落实责任等方式推动工作。'],
    ['idioms', '大家要坚定信心、一鼓作气、尽锐出战、攻城拔寨。'],
  ])('finds nothing in %s', (_why, s) => {
    expect(parallel(s)).toEqual([]);
  });
});

describe('three clauses cast in one mould', () => {
  it.each([
    [
      '回望来路，信仰的火炬不可熄灭，奋斗的脚步不可停歇，团结的纽带不可割断。',
      ['信仰的火炬不可熄灭', '奋斗的脚步不可停歇', '团结的纽带不可割断'],
    ],
    [
      '走好新征程，改革是第一推力，开放是第一活力，实干是第一能力。',
      ['改革是第一推力', '开放是第一活力', '实干是第一能力'],
    ],
  ])('finds the clauses of %s', (s, members) => {
    const f = extractFormulations(s).find((x) => x.members.length === 3);
    expect(f?.members).toEqual(members);
    f!.memberSpans.forEach((m, i) => expect(s.slice(m.start, m.end)).toBe(members[i]));
  });

  it.each([
    ['clauses of unequal length', '回望来路，信仰的火炬不可熄灭，奋斗脚步不可停歇，团结的纽带不可割断。'],
    ['the word in different places', '回望来路，信仰的火炬不可熄灭，奋斗不可停歇的脚步，团结的纽带不可割断。'],
    ['a numbered series', '主要包括三方面，一是精准识别，二是精准帮扶，三是精准管理。'],
  ])('finds no clause run in %s', (_why, s) => {
    expect(extractFormulations(s).filter((f) => f.via !== 'series')).toEqual([]);
  });
});
