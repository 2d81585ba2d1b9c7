// Formulation extraction on real sentences (copied from the normalized documents; the first test
// checks that each still stands there), negative rows, and a run over all five documents.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFormulations } from '../../../data/knowledge/formulations';
import { cleanMember, nameCount } from '../../../data/knowledge/lists';
import { normalizeDocument } from '../../../data/knowledge/normalize';
import type { RawFormulation } from '../../../data/knowledge/raw';

const DIR = join(import.meta.dirname, '../../../data/sources');
const DOCS: Record<string, string> = Object.fromEntries(
  readdirSync(DIR)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => [f.slice(0, 3), normalizeDocument(readFileSync(join(DIR, f), 'utf8')).text]),
);
const pick = (fs: RawFormulation[], via: RawFormulation['via']) => fs.filter((f) => f.via === via);

// [document, sentence, name, count, members]
const NAMED: Array<[string, string, string, number, string[]]> = [
  [
    '002',
    '必须坚持精准扶贫、精准脱贫，坚持扶持对象精准、项目安排精准、资金使用精准、措施到户精准、因村派人（第一书记）精准、脱贫成效精准等“六个精准”，解决好扶持谁、谁来扶、怎么扶、如何退问题，不搞大水漫灌。',
    '六个精准',
    6,
    ['扶持对象精准', '项目安排精准', '资金使用精准', '措施到户精准', '因村派人精准', '脱贫成效精准'],
  ],
  [
    '002',
    '脱贫攻坚的目标就是要做到“两个确保”：确保现行标准下的农村贫困人口全部脱贫，消除绝对贫困；确保贫困县全部摘帽，解决区域性整体贫困。',
    '两个确保',
    2,
    ['确保现行标准下的农村贫困人口全部脱贫，消除绝对贫困', '确保贫困县全部摘帽，解决区域性整体贫困'],
  ],
  [
    '003',
    '习近平早在《摆脱贫困》一书中就指出了脱贫攻坚战的作战手段，他提出扶志、扶智与扶贫的“三扶观”。',
    '三扶观',
    3,
    ['扶志', '扶智', '扶贫'],
  ],
  [
    '003',
    '对照对象、目标、内容、措施、考评等“五个精准”的要求，深入调查摸底，了解民之所盼。',
    '五个精准',
    5,
    ['对象', '目标', '内容', '措施', '考评'],
  ],
  [
    '001',
    '要坚决抓好外防输入、内防扩散两大环节，尽最大可能切断传染源，尽最大可能控制疫情波及范围。',
    '两大环节',
    2,
    ['外防输入', '内防扩散'],
  ],
];

