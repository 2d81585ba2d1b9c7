// Series found by their frame (data/knowledge/cued.ts through extractFormulations), a table per way
// of finding them, its rows by construction. Every sentence is written for this test in the style of
// policy documents; none is copied from a real one. Negative rows: ordinary enumerations, places,
// bodies, ordinals.
import { describe, expect, it } from 'vitest';
import { extractFormulations } from '@/data/knowledge/formulations';
import { formulationCards, joinMembers } from '@/data/knowledge/cards';
import type { RawFormulation } from '@/data/knowledge/raw';
import type { Note } from '@/data/knowledge/types';

const withMembers = (s: string, members: string[]) =>
  extractFormulations(s).find((f) => f.members.join('|') === members.join('|'));
const spansHold = (s: string, f: RawFormulation) =>
  f.memberSpans.every((sp, i) => s.slice(sp.start, sp.end) === f.members[i]);

// Series whose members stand in the sentence: [construction, sentence, members, name the set gets (none if left out)].
// First, series after a cue, with a shared head or prefix, two members.
const SERIES: Array<[string, string, string[], string?]> = [
  [
    'cue 做到, nothing shared',
    '要教育引导广大干部做到对党忠诚、个人干净、敢于担当，在新征程上建功立业。',
    ['对党忠诚', '个人干净', '敢于担当'],
  ],
  // The last item joins with 和 and ends as the others do: one of them (four of five would be a wrong count).
  [
    'cue 实现, the last item after 和',
    '到2035年实现我国经济实力、科技实力、国防实力、综合国力和国际影响力大幅跃升。',
    ['经济实力', '科技实力', '国防实力', '综合国力', '国际影响力'],
  ],
  // One joined by 和 that ends otherwise is not.
  [
    'cue 学习, 和 before another kind',
    '引导党员学习党史、新中国史、改革开放史、社会主义发展史和中华优秀传统文化，铭记奋斗历程。',
    ['党史', '新中国史', '改革开放史', '社会主义发展史'],
  ],
  [
    'cue 构建, tail …体系',
    '全面加强基层治理，构建党委领导、政府负责、民主协商、社会协同、公众参与的社会治理体系。',
    ['党委领导', '政府负责', '民主协商', '社会协同', '公众参与'],
  ],
  [
    'cue 建设一支, tail …队伍',
    '各级党组织要着力建设一支信念坚定、为民服务、勤政务实、敢于担当、清正廉洁的干部队伍。',
    ['信念坚定', '为民服务', '勤政务实', '敢于担当', '清正廉洁'],
  ],
  [
    'cue 形成, tail …氛围',
    '在全社会形成崇尚科学、尊重知识、鼓励创新的浓厚氛围。',
    ['崇尚科学', '尊重知识', '鼓励创新'],
  ],
  [
    'cue 发挥 with its subject, tail 的作用',
    '要更好发挥改革稳大局、促发展、惠民生的作用。',
    ['稳大局', '促发展', '惠民生'],
  ],
  [
    'shared head 史, lengths differ',
    '组织党员干部深入学习党史、新中国史、改革开放史、社会主义发展史，筑牢信仰之基。',
    ['党史', '新中国史', '改革开放史', '社会主义发展史'],
  ],
  [
    'shared prefix 忠于, lengths differ',
    '努力造就一支忠于党、忠于国家、忠于人民、忠于宪法法律的执法队伍。',
    ['忠于党', '忠于国家', '忠于人民', '忠于宪法法律'],
  ],
  [
    'shared head 意识',
    '全体党员要牢固树立政治意识、大局意识、核心意识、看齐意识。',
    ['政治意识', '大局意识', '核心意识', '看齐意识'],
  ],
  [
    'two-character run with a shared head',
    '始终保持自尊、自信、自立、自强的精神状态。',
    ['自尊', '自信', '自立', '自强'],
  ],
  ['three two-character items closed by 的…精神', '激励各族人民弘扬自信、自立、自强的精神。', ['自信', '自立', '自强']],
  [
    'shared 更加, first item after its subject, tail …局面',
    '推动形成各方面制度更加成熟、各方面工作更加协调、人民群众获得感更加充实的良好局面。',
    ['各方面制度更加成熟', '各方面工作更加协调', '人民群众获得感更加充实'],
  ],
  [
    '体系 ×5 with a final 和 and a trailing 建设',
    '统筹推进规划编制体系、政策支撑体系、项目实施体系、监测评估体系和考核督查体系建设。',
    ['规划编制体系', '政策支撑体系', '项目实施体系', '监测评估体系', '考核督查体系'],
  ],
  [
    '共同推进 closes the list',
    '坚持科学决策、民主决策、依法决策共同推进，不断提高决策水平。',
    ['科学决策', '民主决策', '依法决策'],
  ],
  ['two members: 稳…', '要坚持稳字当头、稳中求进，保持经济运行在合理区间。', ['稳字当头', '稳中求进']],
  ['two members: …导向', '坚持问题导向、目标导向，以钉钉子精神抓好落实。', ['问题导向', '目标导向']],
  [
    'two members: …者多得',
    '健全收入分配制度，实现多劳者多得、技高者多得，激发创造活力。',
    ['多劳者多得', '技高者多得'],
  ],
  [
    'first item after its modifier 的, not cut inside it',
    '十年来，全省建成覆盖最广的教育体系、社会保障体系、医疗卫生体系，群众满意度持续提高。',
    ['教育体系', '社会保障体系', '医疗卫生体系'],
  ],
  [
    'a 的 inside the first item after a cue stays',
    '要加强党的领导、政府负责、社会协同，形成工作合力。',
    ['党的领导', '政府负责', '社会协同'],
  ],
  // A run the clause goes on after: the last item is bounded by the shared suffix, or by the predicate that follows.
  [
    'run-on: shared head 稳, a predicate follows',
    '当前外部环境更趋复杂，稳外贸、稳外资、稳预期面临新的压力。',
    ['稳外贸', '稳外资', '稳预期'],
  ],
  [
    'run-on: shared suffix 化 bounds the last item',
    '加快推动制造业向数字化、网络化、智能化方向转型。',
    ['数字化', '网络化', '智能化'],
  ],
  [
    'shared suffix 化, whole clause',
    '推进基层协商民主制度化、规范化、程序化全面发展。',
    ['制度化', '规范化', '程序化'],
  ],
  [
    'shared suffix 性 is a slogan, not a kind',
    '要充分调动广大干部的积极性、主动性、创造性。',
    ['积极性', '主动性', '创造性'],
  ],
  // Framed parallel clauses (a name only where the frame and the count give one).
  [
    '必须… ×3, named by frame and count',
    '推进新时代党的建设，必须坚持党要管党，必须坚持全面从严治党，必须坚持以党的政治建设为统领。',
    ['必须坚持党要管党', '必须坚持全面从严治党', '必须坚持以党的政治建设为统领'],
    '三个必须',
  ],
  [
    '讲清楚… ×3 after a lead-in 要',
    '要讲清楚改革开放是决定当代中国命运的关键一招，讲清楚创新是引领发展的第一动力，讲清楚人民是推动历史前进的根本力量。',
    [
      '讲清楚改革开放是决定当代中国命运的关键一招',
      '讲清楚创新是引领发展的第一动力',
      '讲清楚人民是推动历史前进的根本力量',
    ],
    '三个讲清楚',
  ],
  [
    '必须…，决不允许…； in units',
    '严明组织纪律，必须服从组织安排，决不允许讨价还价；必须如实报告个人事项，决不允许隐瞒不报；必须执行民主集中制，决不允许个人说了算。',
    ['必须服从组织安排', '必须如实报告个人事项', '必须执行民主集中制'],
    '三个必须',
  ],
  [
    '聚焦… ×4 after a lead-in 要, named by frame and count',
    '要聚焦健全城乡融合发展体制，聚焦完善基层民主协商制度，聚焦繁荣社区文化事业，聚焦提高居民生活品质，继续把改革推向前进。',
    ['聚焦健全城乡融合发展体制', '聚焦完善基层民主协商制度', '聚焦繁荣社区文化事业', '聚焦提高居民生活品质'],
    '四个聚焦',
  ],
  [
    '聚焦… ×3 in units after ；',
    '推进县域治理，聚焦补齐公共服务短板；聚焦壮大特色优势产业；聚焦提升基层干部本领。',
    ['聚焦补齐公共服务短板', '聚焦壮大特色优势产业', '聚焦提升基层干部本领'],
    '三个聚焦',
  ],
  [
    // Unnamed: 四个坚持 is 四项基本原则's name; these four are asked by their lead.
    '坚持… ×4 in units, the first after a subject and its 必须; not named 四个坚持',
    '会议强调，新时期乡村振兴必须坚持农业农村优先发展，把资源要素向农村倾斜；坚持农民主体地位，尊重农民意愿；坚持城乡融合发展，畅通要素流动；坚持绿色发展，守住生态底线。',
    ['坚持农业农村优先发展', '坚持农民主体地位', '坚持城乡融合发展', '坚持绿色发展'],
    undefined,
  ],
  [
    '必须增强… ×4 in units, the first after its subject (the frame is the modal)',
    '在推进改革发展稳定工作中，各级干部特别是领导干部必须增强进取之心，敢于担当，用实绩诠释初心；必须增强敬畏之心，守住底线；必须增强公仆之心，心系群众；必须增强学习之心，增长本领。',
    ['必须增强进取之心', '必须增强敬畏之心', '必须增强公仆之心', '必须增强学习之心'],
    '四个必须',
  ],
  [
    '坚持… ×5 in units: a made name no other list holds',
    '做好明年工作，必须坚持稳字当头，稳住基本盘；坚持改革开放，激发新活力；坚持创新驱动，培育新动能；坚持民生为本，办好实事；坚持底线思维，防范风险。',
    ['坚持稳字当头', '坚持改革开放', '坚持创新驱动', '坚持民生为本', '坚持底线思维'],
    '五个坚持',
  ],
  [
    '坚持… ×3 in units; the 要坚持 of the sentence before is not their first',
    '会议指出，今年工作要坚持稳中求进，加强统筹协调。要坚持内需主导，扩大有效投资；坚持创新驱动，培育新动能；坚持改革攻坚，激发市场活力。',
    ['坚持内需主导', '坚持创新驱动', '坚持改革攻坚'],
    '三个坚持',
  ],
  [
    '使…更加… (one-character frame, shared word)',
    '推动改革发展成果惠及全体人民，使发展基础更加牢固，使民生保障更加有力，使社会治理更加有效。',
    ['使发展基础更加牢固', '使民生保障更加有力', '使社会治理更加有效'],
    undefined,
  ],
  [
    '由A向B转变 ×4, the first after its lead-in',
    '推动发展方式由规模速度型向质量效率型转变，由要素驱动向创新驱动转变，由粗放增长向集约增长转变，由分散布局向集聚布局转变。',
    [
      '由规模速度型向质量效率型转变',
      '由要素驱动向创新驱动转变',
      '由粗放增长向集约增长转变',
      '由分散布局向集聚布局转变',
    ],
    undefined,
  ],
  [
    'short clauses all carrying one word',
    '要强化法治观念，提升法治素养，运用法治思维，依靠法治方式，化解矛盾纠纷。',
    ['强化法治观念', '提升法治素养', '运用法治思维', '依靠法治方式'],
    undefined,
  ],
  [
    'one word in every clause, after a topic and its 目的是',
    '加强党的思想建设，目的是坚定思想信念，统一思想认识，提升思想境界，纯洁思想作风。',
    ['坚定思想信念', '统一思想认识', '提升思想境界', '纯洁思想作风'],
    undefined,
  ],
  [
    'sentence leads cast in one mould, another sentence between',
    '形成不敢腐的震慑，持续保持高压态势。其间要注意方式方法。扎牢不能腐的笼子，健全监督体系。筑牢不想腐的堤坝，加强廉洁文化建设。',
    ['形成不敢腐的震慑', '扎牢不能腐的笼子', '筑牢不想腐的堤坝'],
    undefined,
  ],
  [
    'a long frame ending in 的 leads, the rest are members',
    '增强基层党组织的政治功能，发挥战斗堡垒作用。增强基层党组织的组织功能，扩大覆盖面。增强基层党组织的服务功能，密切联系群众。',
    ['政治功能', '组织功能', '服务功能'],
    undefined,
  ],
];

