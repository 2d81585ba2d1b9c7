// Key statements by construction, on sentences written for these tests in the style of policy
// documents (none copied from a real document), with the sentences that must not become one.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { buildDeck } from '../../../data/knowledge/deck';
import { normalizeDocument, splitSentences } from '../../../data/knowledge/normalize';
import { extractStatements } from '../../../data/knowledge/statements';

const TITLE = '关于推进基层治理现代化的意见';
const run = (s: string) => {
  const norm = normalizeDocument(s);
  return extractStatements(norm.text, norm.sentences, { title: TITLE });
};

// [construction, sentence, prompt, answer]
const FOUND: Array<[string, string, string, string]> = [
  [
    'X的总目标是B，C (two verb phrases, the second closing the sentence)',
    '会议强调，深化基层治理改革的总目标是继续完善基层治理体系，推进基层治理能力现代化。',
    '深化基层治理改革的总目标是什么？',
    '继续完善基层治理体系，推进基层治理能力现代化',
  ],
  [
    'X的总目标是B，C with C no verb phrase: B alone',
    '深化基层治理改革的总目标是完善基层治理体系，这一点十分重要。',
    '深化基层治理改革的总目标是什么？',
    '完善基层治理体系',
  ],
  [
    'X的总目标是B，C，D: C does not close the sentence, B alone',
    '深化基层治理改革的总目标是继续完善基层治理体系，推进基层治理能力现代化，让群众更满意。',
    '深化基层治理改革的总目标是什么？',
    '继续完善基层治理体系',
  ],
  [
    'X的总目标是Y',
    '全会明确提出深化基层治理改革的总目标是健全基层治理体系、提升基层治理效能。',
    '深化基层治理改革的总目标是什么？',
    '健全基层治理体系、提升基层治理效能',
  ],
  [
    'X的首要任务是Y',
    '新时代乡村工作的首要任务是守住不发生规模性返贫的底线，推动乡村全面振兴。',
    '新时代乡村工作的首要任务是什么？',
    '守住不发生规模性返贫的底线',
  ],
  ['X就是Y', '做好新时代群众工作的根本就是坚持以人民为中心。', '做好新时代群众工作的根本是什么？', '坚持以人民为中心'],
  [
    'reported X是：Y',
    '规划提出，今后五年全市发展的主要目标是：经济总量迈上新台阶，城乡居民收入稳步增长，生态环境持续改善。',
    '今后五年全市发展的主要目标是什么？',
    '经济总量迈上新台阶，城乡居民收入稳步增长，生态环境持续改善',
  ],
  [
    'reported X是：Y, X opening on its year',
    '报告指出，今年全省发展的主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业60万人以上。',
    '今年全省发展的主要预期目标是什么？',
    '地区生产总值增长5.5%左右，城镇新增就业60万人以上',
  ],
  ['X应该是Y', '衡量基层干部作风的第一标准应该是群众满意度。', '衡量基层干部作风的第一标准是什么？', '群众满意度'],
  [
    'topic，关键是要Y',
    '推进城市更新，关键是要把握好保护与发展的关系。',
    '推进城市更新，关键是什么？',
    '把握好保护与发展的关系',
  ],
  [
    'topic，最重要的是Y',
    '办好社区服务这件事，最重要的是倾听居民诉求、回应居民关切，其次才是完善设施。',
    '办好社区服务这件事，最重要的是什么？',
    '倾听居民诉求、回应居民关切',
  ],
  ['X在于Y', '基层治理的关键在于夯实党的组织基础。', '基层治理的关键在于什么？', '夯实党的组织基础'],
  [
    'Y是X的必由之路',
    '走共建共治共享之路是基层治理现代化的必由之路。',
    '基层治理现代化的必由之路是什么？',
    '走共建共治共享之路',
  ],
  [
    'A是…，也是X的底色',
    '为民服务是党的根本宗旨的体现，也是基层工作最鲜明的底色。',
    '基层工作最鲜明的底色是什么？',
    '为民服务',
  ],
  [
    'A是…之基，也是…之本 (classical role words)',
    '为民服务是基层组织立身之基，也是基层干部履职尽责之本。',
    '基层干部履职尽责之本是什么？',
    '为民服务',
  ],
  ['Y是X之魂', '改革创新是特区发展之魂。', '特区发展之魂是什么？', '改革创新'],
  ['X是ranked Y', '作风建设是党的全局性、经常性建设，关系党的形象。', '“作风建设”是什么？', '党的全局性、经常性建设'],
  ['X是…重要力量', '社会组织是参与基层治理的重要力量。', '“社会组织”是什么？', '参与基层治理的重要力量'],
  [
    '把A作为X',
    '要把保障和改善民生作为基层工作的出发点和落脚点，办好群众身边事。',
    '要把什么作为基层工作的出发点和落脚点？',
    '保障和改善民生',
  ],
  [
    '把A，作为X',
    '必须把推动资源下沉、服务下沉、管理下沉，作为新阶段基层治理的重要任务。',
    '必须把什么作为新阶段基层治理的重要任务？',
    '推动资源下沉、服务下沉、管理下沉',
  ],
  ['把A作为bare X', '要把提升网格员素质作为基础工程。', `《${TITLE}》：要把什么作为基础工程？`, '提升网格员素质'],
  ['以A为X', '坚持以群众满意为导向，持续改进基层服务。', `《${TITLE}》：以什么为导向？`, '群众满意'],
  [
    '抓住A这个X',
    '我们抓住网格化管理这个总抓手，推动治理重心下移。',
    `《${TITLE}》：抓住什么这个总抓手？`,
    '网格化管理',
  ],
  [
    '构建以A为…的X体系',
    '构建以街道社区为主体、社会组织为补充、志愿服务相结合的基层服务体系。',
    '构建什么样的基层服务体系？',
    '以街道社区为主体、社会组织为补充、志愿服务相结合',
  ],
  [
    'X的主题是：whole sentence',
    '这次全会的主题是：深化改革、扩大开放，为推进中国式现代化凝聚力量。',
    '这次全会的主题是什么？',
    '深化改革、扩大开放，为推进中国式现代化凝聚力量',
  ],
  [
    '明确X是Y (a theory summary)',
    '明确新时代基层工作的根本任务是夯实党的执政根基。',
    '新时代基层工作的根本任务是什么？',
    '夯实党的执政根基',
  ],
  [
    'two predicates joined by 、',
    '明确乡村振兴的总要求是产业兴旺、生态宜居，总抓手是乡村建设行动。',
    '乡村振兴的总要求是什么？',
    '产业兴旺、生态宜居',
  ],
  [
    'the second of two predicates',
    '基层治理总体布局是“一核多元”、工作基调是“稳中求进”。',
    '基层治理工作基调是什么？',
    '“稳中求进”',
  ],
  [
    '是不是inside the answer',
    '办好这件大事，最关键的是方向是不是正确、保障是不是有力。',
    '办好这件大事，最关键的是什么？',
    '方向是不是正确、保障是不是有力',
  ],
  [
    'a compound subject, no verb',
    '新时代我国社会主要矛盾是发展不平衡不充分的矛盾。',
    '新时代我国社会主要矛盾是什么？',
    '发展不平衡不充分的矛盾',
  ],
  [
    '这是…的要求 after the clause it names',
    '会议强调，粮食要稳产、就业要稳定、物价要稳住，这是中央的明确要求。',
    '中央的明确要求是什么？',
    '粮食要稳产、就业要稳定、物价要稳住',
  ],
  [
    '这是…的前提, the lead-in 要 dropped',
    '要坚持底线思维，这是做好安全工作的重要前提。',
    '做好安全工作的重要前提是什么？',
    '坚持底线思维',
  ],
  [
    '守住…底线 (the line a verb holds)',
    '要加强重点领域监管，守住不发生规模性返贫底线。',
    `《${TITLE}》：守住什么底线？`,
    '不发生规模性返贫',
  ],
  [
    '坚持…的定位, parallel modifiers keep their 的',
    '要坚持耕地是用来种粮的、不是用来盖房的定位，落实保护责任。',
    `《${TITLE}》：坚持什么定位？`,
    '耕地是用来种粮的、不是用来盖房的',
  ],
  ['严守…红线', '严守生态保护红线，推动绿色发展。', `《${TITLE}》：严守什么红线？`, '生态保护'],
  [
    '兜牢…“…”底线 (a quoted name inside the line)',
    '要优化财政支出结构，兜牢基层“三保”底线。',
    `《${TITLE}》：兜牢什么底线？`,
    '基层“三保”',
  ],
  [
    '坚持…工作总基调 (the line economic work keeps)',
    '会议要求，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。',
    `《${TITLE}》：坚持什么工作总基调？`,
    '稳中求进',
  ],
  [
    'X，被明确为“Y” (a role the meeting defined, in quotes)',
    '此次会议对“十五五”时期的战略定位，被明确为“全面推进改革、夯实发展基础的关键时期”。',
    '“十五五”时期的战略定位被明确为什么？',
    '全面推进改革、夯实发展基础的关键时期',
  ],
  [
    'X被确定为“Y”',
    '全会指出，新时期基层治理的主要任务被确定为“强基础、补短板、提效能”。',
    '新时期基层治理的主要任务被确定为什么？',
    '强基础、补短板、提效能',
  ],
  [
    '“坚持…工作总基调” quoted whole',
    '会议强调要“坚持稳中求进工作总基调”，并要求努力完成全年目标任务。',
    `《${TITLE}》：坚持什么工作总基调？`,
    '稳中求进',
  ],
  [
    '“十N五”时期是…的关键时期 (what a period is)',
    '会议认为，“十五五”时期是全面深化改革、夯实发展基础的关键时期。',
    '“十五五”时期是什么时期？',
    '全面深化改革、夯实发展基础的关键时期',
  ],
  [
    '当前和今后一个时期是…的关键时期',
    '全会认为，当前和今后一个时期是推进基层治理现代化的关键时期。',
    '当前和今后一个时期是什么时期？',
    '推进基层治理现代化的关键时期',
  ],
  [
    '第X条 article prefix',
    '第三条　基层治理的根本原则是坚持党的全面领导。',
    '基层治理的根本原则是什么？',
    '坚持党的全面领导',
  ],
];