// [document, sentence, members, pattern]
const PARALLEL: Array<[string, string, string[], string]> = [
  [
    '000',
    '可以考虑设个过渡期，过渡期内，要严格落实摘帽不摘责任、摘帽不摘政策、摘帽不摘帮扶、摘帽不摘监管的要求，主要政策措施不能急刹车，驻村工作队不能撤。',
    ['摘帽不摘责任', '摘帽不摘政策', '摘帽不摘帮扶', '摘帽不摘监管'],
    '摘帽不摘＿＿',
  ],
  [
    '000',
    '俗话说“扶上马送一程”，巩固脱贫已经取得的成果，各地要在“摘帽不摘责任、摘帽不摘政策、摘帽不摘帮扶、摘帽不摘监管”上下功夫，确保脱贫成效可持续。',
    ['摘帽不摘责任', '摘帽不摘政策', '摘帽不摘帮扶', '摘帽不摘监管'],
    '摘帽不摘＿＿',
  ],
  [
    '000',
    '长远看，东西部扶贫协作要立足国家区域发展总体战略，深化区域合作，推进东部产业向西部梯度转移，实现产业互补、人员互动、技术互学、观念互通、作风互鉴，共同发展。',
    ['产业互补', '人员互动', '技术互学', '观念互通', '作风互鉴'],
    '＿＿互＿',
  ],
  [
    '000',
    '形式主义、官僚主义屡禁不止，数字脱贫、虚假脱贫仍有发生，个别地区“一发了之”、“一股了之”、“一分了之”问题仍未得到有效解决，部分贫困群众发展的内生动力不足。',
    ['一发了之', '一股了之', '一分了之'],
    '一＿了之',
  ],
  [
    '001',
    '我们提出早发现、早报告、早隔离、早治疗的防控要求和集中患者、集中专家、集中资源、集中救治的救治要求，把提高收治率和治愈率、降低感染率和病亡率作为突出任务来抓。',
    ['早发现', '早报告', '早隔离', '早治疗'],
    '早＿＿',
  ],
  [
    '003',
    '（十三）健全留守儿童、留守妇女、留守老人和残疾人关爱服务体系。',
    ['留守儿童', '留守妇女', '留守老人'],
    '留守＿＿',
  ],
  // Three-character slogans: one shared character anywhere, or verb–object phrases that share none.
  [
    '001',
    '我们加大宣传舆论工作力度，统筹网上网下、国内国际、大事小事，营造强信心、暖人心、聚民心的环境氛围。',
    ['强信心', '暖人心', '聚民心'],
    '＿＿心',
  ],
  [
    '003',
    '扶贫开发贵在精准，重在精准，必须解决好扶持谁、谁来扶、怎么扶的问题，做到扶真贫、真扶贫、真脱贫，切实提高扶贫成果可持续性，让贫困人口有更多的获得感。',
    ['扶真贫', '真扶贫', '真脱贫'],
    '＿＿贫',
  ],
  [
    '003',
    '合理确定住房建设标准，完善搬迁后续扶持政策，确保搬迁对象有业可就、稳定脱贫，做到搬得出、稳得住、能致富。',
    ['搬得出', '稳得住', '能致富'],
    '＿＿＿',
  ],
  [
    '001',
    '在这次应对疫情中，暴露出我国在重大疫情防控体制机制、公共卫生应急管理体系等方面存在的明显短板，要总结经验、吸取教训，深入研究如何强化公共卫生法治保障、改革完善疾病预防控制体系、改革完善重大疫情防控救治体系、健全重大疾病医疗保险和救助制度、健全统一的应急物资保障体系等重大问题，抓紧补短板、堵漏洞、强弱项，提高应对突发重大公共卫生事件的能力和水平。',
    ['补短板', '堵漏洞', '强弱项'],
    '＿＿＿',
  ],
];

// [document, sentence, glossary name, members as the glossary has them]
const ATTESTED: Array<[string, string, string, string[]]> = [
  [
    '003',
    '到2024年，稳定实现农村贫困人口不愁吃、不愁穿，义务教育、基本医疗和住房安全有保障。',
    '两不愁三保障',
    ['不愁吃', '不愁穿', '义务教育有保障', '基本医疗有保障', '住房安全有保障'],
  ],
  [
    '003',
    '按照扶持对象精准、项目安排精准、资金使用精准、措施到户精准、因村派人精准、脱贫成效精准的要求，使建档立卡贫困人口中有5000万人左右通过产业扶持、转移就业、易地搬迁、教育支持、医疗救助等措施实现脱贫。',
    '六个精准',
    ['扶持对象精准', '项目安排精准', '资金使用精准', '措施到户精准', '因村派人精准', '脱贫成效精准'],
  ],
  [
    '002',
    '必须坚持精准扶贫、精准脱贫，坚持扶持对象精准、项目安排精准、资金使用精准、措施到户精准、因村派人（第一书记）精准、脱贫成效精准等“六个精准”，解决好扶持谁、谁来扶、怎么扶、如何退问题，不搞大水漫灌。',
    '精准扶贫四个问题',
    ['扶持谁', '谁来扶', '怎么扶', '如何退'],
  ],
];