// [construction, sentence, name or heading, members]
const NAMED_AHEAD: Array<[string, string, string, string[]]> = [
  [
    'count name, members end alike in the units that follow',
    '我们深刻认识到“五个必由之路”：坚持党的全面领导是坚持和发展中国特色社会主义的必由之路；坚持中国特色社会主义是实现中华民族伟大复兴的必由之路；团结奋斗是中国人民创造历史伟业的必由之路；贯彻新发展理念是新时代我国发展壮大的必由之路；全面从严治党是党永葆生机活力、走好新的赶考之路的必由之路。',
    '五个必由之路',
    [
      '坚持党的全面领导是坚持和发展中国特色社会主义的必由之路',
      '坚持中国特色社会主义是实现中华民族伟大复兴的必由之路',
      '团结奋斗是中国人民创造历史伟业的必由之路',
      '贯彻新发展理念是新时代我国发展壮大的必由之路',
      '全面从严治党是党永葆生机活力、走好新的赶考之路的必由之路',
    ],
  ],
  [
    'count name, the list in the next sentence',
    '全面落实“三项制度”。坚持民主集中制、请示报告制度和谈心谈话制度，不断提高组织生活质量。',
    '三项制度',
    ['民主集中制', '请示报告制度', '谈心谈话制度'],
  ],
  [
    'bare count name, a colon, its members',
    '全面落实四个坚持：坚持党的领导、坚持人民至上、坚持依法行政、坚持改革创新。',
    '四个坚持',
    ['坚持党的领导', '坚持人民至上', '坚持依法行政', '坚持改革创新'],
  ],
  [
    'bare count name with a word after it',
    '着力推进三个体系建设：健全现代产业体系、完善公共服务体系、构建基层治理体系。',
    '三个体系建设',
    ['健全现代产业体系', '完善公共服务体系', '构建基层治理体系'],
  ],
  [
    'count name before framed clauses',
    '坚持“三个必须”，必须把纪律挺在前面，决不允许搞特殊；必须把责任扛在肩上，决不允许推诿扯皮；必须把群众放在心中，决不允许与民争利。',
    '三个必须',
    ['必须把纪律挺在前面', '必须把责任扛在肩上', '必须把群众放在心中'],
  ],
];

