// Prompts of unnamed lists: a parallel series is asked with its shared wording as the hint, a numbered
// series through the sentence or section title that announces it; nothing longer than MAX_PROMPT.
import { describe, expect, it } from 'vitest';
import { MAX_PROMPT, formulationCards, headingQuestion, type CardContext } from '@/data/knowledge/cards';
import { seriesClues } from '@/data/knowledge/list-clues';
import type { Note } from '@/data/knowledge/types';

describe('seriesClues', () => {
  it.each([
    [
      ['产业互补', '人员互动', '技术互学', '观念互通', '作风互鉴'],
      ['产业互____', '人员互____', '技术互____', '观念互____', '作风互____'],
    ],
    [
      ['一发了之', '一股了之', '一分了之'],
      ['一____了之', '一____了之', '一____了之'],
    ],
    [
      ['集中患者', '集中专家', '集中资源', '集中救治'],
      ['集中____', '集中____', '集中____', '集中____'],
    ],
    [
      ['强信心', '暖人心', '聚民心'],
      ['强____心', '暖____心', '聚____心'],
    ],
    [
      ['补短板', '堵漏洞', '强弱项'],
      ['补____', '堵____', '强____'],
    ],
    [
      ['搬得出', '稳得住', '能致富'],
      ['搬____', '稳____', '能____'],
    ],
    // Traits: the noun stays, its adjective is the answer (not "基____" for 基础稳).
    [
      ['基础稳', '优势多', '韧性强', '潜力大'],
      ['基础____', '优势____', '韧性____', '潜力____'],
    ],
    // One adjective repeated is no trait list (a complaint): the shared character stays, as for any mould.
    [
      ['会议多', '文件多', '检查多'],
      ['会____多', '文____多', '检____多'],
    ],
    // Items of unequal length.
    [
      ['党史', '新中国史', '改革开放史'],
      ['____史', '新____史', '改____史'],
    ],
    [
      ['忠于党', '忠于国家', '忠于人民'],
      ['忠于____', '忠于____', '忠于____'],
    ],
    [
      ['强化法治观念', '提升法治素养', '运用法治思维'],
      ['强____法治____', '提____法治____', '运____法治____'],
    ],
    // A mould of three blanks ("公____的____不能____") is unreadable: the line stays, the item's own word goes.
    [
      ['公平的理念不能动摇', '民主的原则不能偏离', '团结的根基不能削弱'],
      ['____的理念不能动摇', '____的原则不能偏离', '____的根基不能削弱'],
    ],
  ])('%j → %j', (members, clues) => {
    expect(seriesClues(members)).toEqual(clues);
  });
});

describe('headingQuestion', () => {
  it.each([
    [
      '下面，我讲点意见，讲3个问题',
      3,
      '在打好精准脱贫攻坚战座谈会上的讲话',
      '《在打好精准脱贫攻坚战座谈会上的讲话》讲了哪3个问题？',
    ],
    [
      '一、我国脱贫攻坚取得决定性成就',
      6,
      '在决战决胜脱贫攻坚座谈会上的讲话',
      '《在决战决胜脱贫攻坚座谈会上的讲话》“我国脱贫攻坚取得决定性成就”部分按顺序讲了哪六点？',
    ],
    ['当前，要抓好以下几项重点工作', 7, undefined, '当前，要抓好哪七项重点工作？'],
    ['近一段时间，我们主要做了以下工作', 7, undefined, '近一段时间，我们主要做了哪七项工作？'],
    ['疫情对脱贫攻坚的影响主要表现在这样几个方面', 4, undefined, '疫情对脱贫攻坚的影响主要表现在哪四个方面？'],
    ['精准扶贫主要包括三个内容', 3, undefined, '精准扶贫主要包括哪三个内容？'],
  ])('%s (%i) → %s', (heading, n, title, question) => {
    expect(headingQuestion(heading, n, title)).toBe(question);
  });
});

const note = (members: string[], ordered: boolean): Note => ({
  id: 'formulation:x',
  kind: 'formulation',
  name: members.join('、'),
  members,
  ordered,
  evidence: [{ source: 's', quote: members.join('、') }],
  importance: 0.5,
});