// Sentences with 是 / 在于 / 作为 / 为 that define nothing a session would ask.
const NOT_FOUND: Array<[string, string]> = [
  ['pronoun subject', '这是推进基层治理的重要任务。'],
  ['time subject', '今年是实施规划的关键之年。'],
  ['这次 alone is no subject', '这次是全会召开后的第一次专题会议。'],
  ['negation', '基层治理的目标不是简单管住群众。'],
  ['特别是 is no copula', '各级干部特别是主要负责同志要带头深入基层。'],
  ['但是 / 还是', '困难还是不少，但是前景光明。'],
  ['one of several', '社区减负是基层工作的重要任务之一。'],
  ['one of several (一项)', '加强网格建设是一项长期的基础工作。'],
  ['是 inside a quotation', '要坚持“实事求是，因地制宜”的工作原则，灵活运用各项政策。'],
  ['plain description', '我们的基层干部队伍总体是好的。'],
  ['bare key with no topic', '关键是落实。'],
  ['conjunction subject', '即使是偏远乡村也要通网络。'],
  ['以…为指导 boilerplate', '以新时代中国特色社会主义思想为指导，推进各项工作。'],
  ['把…纳入…，作为', '把社区工作纳入年度考核，作为评价干部的重要内容。'],
  ['把握 is no 把', '准确把握基层治理的阶段性特征，作为谋划工作的依据。'],
  ['这是 one of several', '要坚持底线思维，这是做好工作的重要前提之一。'],
  ['这是 a task counted by 一项', '全会认为，党员干部要带头学习，这是一项重要任务。'],
  ['这是 a prepositional clause', '在这个问题上，这是党中央的明确要求。'],
  ['是 inside the object of a modal verb (明确…的定位)', '要明确耕地是用来种粮的、不是用来盖房的定位，落实保护责任。'],
  ['底线 joined to another object by 和', '各地要坚持以人民为中心的发展思想和底线。'],
  ['守住 a bare 底线', '关键时刻要守住底线。'],
  ['被明确为 of no role', '这个村被确定为“全国文明村”。'],
  ['a period that is no plan’s or the present’s', '那个时期是我们党历史上的困难时期。'],
  ['被明确为 of a pronoun', '这一定位被明确为“改革开放的试验田”。'],
  ['是 inside the object of 必须', '必须牢记人民是阅卷人的要求，时刻接受群众评判。'],
];