// Sentences from which the frame extractors must take nothing.
const NONE: Array<[string, string]> = [
  ['places closed by 等', '会议期间，代表们先后赴杭州、宁波、温州、嘉兴、湖州等地考察调研。'],
  ['cities', '调研组先后走访了杭州市、宁波市、温州市和嘉兴市，听取意见建议。'],
  ['departments', '由发展改革委、财政部、人力资源社会保障部、农业农村部按职责分工负责。'],
  ['bodies sharing a head', '中央和地方各级人大机关、行政机关、监察机关、审判机关、检察机关都要接受监督。'],
  ['places sharing a head, even after a cue', '加强对革命老区、民族地区、边疆地区、欠发达地区的支持。'],
  ['kinds in running prose', '今年以来，全省新建学校、医院、养老院和文化活动中心一批。'],
  ['kinds of aid closed by 等', '加快发展特色种植、特色养殖、乡村旅游、农村电商等产业。'],
  ['three-character words with a word-forming suffix', '着力提高村级组织的号召力、执行力、公信力。'],
  ['ordinals', '党的十九届二中、三中、四中全会相继召开，作出一系列重大部署。'],
  ['ordinal places', '获得第一、第二、第三名的代表队受到表彰。'],
  ['two items sharing nothing', '要加强领导、统筹协调，确保各项任务落地见效。'],
  ['a pronoun is no frame', '我们看到了成绩，我们也看到了不足，我们更看到了希望。'],
  [
    'a count name whose members are elsewhere',
    '深入学习领会“两个确立”的决定性意义。会议听取了关于城市更新、老旧小区改造的汇报。',
  ],
  ['kinds of power the clause runs on after', '要健全立法权、执法权、司法权运行机制，加强权力监督。'],
  ['kinds ending in 性 closed by 等', '引导政策性、开发性、商业性、合作性等各类金融机构加大投入。'],
  ['a shared head that does not bound the last item, no predicate after', '各地要稳就业、稳物价、稳定群众生活预期。'],
  ['a salutation opening a speech', '各位代表、各位委员、各位来宾：\n现在，我代表省人民政府作工作报告。'],
  ['a salutation after a speech title', '在全省青年工作会议上的讲话\n各位领导、各位同事、各位朋友：\n大家好！'],
  [
    'figures ending alike are figure cards',
    '通过产业扶持，可以解决3000万人就业；通过技能培训，可以解决1000万人就业；通过公益岗位，可以解决500万人就业。',
  ],
];

