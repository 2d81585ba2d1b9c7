// A source that alone states the same year against the other documents in two or more statements is
// suspect for that year (003 rewrote 2020 as 2024): found from conflicts, not from file names.
import { describe, expect, it } from 'vitest';
import { flagSuspectYears, suspectYears } from '@/data/knowledge/suspect';
import type { Card, Conflict } from '@/data/knowledge/types';

const conflict = (id: string, sides: Array<[string, string]>): Conflict => ({
  id,
  topic: id,
  values: [...new Set(sides.map((s) => s[1]))].sort(),
  evidence: sides.map(([source, value]) => ({ source, quote: `到${value}`, value })),
});
const target = conflict('target', [['000', '2020年'], ['001', '2020年'], ['003', '2024年']]);
const agenda = conflict('agenda', [['000', '2030年'], ['003', '2024年']]);

describe('suspectYears', () => {
  it('finds the source that alone holds one year in two conflicts', () => {
    const [s, ...rest] = suspectYears([target, agenda]);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ source: '003', values: ['2024年'], others: ['2020年', '2030年'] });
  });

  it.each([
    ['one conflict only', [target]],
    ['two sources share the value', [conflict('a', [['000', '2020年'], ['003', '2024年'], ['004', '2024年']]), conflict('b', [['000', '2030年'], ['003', '2024年'], ['004', '2024年']])]],
    ['not a year', [conflict('a', [['000', '10%'], ['003', '12%']]), conflict('b', [['001', '10%'], ['003', '12%']])]],
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

  it('flags cards whose year only the suspect source gives, lowers them, and puts other documents first', () => {
    const cards = [
      card('a', '到____，稳定实现农村贫困人口不愁吃、不愁穿', '2024年', ['003']),
      card('b', '贫困人口从2012年年底的____减到2019年年底的551万人', '9899万人', ['003', '000']),
      card('c', '到____，稳定实现农村贫困人口不愁吃、不愁穿', '2020年', ['000']),
    ];
    const { caveats, notes } = flagSuspectYears(cards, [target, agenda], [{ id: '003', file: '003.txt', title: '决定', date: '2024-11-29' }]);
    expect(caveats).toHaveLength(1);
    expect(caveats[0]).toMatchObject({ topic: '与其他文件不一致的年份：《决定》', values: ['2024年', '2020年', '2030年'], cards: ['a'], notes: ['n-a'] });
    expect(caveats[0].evidence.find((e) => e.source === '003')).toMatchObject({ value: '2024年', marks: [[1, 6]] });
    expect(cards[0]).toMatchObject({ conflicts: [caveats[0].id], importance: 0.3 });
    expect(cards[1].conflicts).toBeUndefined();
    expect(cards[1].evidence.map((e) => e.source)).toEqual(['000', '003']);
    expect(notes.get('003')).toContain('2处');
    expect(notes.get('003')).toContain('2024-11-29');
  });
});