describe('extractStatements', () => {
  it.each(FOUND)('%s: %s', (_kind, sentence, prompt, answer) => {
    const found = run(sentence);
    expect(found.map((f) => [f.prompt, f.answer])).toContainEqual([prompt, answer]);
    const hit = found.find((f) => f.prompt === prompt)!;
    expect(normalizeDocument(sentence).text.slice(hit.span.start, hit.span.end)).toBe(answer);
  });

  it.each(NOT_FOUND)('no statement from %s: %s', (_kind, sentence) => {
    expect(run(sentence).map((f) => `${f.prompt}→${f.answer}`)).toEqual([]);
  });

  it('asks what the present period is once, not again as a ranked classification', () => {
    const found = run('全会认为，当前和今后一个时期是推进基层治理现代化的关键时期。');
    expect(found.map((f) => f.prompt)).toEqual(['当前和今后一个时期是什么时期？']);
  });

  it('names a long headline in parts by its first part, a short one whole', () => {
    const text = '会议要求，守住不发生系统性金融风险底线。';
    const ask = (title: string) => extractStatements(text, splitSentences(text), { title }).map((x) => x.prompt);
    expect(ask('中共中央政治局召开会议 分析研究当前经济形势和经济工作 审议《关于加强基层治理的规划》')).toEqual([
      '《中共中央政治局召开会议》：守住什么底线？',
    ]);
    expect(ask('关于加强基层治理的意见')).toEqual(['《关于加强基层治理的意见》：守住什么底线？']);
  });

  it('marks a two-clause answer where it stands, after another sentence', () => {
    const text = '前言。\n深化基层治理改革的总目标是继续完善基层治理体系，推进基层治理能力现代化。';
    const [st] = extractStatements(text, splitSentences(text));
    expect(text.slice(st.span.start, st.span.end)).toBe('继续完善基层治理体系，推进基层治理能力现代化');
  });

  it('marks the answer where it stands in the text', () => {
    const text = '前言。\n新时代乡村工作的首要任务是守住不发生规模性返贫的底线。';
    const [st] = extractStatements(text, splitSentences(text));
    expect(text.slice(st.span.start, st.span.end)).toBe('守住不发生规模性返贫的底线');
  });
});