describe('series after a cue, with a shared head or prefix, two members, and framed parallel clauses', () => {
  it.each(SERIES)('%s: %s', (_kind, sentence, members, name) => {
    const f = withMembers(sentence, members);
    expect(f, JSON.stringify(extractFormulations(sentence).map((x) => x.members))).toBeDefined();
    expect(spansHold(sentence, f!)).toBe(true);
    expect(f!.name).toBe(name);
    if (name) expect(f!.count).toBe(members.length);
  });
});

describe('a count whose members follow', () => {
  it.each(NAMED_AHEAD)('%s: %s', (_kind, sentence, name, members) => {
    const f = extractFormulations(sentence).find((x) => x.name === name);
    expect(f, JSON.stringify(extractFormulations(sentence))).toBeDefined();
    expect(f!.members).toEqual(members);
    expect(f!.count).toBe(members.length);
    expect(sentence.slice(f!.nameSpan!.start, f!.nameSpan!.end)).toBe(name);
    expect(spansHold(sentence, f!)).toBe(true);
  });

  it('names a 一是…三是 series by the count before it in the same sentence ("三件大事")', () => {
    const s =
      '五年来，我们办成了关系全局的三件大事：一是建成全域高速公路网，二是实现城乡供水一体化，三是完成全部棚户区改造。';
    const f = extractFormulations(s).find((x) => x.via === 'series')!;
    expect(f.name).toBe('三件大事');
    expect(f.count).toBe(3);
    expect(f.members).toEqual(['建成全域高速公路网', '实现城乡供水一体化', '完成全部棚户区改造']);
  });

  it('takes 一要…五要 after commas as it takes 一是…五是', () => {
    const s = '明年要重点抓好五个方面工作：一要稳就业，二要稳企业，三要稳市场，四要稳预期，五要稳物价。';
    const f = extractFormulations(s).find((x) => x.via === 'series')!;
    expect(f.members).toEqual(['稳就业', '稳企业', '稳市场', '稳预期', '稳物价']);
    expect(f.ordered).toBe(true);
  });

  it('a 一件 count is no name', () => {
    const s = '这里要讲一件事：一是统一思想，二是落实责任。';
    expect(extractFormulations(s).find((x) => x.via === 'series')?.name).toBeUndefined();
  });

  it('reads "提出了3点要求，即：" as a heading that counts, not a name', () => {
    const s = '会议对全体党员提出了3点要求，即：坚定理想信念、严守纪律规矩、勇于担当作为。';
    const f = extractFormulations(s).find((x) => x.count === 3)!;
    expect(f.name).toBeUndefined();
    expect(f.members).toEqual(['坚定理想信念', '严守纪律规矩', '勇于担当作为']);
    expect(f.heading).toContain('提出了3点要求');
  });
});