describe('formulationCards of unnamed lists', () => {
  it('asks for a parallel series with its lead and hints, never “A、B…”指什么', () => {
    const members = ['产业互补', '人员互动', '技术互学', '观念互通', '作风互鉴'];
    const cards = formulationCards(note(members, false), [{ ev: note(members, false).evidence[0] }], {
      cue: { lead: '推进东部产业向西部梯度转移，实现', source: 's' },
    });
    const list = cards.find((c) => c.kind === 'formulation-list')!;
    expect(list.prompt).toBe(
      '填写这组并列提法（共5项）：推进东部产业向西部梯度转移，实现产业互____、人员互____、技术互____、观念互____、作风互____',
    );
    expect(list.answer).toBe(members.join('、'));
    expect(cards.some((c) => c.prompt.includes('指什么'))).toBe(false);
    expect(cards.find((c) => c.kind === 'formulation-cloze' && c.answer === '产业互补')!.prompt).toBe(
      '推进东部产业向西部梯度转移，实现____、人员互动、技术互学、观念互通、作风互鉴',
    );
  });

  it('asks for a long speech outline by its heading and each item by its place', () => {
    const members = [
      '及时制定疫情防控战略策略',
      '加强对武汉和湖北防疫的统一指挥',
      '统筹抓好其他地区防控工作',
      '加强医用物资和生活必需品应急保供',
      '切实维护社会稳定',
      '加强宣传教育和舆论引导',
      '积极争取国际社会支持',
    ];
    const n = note(members, true);
    const cards = formulationCards(n, [{ ev: n.evidence[0] }], {
      cue: { heading: '近一段时间，我们主要做了以下工作', source: 's' },
      title: () => '在统筹推进新冠肺炎疫情防控和经济社会发展工作部署会议上的讲话',
    });
    expect(cards.find((c) => c.kind === 'formulation-list')!.prompt).toBe(
      '《在统筹推进新冠肺炎疫情防控和经济社会发展工作部署会议上的讲话》：近一段时间，我们主要做了哪七项工作？',
    );
    expect(cards.find((c) => c.answer === '切实维护社会稳定')!.prompt).toMatch(/（第五项）$/);
    for (const c of cards) expect(c.prompt.length).toBeLessThanOrEqual(MAX_PROMPT);
  });

  it('leaves out the cloze of a long outline nobody announced', () => {
    const members = [
      '落实分区分级精准复工复产',
      '加大宏观政策调节力度',
      '全面强化稳就业举措',
      '坚决完成脱贫攻坚任务',
      '推动企业复工复产',
      '不失时机抓好春季农业生产',
      '切实保障基本民生',
      '稳住外贸外资基本盘',
    ];
    const n = note(members, true);
    expect(formulationCards(n, [{ ev: n.evidence[0] }])).toEqual([]);
  });
});

describe('cards an organiser would not ask are left out', () => {
  const named = (name: string, members: string[]): Note => ({ ...note(members, false), name });
  const cardsOf = (n: Note, cue?: CardContext['cue']) =>
    formulationCards(n, [{ ev: n.evidence[0] }], { cue, title: () => '在座谈会上的讲话' });

  it('asks no member card of a two-character word that shares nothing with the name ("内容" → 五个精准)', () => {
    const asked = cardsOf(named('五个精准', ['对象', '目标', '内容', '措施', '考评'])).filter(
      (c) => c.kind === 'formulation-member',
    );
    expect(asked).toEqual([]);
    const kept = cardsOf(named('三扶观', ['扶志', '扶智', '扶贫'])).filter((c) => c.kind === 'formulation-member');
    expect(kept.map((c) => c.prompt)).toEqual(['“扶志”属于哪个提法？', '“扶智”属于哪个提法？', '“扶贫”属于哪个提法？']);
  });

  it('asks an outline item by its place, never with the outline heading as the question', () => {
    const members = ['攻坚克难完成任务', '努力克服疫情影响', '多措并举巩固成果'];
    const cards = cardsOf(note(members, true), { heading: '三、确保高质量完成脱贫攻坚目标任务', source: 's' });
    const cloze = cards.find((c) => c.kind === 'formulation-cloze' && c.answer === '努力克服疫情影响')!;
    expect(cloze.prompt).toBe('《在座谈会上的讲话》“确保高质量完成脱贫攻坚目标任务”部分按顺序讲了哪三点？（第二项）');
    expect(cards.some((c) => c.prompt.startsWith('三、'))).toBe(false);
  });

  it('asks no half of a sentence from its other half', () => {
    expect(
      cardsOf(note(['五年履职重点向决战决胜脱贫攻坚聚焦再聚焦', '整合履职资源向决战决胜脱贫攻坚聚焦再聚焦'], true)),
    ).toEqual([]);
    // Three long clauses are a series a cadre recites (办学的三项基础性工作).
    expect(
      cardsOf(note(['坚持办学正确政治方向', '建设高素质教师队伍', '形成高水平人才培养体系'], true)).length,
    ).toBeGreaterThan(0);
  });

  it('asks nothing of the angles a passage takes ("从任务看、从工作看")', () => {
    expect(
      cardsOf(note(['从脱贫攻坚任务看', '从脱贫攻坚工作看'], true), {
        heading: '二、清醒把握打赢脱贫攻坚战的困难挑战',
        source: 's',
      }),
    ).toEqual([]);
  });
});
