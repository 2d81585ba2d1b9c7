// Term extraction on real sentences (normalized by hand, checked against the documents) and over the
// five documents.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeDocument } from '../../../data/knowledge/normalize';
import { extractTerms, namedMechanismCloze } from '../../../data/knowledge/terms';

const DIR = join(import.meta.dirname, '../../../data/sources');
const DOCS: Record<string, string> = Object.fromEntries(
  readdirSync(DIR)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => [f.slice(0, 3), normalizeDocument(readFileSync(join(DIR, f), 'utf8')).text]),
);

// [document, sentence, term, definition (undefined: none given there)]
const ROWS: Array<[string, string, string, string | undefined]> = [
  [
    '000',
    '要继续聚焦“三区三州”等深度贫困地区，落实脱贫攻坚方案，瞄准突出问题和薄弱环节狠抓政策落实。',
    '三区三州',
    undefined,
  ],
  ['003', '工商联系统组织民营企业开展“万企帮万村”精准扶贫行动。', '万企帮万村', undefined],
  [
    '002',
    '党的十八大以来，党中央从全面建成小康社会要求出发，把扶贫开发工作纳入“五位一体”总体布局、“四个全面”战略布局。',
    '五位一体',
    undefined,
  ],
  [
    '002',
    '脱贫攻坚的目标就是要做到“两个确保”：确保现行标准下的农村贫困人口全部脱贫，消除绝对贫困；确保贫困县全部摘帽，解决区域性整体贫困。',
    '两个确保',
    '确保现行标准下的农村贫困人口全部脱贫，消除绝对贫困、确保贫困县全部摘帽，解决区域性整体贫困',
  ],
  [
    '002',
    '坚持扶持对象精准、项目安排精准、资金使用精准、措施到户精准、因村派人（第一书记）精准、脱贫成效精准等“六个精准”，解决好扶持谁、谁来扶、怎么扶、如何退问题。',
    '六个精准',
    '扶持对象精准、项目安排精准、资金使用精准、措施到户精准、因村派人精准、脱贫成效精准',
  ],
  [
    '003',
    '精准扶贫，是指谁贫困就扶持谁，精确识别、精确帮扶、精确管理的治贫方略。',
    '精准扶贫',
    '谁贫困就扶持谁，精确识别、精确帮扶、精确管理的治贫方略',
  ],
  [
    '002',
    '中央统筹，就是要做好顶层设计，主要是管两头，一头是在政策、资金等方面为地方创造条件，另一头是加强脱贫效果监管。',
    '中央统筹',
    '要做好顶层设计，主要是管两头，一头是在政策、资金等方面为地方创造条件，另一头是加强脱贫效果监管',
  ],
  [
    '004',
    '打赢脱贫攻坚战，必须以深度贫困地区、特殊困难群体为重点，聚焦「两不愁三保障」，严格对照标准要求。',
    '两不愁三保障',
    undefined,
  ],
  // Constructed rows for the definition shapes the bundled documents do not use.
  [
    '---',
    '做到“四个不摘”，即摘帽不摘责任、摘帽不摘政策、摘帽不摘帮扶、摘帽不摘监管。',
    '四个不摘',
    '摘帽不摘责任、摘帽不摘政策、摘帽不摘帮扶、摘帽不摘监管',
  ],
  ['---', '开展“消费扶贫”（购买贫困地区产品和服务）行动。', '消费扶贫', '购买贫困地区产品和服务'],
];

const NOT_TERMS: Array<[string, string, string]> = [
  ['000', '“其作始也简，其将毕也必巨。”脱贫攻坚越到最后越要加强和改善党的领导。', '其作始也简，其将毕也必巨。'],
  ['001', '要鼓励低风险地区的农民工尽快返岗复工，采取“点对点、一站式”直达运输服务。', '点对点、一站式'],
  ['000', '许多驻村工作队拉起来就是防“疫”队、战“疫”队。', '疫'],
  ['004', '推进脱贫攻坚，既要保证「打赢」的进度，也要保证「打好」的质量，还要保证「稳住」的要求。', '打赢'],
  [
    '002',
    '2月1日，《人民日报》以“中国减贫之路‘优质高效’——国际人士积极评价中国脱贫攻坚成就”为题，报道了这些评价。',
    '人民日报',
  ],
];

// Words that open with 即 or 指 right after a closing quote are no definition: 即将, 即便, 指导, 指出….
// [sentence, term]: the term is found, with no definition read from the word after it.
const NOT_DEFINED: Array<[string, string]> = [
  ['“十五五”即将开局，各地要抓紧编制好专项规划。', '十五五'],
  ['“一网通办”即便在偏远乡镇也已全面铺开。', '一网通办'],
  ['以“两个结合”指导基层理论宣讲，推动学习走深走实。', '两个结合'],
  ['“四下基层”指引着新时代群众工作的方向。', '四下基层'],
];

