// The field's standard formulations, curated by hand. The deck uses an entry to name a list that a
// document gives without its name (四个不摘), to list members a document only names (五个一批), and to
// recognise a formulation under its traditional spelling. Only facts we are sure of: a wrong member is
// worse than a missing one. `origin` says where a member list comes from when no bundled document
// lists it; traditional aliases are checked against OpenCC (cn→tw, cn→hk) in tests/data/glossary.test.ts.
import type { GlossaryEntry } from './knowledge/raw';

export const GLOSSARY: GlossaryEntry[] = [
  {
    name: '六个精准',
    aliases: ['六個精準'],
    members: ['扶持对象精准', '项目安排精准', '资金使用精准', '措施到户精准', '因村派人精准', '脱贫成效精准'],
    ordered: true,
    note: '精准扶贫的基本要求；因村派人精准指精准选派第一书记和驻村工作队。《中共中央 国务院关于打赢脱贫攻坚战的决定》(2015) 与习近平2018年2月12日打好精准脱贫攻坚战座谈会讲话均列出。',
  },
  {
    name: '五个一批',
    aliases: ['五個一批', '五个一批工程', '五個一批工程'],
    members: ['发展生产脱贫一批', '易地搬迁脱贫一批', '生态补偿脱贫一批', '发展教育脱贫一批', '社会保障兜底一批'],
    ordered: true,
    note: '解决“怎么扶”的问题。',
    origin: '习近平总书记2015年11月27日在中央扶贫开发工作会议上的讲话（实施“五个一批”工程）；所附文件只提名称，未列内容。',
  },
  {
    name: '四个不摘',
    aliases: ['四個不摘'],
    members: ['摘帽不摘责任', '摘帽不摘政策', '摘帽不摘帮扶', '摘帽不摘监管'],
    ordered: true,
    note: '贫困县脱贫摘帽后的要求。',
    origin: '名称与要求见习近平总书记2019年4月16日在解决“两不愁三保障”突出问题座谈会上的讲话；所附文件列出内容而未用此名。',
  },
  {
    name: '两不愁三保障',
    aliases: ['兩不愁三保障'],
    members: ['不愁吃', '不愁穿', '义务教育有保障', '基本医疗有保障', '住房安全有保障'],
    ordered: true,
    note: '农村贫困人口脱贫的基本标准；《决定》(2015) 表述为“不愁吃、不愁穿，义务教育、基本医疗和住房安全有保障”。',
  },
  { name: '两不愁', aliases: ['兩不愁'], members: ['不愁吃', '不愁穿'], note: '“两不愁三保障”的前一半。' },
  {
    name: '三保障',
    aliases: [],
    members: ['义务教育有保障', '基本医疗有保障', '住房安全有保障'],
    note: '“两不愁三保障”的后一半。',
  },
  {
    name: '两个确保',
    aliases: ['兩個確保'],
    members: ['确保现行标准下的农村贫困人口全部脱贫，消除绝对贫困', '确保贫困县全部摘帽，解决区域性整体贫困'],
    ordered: true,
    note: '脱贫攻坚的目标（习近平2018年2月12日打好精准脱贫攻坚战座谈会讲话）。',
  },
  {
    name: '三区三州',
    aliases: ['三區三州'],
    members: ['西藏', '四省藏区', '新疆南疆四地州', '四川凉山州', '云南怒江州', '甘肃临夏州'],
    note: '深度贫困地区。四省藏区：青海、四川、甘肃、云南四省藏区；南疆四地州：和田地区、阿克苏地区、喀什地区、克孜勒苏柯尔克孜自治州。《决定》(2015) 已列前“三区”。',
    origin: '习近平总书记2017年6月23日在深度贫困地区脱贫攻坚座谈会（太原）上的讲话。',
  },
  {
    name: '四个全面',
    aliases: ['四個全面', '四个全面战略布局', '四個全面戰略佈局'],
    members: ['全面建成小康社会', '全面深化改革', '全面依法治国', '全面从严治党'],
    note: '所附文件写作时的表述；党的十九届五中全会（2020年10月）后第一项表述为“全面建设社会主义现代化国家”。',
    origin: '党的十八大以来党中央确立的战略布局（标准表述）。',
  },
  {
    name: '五位一体',
    aliases: ['五位一體', '五位一体总体布局', '五位一體總體佈局'],
    members: ['经济建设', '政治建设', '文化建设', '社会建设', '生态文明建设'],
    origin: '党的十八大报告（2012年）。',
  },
  {
    name: '三大攻坚战',
    aliases: ['三大攻堅戰'],
    members: ['防范化解重大风险', '精准脱贫', '污染防治'],
    origin: '党的十九大报告（2017年）。',
  },
  {
    name: '四个意识',
    aliases: ['四個意識'],
    members: ['政治意识', '大局意识', '核心意识', '看齐意识'],
    origin: '2016年初中共中央政治局会议提出。',
  },
  {
    name: '精准扶贫四个问题',
    aliases: ['精準扶貧四個問題', '扶持谁、谁来扶、怎么扶、如何退', '扶持誰、誰來扶、怎麼扶、如何退'],
    members: ['扶持谁', '谁来扶', '怎么扶', '如何退'],
    ordered: true,
    note: '《决定》(2015) 只提前三问（扶持谁、谁来扶、怎么扶）；习近平2018年2月12日座谈会讲话四问并提。',
  },
  {
    name: '五级书记抓扶贫',
    aliases: ['五級書記抓扶貧', '五级书记一起抓', '五級書記一起抓'],
    members: ['省委书记', '市委书记', '县委书记', '乡镇党委书记', '村党组织书记'],
    ordered: true,
    note: '文件原文为“省市县乡村五级书记一起抓”。',
  },
  {
    name: '三留守',
    aliases: ['三留守人员', '三留守人員'],
    members: ['留守儿童', '留守妇女', '留守老人'],
    note: '《决定》(2015)：健全留守儿童、留守妇女、留守老人和残疾人关爱服务体系。',
  },
  {
    name: '四早',
    aliases: [],
    members: ['早发现', '早报告', '早隔离', '早治疗'],
    ordered: true,
    note: '新冠肺炎疫情防控要求（习近平2020年2月23日讲话）。',
  },
  {
    name: '六稳',
    aliases: ['六穩'],
    members: ['稳就业', '稳金融', '稳外贸', '稳外资', '稳投资', '稳预期'],
    ordered: true,
    origin: '2018年7月31日中共中央政治局会议提出。',
  },
  { name: '三农', aliases: ['三農'], members: ['农业', '农村', '农民'], origin: '通行表述。' },
  {
    name: '两委',
    aliases: ['兩委', '村两委', '村兩委'],
    members: ['村党支部委员会', '村民委员会'],
    note: '村党组织也可能是党总支或党委。',
    origin: '通行表述。',
  },
  {
    name: '大扶贫格局',
    aliases: ['大扶貧格局', '三位一体大扶贫格局', '三位一體大扶貧格局'],
    members: ['专项扶贫', '行业扶贫', '社会扶贫'],
    note: '“专项扶贫、行业扶贫、社会扶贫互为补充的大扶贫格局”。',
  },
  {
    name: '新发展理念',
    aliases: ['新發展理念', '五大发展理念', '五大發展理念'],
    members: ['创新', '协调', '绿色', '开放', '共享'],
    ordered: true,
  },
  {
    name: '脱贫攻坚管理体制',
    aliases: ['脫貧攻堅管理體制', '脱貧攻堅管理體制', '中央统筹、省负总责、市县抓落实', '中央統籌、省負總責、市縣抓落實'],
    members: ['中央统筹', '省负总责', '市县抓落实'],
    ordered: true,
    note: '习近平2018年2月12日座谈会讲话称“管理体制”，《决定》(2015) 称“工作机制”。',
  },
];

const strip = (s: string) => s.replace(/[\s“”‘’「」『』"']/g, '');

/** The entry whose name or alias is `nameOrAlias` (quotes and spaces ignored). */
export function findGlossaryEntry(nameOrAlias: string): GlossaryEntry | undefined {
  const key = strip(nameOrAlias);
  if (!key) return undefined;
  return GLOSSARY.find((e) => e.name === key || e.aliases.some((a) => strip(a) === key));
}

/** The entry with exactly these members (in any order): names a list a document gives unnamed. */
export function findGlossaryByMembers(members: string[]): GlossaryEntry | undefined {
  const want = [...new Set(members.map(strip))].sort().join('|');
  return GLOSSARY.find((e) => [...e.members].map(strip).sort().join('|') === want);
}
