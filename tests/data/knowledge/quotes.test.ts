// The first quote on a card holds its answer; trustworthy documents first; one sentence once.
import { describe, expect, it } from 'vitest';
import { orderEvidence, quoteHasAnswer } from '@/data/knowledge/quotes';
import { nearSameFigure } from '@/data/knowledge/near-duplicates';
import type { Card } from '@/data/knowledge/types';

const cloze = (answer: string): Pick<Card, 'kind' | 'answer'> => ({ kind: 'figure-cloze', answer });

describe('quoteHasAnswer', () => {
  it.each([
    ['plain text', { quote: '贫困发生率由10.2%降至0.6%。' }, cloze('0.6%'), true],
    ['across a PDF line break', { quote: '贫困发生率由10.2%降至0.\n6%。' }, cloze('0.6%'), true],
    ['full-width digits', { quote: '增长到467．45亿元' }, cloze('467.45亿元'), true],
    [
      'traditional script and half-width comma',
      { quote: '第一,補齊短板和不足,在剩餘任務上攻堅克難。' },
      cloze('补齐短板和不足，在剩余任务上攻坚克难'),
      true,
    ],
    ['a bracketed aside inside', { quote: '措施到户精准、因村派人（第一书记）精准' }, cloze('因村派人精准'), true],
    ['a bracketed answer', { quote: '有1396个县（区）无确诊病例（占46%）' }, cloze('46%'), true],
    [
      'a shared ending stated once, marked',
      { quote: '义务教育、基本医疗和住房安全有保障', marks: [[0, 4]] as Array<[number, number]> },
      cloze('义务教育有保障'),
      true,
    ],
    ['another sentence', { quote: '党中央反复强调，扶贫标准就是“两不愁三保障”。' }, cloze('义务教育有保障'), false],
  ])('%s', (_label, ev, card, expected) => {
    expect(quoteHasAnswer(ev, card)).toBe(expected);
  });

  it('wants every member of a list, and one of the names a member belongs to', () => {
    const list = { kind: 'formulation-list' as const, answer: '', members: ['不愁吃', '不愁穿'] };
    expect(quoteHasAnswer({ quote: '稳定实现不愁吃、不愁穿' }, list)).toBe(true);
    expect(quoteHasAnswer({ quote: '稳定实现不愁吃' }, list)).toBe(false);
    expect(
      quoteHasAnswer({ quote: '聚焦“两不愁”' }, { kind: 'formulation-member', answer: '两不愁、两不愁三保障' }),
    ).toBe(true);
  });
});

describe('orderEvidence', () => {
  const card = (quotes: Array<[string, string]>): Pick<Card, 'kind' | 'answer' | 'evidence'> => ({
    kind: 'figure-cloze',
    answer: '2020年',
    evidence: quotes.map(([source, quote]) => ({ source, quote })),
  });
  it('opens on a quote that holds the answer', () => {
    const out = orderEvidence(
      card([
        ['000', '脱贫攻坚是一场硬仗。'],
        ['001', '到2020年现行标准下农村贫困人口全部脱贫。'],
      ]),
    );
    expect(out.map((e) => e.source)).toEqual(['001', '000']);
  });
  it('puts a trustworthy document before a suspect one, and a suspect quote with its years last', () => {
    const distrust = (e: { source: string; quote: string }) =>
      e.source !== '003' ? 0 : /20\d\d/.test(e.quote) ? 2 : 1;
    const out = orderEvidence(
      card([
        ['003', '到2020年实现脱贫，2024年底完成。'],
        ['003', '到2020年实现脱贫。'],
        ['002', '到2020年，实现脱贫。'],
        ['000', '打赢脱贫攻坚战。'],
      ]),
      distrust,
    );
    expect(out.map((e) => e.quote)).toEqual([
      '到2020年，实现脱贫。',
      '打赢脱贫攻坚战。',
      '到2020年实现脱贫，2024年底完成。',
    ]);
  });
  it('shows a sentence met in two documents once', () => {
    const out = orderEvidence(
      card([
        ['000', '到2020年 全部脱贫。'],
        ['001', '到 2020年全部\n脱贫。'],
      ]),
    );
    expect(out).toHaveLength(1);
    expect(out[0].source).toBe('000');
  });
});

describe('nearSameFigure', () => {
  it.each([
    [
      '到____现行标准下的农村贫困人口全部脱贫',
      '习近平总书记在座谈会上强调，到____现行标准下的农村贫困人口全部脱贫',
      true,
    ],
    ['具体讲，到2020年，通过产业扶持，可解决____脱贫', '说明指出：到2020年，通过产业扶持，可以解决____脱贫', true],
    ['全国还有____贫困县未摘帽、2707个贫困村未出列', '特别是全国还有____贫困县未摘帽、2707个贫困村未出列', true],
    ['贫困发生率由____降至0.6%', '粮食产量由____增加到6.5亿吨', false],
    ['通过转移就业，可解决____脱贫', '通过易地搬迁，可解决____脱贫', false],
  ])('%s ~ %s → %s', (a, b, expected) => {
    expect(nearSameFigure(a, b)).toBe(expected);
  });
});