// Sentences that must give no formulation at all.
const NONE: Array<[string, string]> = [
  [
    '000',
    '刚才，怒江州、和田地区、兰考县、大化县、赫章县的5位同志作了发言，讲得都很好，各省区市的书面材料我也都看了。',
  ],
  ['002', '下面，我讲点意见，讲3个问题。'],
  [
    '001',
    '1月7日，我主持召开中央政治局常委会会议时，就对做好疫情防控工作提出了要求。1月20日，我专门就疫情防控工作作出指示。',
  ],
  ['000', '特色产业不断壮大，产业扶贫、电商扶贫、光伏扶贫、旅游扶贫等较快发展，贫困地区经济活力和发展后劲明显增强。'],
  [
    '003',
    '全面贯彻落实党的十八大和十八届二中、三中、四中、五中全会精神，以邓小平理论、“三个代表”重要思想、科学发展观为指导。',
  ],
  [
    '003',
    '加强贫困乡镇领导班子建设，有针对性地选配政治素质高、工作能力强、熟悉“三农”工作的干部担任贫困乡镇党政主要领导。',
  ],
  ['001', '一些地方财政受疫情影响较大，要加大转移支付力度，确保基层保工资、保运转、保基本民生。'],
  [
    '002',
    '党的十八大以来，党中央从全面建成小康社会要求出发，把扶贫开发工作纳入“五位一体”总体布局、“四个全面”战略布局，作为实现第一个百年奋斗目标的重点任务。',
  ],
  ['001', '一、关于前一段疫情防控工作\n二、关于当前加强疫情防控重点工作'],
  // Three-character lists that are not slogans: place names, word-forming suffixes, a list the pattern would cut short.
  [
    '002',
    '党的十八大以后，我先后在延安、贵阳、银川、太原召开部分省区市党委书记座谈会，根据脱贫攻坚进展情况，分阶段、分专题研究部署脱贫攻坚工作。',
  ],
  [
    '003',
    '集中整顿软弱涣散村党组织，提高贫困村党组织的创造力、凝聚力、战斗力，发挥好工会、共青团、妇联等群团组织的作用。',
  ],
  ['003', '各级党委和政府必须把扶贫开发工作作为重大政治任务来抓，切实增强责任感、使命感、紧迫感。'],
  ['003', '注重选派思想好、作风正、能力强的优秀年轻干部到贫困地区驻村，选聘高校毕业生到贫困村工作。'],
  ['000', '还要有智慧、有方法、有技术、会创新。'],
];

describe('test sentences', () => {
  it.each([...NAMED, ...PARALLEL, ...ATTESTED, ...NONE].map((r) => [r[0], r[1]]))('%s still contains %s', (doc, s) => {
    // Rows are shortened at sentence ends only, so each sentence (up to its last clause) stands in the document.
    const head = s
      .split('\n')[0]
      .replace(/[。].*$/, '')
      .slice(0, 40);
    expect(DOCS[doc]).toContain(head);
  });
});

describe('extractFormulations', () => {
  it.each(NAMED)('%s: %s → %s', (_doc, sentence, name, count, members) => {
    const f = pick(extractFormulations(sentence), 'named').find((x) => x.name === name);
    expect(f).toBeDefined();
    expect(f!.count).toBe(count);
    expect(f!.members).toEqual(members);
    expect(sentence.slice(f!.nameSpan!.start, f!.nameSpan!.end)).toBe(name);
    f!.memberSpans.forEach((s, i) => expect(cleanMember(sentence.slice(s.start, s.end))).toBe(members[i]));
  });

  it.each(PARALLEL)('%s: unnamed parallel series in %s', (_doc, sentence, members, pattern) => {
    const f = pick(extractFormulations(sentence), 'parallel');
    expect(f.map((x) => x.members)).toContainEqual(members);
    const hit = f.find((x) => x.members.join() === members.join())!;
    expect(hit.name).toBeUndefined();
    expect(hit.pattern).toBe(pattern);
    hit.memberSpans.forEach((s, i) => expect(sentence.slice(s.start, s.end)).toBe(members[i]));
  });

  it('finds a section title as the heading of a 第一…第六 series (000)', () => {
    const f = pick(extractFormulations(DOCS['000']), 'series').find(
      (x) => x.members[0] === '脱贫攻坚目标任务接近完成',
    )!;
    expect(f.members).toHaveLength(6);
    expect(f.heading).toBe('一、我国脱贫攻坚取得决定性成就');
  });

  it('gives a parallel series the words that lead into it', () => {
    const [f] = pick(extractFormulations(PARALLEL[2][1]), 'parallel');
    expect(f.lead).toBe('推进东部产业向西部梯度转移，实现');
    const [kids] = pick(extractFormulations(PARALLEL[5][1]), 'parallel');
    expect(kids.lead).toBe('健全'); // not "十三）健全"
  });

  it('names an unnamed list from the glossary: 四个不摘', () => {
    const [f] = pick(extractFormulations(PARALLEL[0][1]), 'parallel');
    expect(f.glossaryName).toBe('四个不摘');
  });

  it.each(ATTESTED)('%s: glossary list stated without its name in %s → %s', (_doc, sentence, name, members) => {
    const f = extractFormulations(sentence).find((x) => x.glossaryName === name);
    expect(f).toBeDefined();
    expect(f!.members).toEqual(members);
    // Each span holds the member, or its head when a shared predicate is stated once (义务教育…有保障).
    f!.memberSpans.forEach((s, i) => expect(members[i].startsWith(sentence.slice(s.start, s.end))).toBe(true));
  });

  it.each(NONE)('%s: nothing in %s', (_doc, sentence) => {
    expect(extractFormulations(sentence)).toEqual([]);
  });

  it('drops a list whose length disagrees with the count in its name (constructed sentence)', () => {
    expect(extractFormulations('坚持扶持对象精准、项目安排精准、资金使用精准等“六个精准”。')).toEqual([]);
  });

  it('reads a name that opens its list with 即 (constructed sentence)', () => {
    const [f] = extractFormulations(
      '做到“四个不摘”，即摘帽不摘责任、摘帽不摘政策、摘帽不摘帮扶、摘帽不摘监管。',
    ).filter((x) => x.via === 'named');
    expect(f.name).toBe('四个不摘');
    expect(f.members).toEqual(['摘帽不摘责任', '摘帽不摘政策', '摘帽不摘帮扶', '摘帽不摘监管']);
  });

  it('keeps 一是…三是 series ordered, with the heading that counts them', () => {
    const s = '何为精准扶贫？精准扶贫主要包括三个内容，一是精准识别；二是精准帮扶；三是精准管理。';
    const [f] = pick(extractFormulations(s), 'series');
    expect(f).toMatchObject({
      members: ['精准识别', '精准帮扶', '精准管理'],
      ordered: true,
      count: 3,
      heading: '精准扶贫主要包括三个内容',
    });
    expect(f.name).toBeUndefined(); // "三个内容" names nothing
  });
});