describe('what is not a series', () => {
  it.each(NONE)('%s: nothing in %s', (_kind, sentence) => {
    expect(extractFormulations(sentence).map((f) => f.members)).toEqual([]);
  });
});

const note = (members: string[], name?: string): Note => ({
  id: 'formulation:t',
  kind: 'formulation',
  name: name ?? members.join('、'),
  members,
  ordered: false,
  evidence: [{ source: 's', quote: members.join('、') }],
  importance: 0.5,
});

describe('cards for these series', () => {
  it('asks a list closed by a tail with the tail in the prompt', () => {
    const [list] = formulationCards(note(['党委领导', '政府负责', '公众参与']), [{ ev: { source: 's', quote: '' } }], {
      cue: { lead: '构建', tail: '的社会治理体系', source: 's' },
    });
    expect(list.prompt).toBe('填写这组并列提法（共3项）：构建党____、政____、公____的社会治理体系');
    expect(list.answer).toBe('党委领导、政府负责、公众参与');
  });

  it('asks each item with the tail too, under the id its card had without it (progress carries over)', () => {
    const members = ['党委领导', '政府负责', '公众参与'];
    const cards = (tail?: string) =>
      formulationCards(note(members), [{ ev: { source: 's', quote: '' } }], {
        cue: { lead: '构建', ...(tail ? { tail } : {}), source: 's' },
      }).filter((c) => c.kind === 'formulation-cloze');
    const [withTail, without] = [cards('的社会治理体系'), cards()];
    expect(withTail.map((c) => c.prompt)).toContain('构建党委领导、____、公众参与的社会治理体系');
    expect(without.map((c) => c.prompt)).toContain('构建党委领导、____、公众参与');
    expect(withTail.map((c) => c.id)).toEqual(without.map((c) => c.id));
  });

  it('sets clauses that hold a 、 apart with ；', () => {
    expect(joinMembers(['坚持甲、乙有机统一', '坚持丙、丁共同推进'])).toBe('坚持甲、乙有机统一；坚持丙、丁共同推进');
    expect(joinMembers(['政治意识', '大局意识'])).toBe('政治意识、大局意识');
  });

  it('names a framed set by count and asks for it', () => {
    const cards = formulationCards(
      note(['必须坚持党要管党', '必须坚持全面从严治党', '必须坚持以党的政治建设为统领'], '三个必须'),
      [{ ev: { source: 's', quote: '' } }],
    );
    expect(cards.find((c) => c.kind === 'formulation-list')?.prompt).toBe('“三个必须”指哪三个？');
  });
});

describe('members', () => {
  it('drops the 要 every member opens with', () => {
    const s = '会议对全体党员提出了3点要求，即：要坚定理想信念、要严守纪律规矩、要勇于担当作为。';
    const f = extractFormulations(s).find((x) => x.count === 3)!;
    expect(f.members).toEqual(['坚定理想信念', '严守纪律规矩', '勇于担当作为']);
    expect(spansHold(s, f)).toBe(true);
  });
});