describe('statement and quoted-name cards in the bundled deck', () => {
  const DIR = join(import.meta.dirname, '../../../data/sources');
  const deck = buildDeck(
    readdirSync(DIR)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => ({ file: f, text: readFileSync(join(DIR, f), 'utf8') })),
  );
  const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const asked = deck.cards.filter((c) => c.kind === 'statement' || c.kind === 'term-cloze');

  it('are there, each opening on a quote that holds its answer, marked', () => {
    expect(deck.cards.filter((c) => c.kind === 'statement').length).toBeGreaterThan(15);
    for (const c of asked) {
      const [first] = c.evidence;
      // The traditional document is quoted as written: compare in simplified characters.
      expect(toSimplified(first.quote).replace(/\s+/g, ''), c.prompt).toContain(c.answer);
      expect(first.marks?.length, c.prompt).toBeGreaterThan(0);
    }
  });

  it('ask a question that does not give its answer away', () => {
    for (const c of asked) expect(c.prompt.replace(/《[^》]*》/, ''), c.prompt).not.toContain(c.answer);
  });
});

// Judgments a meeting states (statement-judgments.ts); sentences written for this test in the style of a
// 政治局会议 release, none copied from a real one.
describe('judgments that something has not changed', () => {
  const judged = (s: string) => extractStatements(s, splitSentences(s));
  it('asks what the meeting holds unchanged', () => {
    const s = '会议认为，当前外部环境更趋复杂，但我国发展长期向好的基本条件和总体趋势没有改变。';
    const st = judged(s).find((x) => x.prompt === '会议认为什么没有改变？');
    expect(st?.answer).toBe('我国发展长期向好的基本条件和总体趋势');
    expect(s.slice(st!.span.start, st!.span.end)).toBe(st!.answer);
  });
  it.each([
    [
      'keeps the verb the text uses',
      '全会指出，我国制度优势显著、治理效能提升，经济持续恢复发展的态势不会变。',
      '全会指出什么不会变？',
      '经济持续恢复发展的态势',
    ],
    [
      'takes the speaker’s own 强调 as the cue',
      '中共中央总书记习近平主持座谈会并发表重要讲话强调，我国发展长期向好的基本条件和总体趋势没有改变，要坚定信心、迎难而上。',
      '习近平强调什么没有改变？',
      '我国发展长期向好的基本条件和总体趋势',
    ],
  ])('%s', (_, s, prompt, answer) => {
    expect(judged(s).map((x) => [x.prompt, x.answer])).toContainEqual([prompt, answer]);
  });
  it('reads the sentence right after the meeting’s 指出 in its paragraph as the meeting’s', () => {
    const s =
      '会议指出，外部环境更趋复杂，一些领域风险隐患较多。这些都是前进中的问题，我国发展长期向好的基本条件和总体趋势没有改变。';
    expect(judged(s).map((x) => [x.prompt, x.answer])).toContainEqual([
      '会议指出什么没有改变？',
      '我国发展长期向好的基本条件和总体趋势',
    ]);
    const apart = '会议指出，外部环境更趋复杂。\n这些都是前进中的问题，我国发展长期向好的基本条件和总体趋势没有改变。';
    expect(judged(apart)).toEqual([]);
  });
  it('asks nothing without the meeting’s own cue, of a pronoun, or of two judgments in one sentence', () => {
    expect(judged('综合起来看，我国经济长期向好的基本面没有改变，困难是暂时的。')).toEqual([]);
    expect(judged('会议认为，这一点没有改变。')).toEqual([]);
    expect(
      judged('会议认为，我国经济长期向好的基本面没有改变，人民群众对美好生活的向往没有改变。').filter((x) =>
        x.prompt.includes('改变'),
      ),
    ).toEqual([]);
  });
});