describe('the five documents', () => {
  const all = Object.fromEntries(Object.entries(DOCS).map(([k, t]) => [k, extractFormulations(t)]));

  it('finds 六个精准 with its six members (named in 002, unnamed in 003)', () => {
    const named = all['002'].find((f) => f.name === '六个精准')!;
    expect(named.members).toHaveLength(6);
    expect(all['003'].some((f) => f.glossaryName === '六个精准' && f.members.length === 6)).toBe(true);
  });

  it('finds 两个确保 in 002', () => {
    expect(all['002'].find((f) => f.name === '两个确保')?.members).toHaveLength(2);
  });

  it('finds 四个不摘 unnamed, with four members, in 000 and 001', () => {
    for (const [doc, times] of [
      ['000', 3],
      ['001', 1],
    ] as const) {
      const f = all[doc].filter((x) => x.glossaryName === '四个不摘');
      expect(f).toHaveLength(times); // 000: the speech, its excerpt and a commentary
      expect(f.every((x) => x.name === undefined && x.members.length === 4)).toBe(true);
    }
  });

  it('finds the members of 两不愁三保障 in 003 (and not also its halves)', () => {
    const f = all['003'].filter((x) => x.glossaryName === '两不愁三保障');
    expect(f.length).toBeGreaterThan(0);
    expect(f[0].members).toEqual(['不愁吃', '不愁穿', '义务教育有保障', '基本医疗有保障', '住房安全有保障']);
    expect(all['003'].some((x) => x.glossaryName === '两不愁' || x.glossaryName === '三保障')).toBe(false);
  });

  it('names a series only from its heading: 004 三个重点, 002 讲3个问题 (count, no name)', () => {
    expect(all['004'].find((f) => f.name === '三个重点')?.members).toHaveLength(3);
    const talk = all['002'].find((f) => f.heading?.includes('讲3个问题'))!;
    expect(talk).toMatchObject({ count: 3, ordered: true, via: 'series' });
    expect(talk.name).toBeUndefined();
  });

  it('keeps every count equal to the members and every span inside the text', () => {
    for (const [doc, fs] of Object.entries(all)) {
      for (const f of fs) {
        if (f.count !== undefined) expect(f.count).toBe(f.members.length);
        if (f.name && f.via === 'named') expect(nameCount(f.name)).toBe(f.members.length);
        expect(f.memberSpans).toHaveLength(f.members.length);
        for (const s of f.memberSpans)
          expect(s.start >= f.span.start && s.end <= f.span.end && s.end <= DOCS[doc].length).toBe(true);
      }
    }
  });
});