describe('extractTerms', () => {
  it.each(NOT_DEFINED)('%s: %s gets no definition from the word after it', (sentence, term) => {
    const t = extractTerms(sentence).find((x) => x.term === term);
    expect(t).toBeDefined();
    expect(t!.definition).toBeUndefined();
  });

  it.each(ROWS.filter((r) => r[0] !== '---'))('%s still contains the row sentence', (doc, s) => {
    expect(DOCS[doc].replace(/[「」]/g, '')).toContain(s.replace(/[「」]/g, '').slice(0, 30));
  });

  it.each(ROWS)('%s: %s → %s', (_doc, sentence, term, definition) => {
    const t = extractTerms(sentence).find((x) => x.term === term);
    expect(t).toBeDefined();
    expect(sentence.slice(t!.span.start, t!.span.end)).toBe(term);
    expect(t!.definition).toBe(definition);
    if (t!.definitionSpan && !definition!.includes('、')) {
      expect(sentence.slice(t!.definitionSpan.start, t!.definitionSpan.end)).toBe(definition);
    }
  });

  it.each(NOT_TERMS)('%s: %s has no term %s', (_doc, sentence, notTerm) => {
    expect(extractTerms(sentence).map((t) => t.term)).not.toContain(notTerm);
  });

  it('keeps one entry per term, counting occurrences; the first one with a definition wins', () => {
    const s =
      '“四个不摘”很重要。做到“四个不摘”，即摘帽不摘责任、摘帽不摘政策、摘帽不摘帮扶、摘帽不摘监管。“四个不摘”要落实。';
    const ts = extractTerms(s).filter((t) => t.term === '四个不摘');
    expect(ts).toHaveLength(1);
    expect(ts[0].count).toBe(3);
    expect(ts[0].definition).toContain('摘帽不摘监管');
  });

  it('keeps a two-character quote when it recurs or carries a number', () => {
    const s = '从“输血”到“造血”，从偏重“输血”向注重“造血”转变，熟悉“三农”工作，不是为了“好处”。';
    const terms = extractTerms(s).map((t) => t.term);
    expect(terms).toEqual(expect.arrayContaining(['输血', '造血', '三农']));
    expect(terms).not.toContain('好处');
  });
});

describe('the five documents', () => {
  const all = Object.fromEntries(Object.entries(DOCS).map(([k, t]) => [k, extractTerms(t)]));
  const has = (doc: string, term: string) => all[doc].some((t) => t.term === term);

  it('finds the headline terms, 五个一批 by name in 000 and in the traditional 004', () => {
    expect(has('000', '五个一批') && has('004', '五个一批')).toBe(true);
    expect(has('000', '三区三州') && has('002', '万企帮万村') && has('003', '两委')).toBe(true);
    expect(['000', '001', '002', '004'].every((d) => has(d, '两不愁三保障'))).toBe(true);
  });

  it('has no duplicates and every span holds its term', () => {
    for (const [doc, ts] of Object.entries(all)) {
      expect(new Set(ts.map((t) => t.term)).size).toBe(ts.length);
      for (const t of ts) expect(DOCS[doc].slice(t.span.start, t.span.end)).toBe(t.term);
    }
  });
});

// Quoted names of mechanisms and campaigns, used without a definition (issue 14, point 5); sentences
// written for this test in the style of policy documents.
describe('namedMechanismCloze', () => {
  const clozeOf = (sentence: string, term: string) => {
    const t = extractTerms(sentence).find((x) => x.term === term);
    expect(t, term).toBeDefined();
    return namedMechanismCloze(sentence, t!);
  };

  it.each([
    [
      'a reform named after the quote',
      '深化“放管服”改革，持续优化营商环境。',
      '放管服',
      '深化“____”改革，持续优化营商环境',
    ],
    [
      'a slogan reform',
      '各地推广“最多跑一次”改革经验，让群众办事更便捷。',
      '最多跑一次',
      '各地推广“____”改革经验，让群众办事更便捷',
    ],
    [
      'a campaign launched by a verb',
      '在全省组织实施“乡村工匠培育行动”，壮大乡村人才队伍。',
      '乡村工匠培育行动',
      '在全省组织实施“____”，壮大乡村人才队伍',
    ],
    [
      'a duty system named after the quote',
      '严格落实“谁主管谁负责”安全责任制。',
      '谁主管谁负责',
      '严格落实“____”安全责任制',
    ],
    [
      'a project by its head word',
      '依托“数字政务工程”，推进政务服务一网通办。',
      '数字政务工程',
      '依托“____”，推进政务服务一网通办',
    ],
  ])('%s: %s', (_label, sentence, term, prompt) => {
    expect(clozeOf(sentence, term)).toBe(prompt);
  });

  it.each([
    ['a quote that modifies another noun', '实施“一把手”能力素质提升专项培训计划。', '一把手'],
    ['a saying', '要发扬“钉钉子”的精神，一锤接着一锤敲。', '钉钉子'],
    ['a pejorative project', '坚决防止搞“形象工程”，把资金用在刀刃上。', '形象工程'],
    ['a counted formulation', '深入开展“四个意识”教育活动。', '四个意识'],
  ])('none for %s: %s', (_label, sentence, term) => {
    expect(clozeOf(sentence, term)).toBeUndefined();
  });
});
