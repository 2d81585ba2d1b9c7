// A list put after a topic and a colon ("全会提出了…的主要目标：A，B，C。"): no count names it, the topic asks
// for it. Every sentence is written for this test in the style of a 全会公报; none is copied from a real document.
import { describe, expect, it } from 'vitest';
import { extractFormulations } from '@/data/knowledge/formulations';
import { buildDeck } from '@/data/knowledge/deck';
import { listTopic } from '@/data/knowledge/topic-lists';

const GOALS =
  '全会提出了新时期乡村全面振兴的主要目标：农业综合生产能力稳步提升，农村基础设施明显改善，农民收入持续较快增长，乡村治理效能显著增强。';
const GOAL_MEMBERS = [
  '农业综合生产能力稳步提升',
  '农村基础设施明显改善',
  '农民收入持续较快增长',
  '乡村治理效能显著增强',
];

const deckOf = (sentence: string) =>
  buildDeck([{ file: 'd.txt', text: `全会公报\n全会听取了工作报告。${sentence}\n` }]).cards;

describe('a list after a topic and a colon', () => {
  it('finds the clauses up to the full stop, with the topic as heading', () => {
    const f = extractFormulations(GOALS).find((x) => x.members.length === 4);
    expect(f?.members).toEqual(GOAL_MEMBERS);
    expect(f?.heading).toBe('新时期乡村全面振兴的主要目标');
    expect(f?.ordered).toBe(false);
    expect(f?.memberSpans.map((s) => GOALS.slice(s.start, s.end))).toEqual(GOAL_MEMBERS);
  });

  it('asks for the list by its topic and each clause in its place', () => {
    const cards = deckOf(GOALS);
    const list = cards.find((c) => c.kind === 'formulation-list' && c.answer.startsWith(GOAL_MEMBERS[0]));
    expect(list?.prompt).toBe('新时期乡村全面振兴的主要目标是什么？');
    expect(list?.answer).toBe(GOAL_MEMBERS.join('、'));
    const clozes = cards.filter((c) => c.kind === 'formulation-cloze' && c.prompt.startsWith('新时期'));
    expect(clozes.map((c) => c.answer).sort()).toEqual([...GOAL_MEMBERS].sort());
    expect(clozes.find((c) => c.answer === GOAL_MEMBERS[1])?.prompt).toBe(
      '新时期乡村全面振兴的主要目标：农业综合生产能力稳步提升、____、农民收入持续较快增长、乡村治理效能显著增强',
    );
  });

  it('takes 总体要求 and 必须遵循的原则 as topics', () => {
    const s = '会议明确了做好基层治理工作的总体要求：党建引领作用有效发挥，服务群众水平明显提高，治理手段日益智能。';
    expect(extractFormulations(s).find((x) => x.members.length === 3)?.heading).toBe('做好基层治理工作的总体要求');
    expect(listTopic('二、新时期基层治理必须遵循的原则')).toBe('新时期基层治理必须遵循的原则');
    expect(listTopic('要抓好以下几项重点任务')).toBeUndefined();
    expect(listTopic('明年经济工作要抓好三项重点任务')).toBeUndefined();
  });

  it('takes nothing where 要求 is the verb, the clauses carry on, differ in shape or hold figures', () => {
    const none = [
      '会议要求：各地加强组织领导，压实工作责任，抓好任务落实。',
      '全会提出了今后一个时期的主要目标：农业生产稳步发展，并在此基础上着力推动农村各项事业取得全面进步，农民增收。',
      '规划提出了未来五年的主要目标：粮食产量稳定在1.3万亿斤以上，农民收入增长6%，脱贫成果巩固。',
      '全会提出了今后五年的主要任务：深化改革，扩大开放，推进农业农村现代化取得新的重大进展。',
    ];
    for (const s of none) expect(extractFormulations(s).filter((f) => f.heading)).toEqual([]);
  });
});

describe('the works a speech says to focus on (重点做好…等工作)', () => {
  const WORKS =
    '下半年要在宏观政策上持续用力，重点做好扩大国内有效需求、深入推进改革开放、推动科技和产业融合发展、防范化解重点领域风险、多措并举保障民生等工作。';
  const MEMBERS = [
    '扩大国内有效需求',
    '深入推进改革开放',
    '推动科技和产业融合发展',
    '防范化解重点领域风险',
    '多措并举保障民生',
  ];

  it('takes the items between 重点做好 and 等工作 as a list, asked by the time the sentence names', () => {
    const cards = deckOf(WORKS);
    const list = cards.find((c) => c.kind === 'formulation-list');
    expect(list?.prompt).toBe('下半年要重点做好的工作有哪些？');
    expect(list?.answer).toBe(MEMBERS.join('、'));
    expect(
      cards
        .filter((c) => c.kind === 'formulation-cloze')
        .map((c) => c.answer)
        .sort(),
    ).toEqual([...MEMBERS].sort());
  });

  it('takes 重点抓好 with items split by ，', () => {
    const s = '明年要重点抓好稳定粮食生产，推进乡村建设，深化农村改革等工作。';
    const f = extractFormulations(s).find((x) => x.members.length === 3);
    expect(f?.members).toEqual(['稳定粮食生产', '推进乡村建设', '深化农村改革']);
    expect(f?.heading).toBe('明年要重点抓好的工作');
  });

  it('leaves 做好…等工作 without 重点, two items, and items too long alone', () => {
    expect(extractFormulations('县级党委和政府做好进度安排、项目落地、资金使用等工作。')).toEqual([]);
    expect(extractFormulations('下半年要重点做好扩大国内需求、保障改善民生等工作。')).toEqual([]);
    const long =
      '下半年要重点做好坚持以人民为中心的发展思想不断满足人民日益增长的美好生活需要、深化改革、扩大开放等工作。';
    expect(extractFormulations(long).filter((x) => x.heading)).toEqual([]);
  });
});
