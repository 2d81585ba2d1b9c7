// A source that alone states the same year against the other documents in two or more statements is
// suspect for that year (003 rewrote 2020 as 2024): found from conflicts, not from file names.
import { describe, expect, it } from 'vitest';
import { flagSuspectYears, selfContradictory, suspectYears, suspicion } from '@/data/knowledge/suspect';
import type { Card, Conflict, Source } from '@/data/knowledge/types';

const conflict = (id: string, sides: Array<[string, string]>): Conflict => ({
  id,
  topic: id,
  values: [...new Set(sides.map((s) => s[1]))].sort(),
  evidence: sides.map(([source, value]) => ({ source, quote: `到${value}`, value })),
});
const target = conflict('target', [
  ['000', '2020年'],
  ['001', '2020年'],
  ['003', '2024年'],
]);
const agenda = conflict('agenda', [
  ['000', '2030年'],
  ['003', '2024年'],
]);

describe('suspectYears', () => {
  it('finds the source that alone holds one year in two conflicts', () => {
    const [s, ...rest] = suspectYears([target, agenda]);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ source: '003', values: ['2024年'], others: ['2020年', '2030年'] });
  });

  it.each([
    ['one conflict only', [target]],
    [
      'two sources share the value',
      [
        conflict('a', [
          ['000', '2020年'],
          ['003', '2024年'],
          ['004', '2024年'],
        ]),
        conflict('b', [
          ['000', '2030年'],
          ['003', '2024年'],
          ['004', '2024年'],
        ]),
      ],
    ],
    [
      'not a year',
      [
        conflict('a', [
          ['000', '10%'],
          ['003', '12%'],
        ]),
        conflict('b', [
          ['001', '10%'],
          ['003', '12%'],
        ]),
      ],
    ],
  ])('none when %s', (_label, conflicts) => {
    expect(suspectYears(conflicts as Conflict[])).toEqual([]);
  });
});

describe('flagSuspectYears', () => {
  const card = (id: string, prompt: string, answer: string, sources: string[]): Card => ({
    id,
    noteId: `n-${id}`,
    kind: 'figure-cloze',
    prompt,
    answer,
    evidence: sources.map((source) => ({ source, quote: `${prompt.replace('____', answer)}` })),
    importance: 0.85,
  });

  it('holds back cards whose year only the suspect source gives, lowers them, and flags the document and its date', () => {
    const cards = [
      card('a', '到____，稳定实现农村贫困人口不愁吃、不愁穿', '2024年', ['003']),
      card('b', '贫困人口从2012年年底的____减到2019年年底的551万人', '9899万人', ['003', '000']),
      card('c', '到____，稳定实现农村贫困人口不愁吃、不愁穿', '2020年', ['000']),
    ];
    const sources: Source[] = [{ id: '003', file: '003.txt', title: '决定', date: '2024-11-29' }];
    const caveats = flagSuspectYears(cards, [target, agenda], sources);
    expect(caveats).toHaveLength(1);
    expect(caveats[0]).toMatchObject({
      topic: '与其他文件不一致的年份：《决定》',
      values: ['2024年', '2020年', '2030年'],
      cards: ['a'],
      notes: ['n-a'],
    });
    expect(caveats[0].evidence.find((e) => e.source === '003')).toMatchObject({ value: '2024年', marks: [[1, 6]] });
    expect(cards[0]).toMatchObject({ conflicts: [caveats[0].id], importance: 0.3, held: '003' });
    expect(cards[1].conflicts).toBeUndefined();
    expect(cards[1].held).toBeUndefined();
    expect(cards[2].held).toBeUndefined();
    expect(sources[0]).toMatchObject({ dateUnverified: true });
    expect(sources[0].caveat).toContain('年份与其他文件不一致，相关卡片待核实');
    expect(sources[0].caveat).toContain('2处');
    expect(sources[0].caveat).toContain('2024-11-29');
  });
});

describe('a card resting on a suspect source alone', () => {
  const one = (prompt: string, answer: string, quote: string): Card => ({
    id: prompt,
    noteId: prompt,
    kind: 'formulation-cloze',
    prompt,
    answer,
    evidence: [{ source: '003', quote }],
    importance: 0.6,
  });
  it.each([
    [
      'a year in its quote only',
      one('对困难群众，我们要____、格外关爱', '格外关注', '2024年2月，他说：对困难群众，我们要格外关注、格外关爱。'),
      true,
    ],
    [
      'a year-like amount ("2024多万")',
      one('还有____完全丧失劳动能力的贫困人口', '2024多万', '还有2024多万完全丧失劳动能力的贫困人口。'),
      true,
    ],
    ['no year anywhere', one('坚持____、项目安排精准', '扶持对象精准', '坚持扶持对象精准、项目安排精准。'), false],
  ])('is held when it shows %s', (_label, c, held) => {
    flagSuspectYears([c], [target, agenda], [{ id: '003', file: '003.txt', title: '决定' }]);
    expect(c.held !== undefined).toBe(held);
  });
});

describe('selfContradictory', () => {
  it.each([
    ['从2024年到2024年，中央财政专项扶贫资金从272亿元增长到____', true],
    ['从2024年统计以来到2024年的六年时间，每年要减贫____', true],
    ['还有____完全或部分丧失劳动能力的贫困人口（2024多万）', true],
    ['从2013年到2015年，中央财政专项扶贫资金从____增长到467.45亿元', false],
    ['还有2000多万完全或部分丧失劳动能力的贫困人口', false],
    ['全国易地扶贫搬迁960多万贫困人口', false],
    ['党员干部1650多万人次参与结对', false],
  ])('%s → %s', (text, expected) => {
    expect(selfContradictory(text)).toBe(expected);
  });
});

describe('suspicion', () => {
  it('distrusts the suspect source, and most its quotes that carry years', () => {
    const { distrust } = suspicion([target, agenda]);
    expect(distrust({ source: '000', quote: '到2020年' })).toBe(0);
    expect(distrust({ source: '003', quote: '坚持扶持对象精准' })).toBe(1);
    expect(distrust({ source: '003', quote: '到2024 年，稳定实现' })).toBe(2);
  });
});
