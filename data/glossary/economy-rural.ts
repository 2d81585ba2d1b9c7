// Economy (supply-side reform, stabilising, energy, investment, administration) and the countryside
// (乡村振兴, 三权分置, food safety).

import type { GlossaryEntry } from '../knowledge/raw';
import { R19 } from './attestations';

export const ECONOMY_RURAL: GlossaryEntry[] = [
  {
    name: '三去一降一补',
    aliases: ['三去一降一補'],
    members: ['去产能', '去库存', '去杠杆', '降成本', '补短板'],
    ordered: true,
    attested: [{ title: '中央经济工作会议', date: '2015-12' }],
  },
  {
    name: '五大政策支柱',
    aliases: [],
    members: ['宏观政策要稳', '产业政策要准', '微观政策要活', '改革政策要实', '社会政策要托底'],
    ordered: true,
    attested: [{ title: '中央经济工作会议', date: '2015-12' }],
  },
  {
    name: '六保',
    aliases: [],
    members: ['保居民就业', '保基本民生', '保市场主体', '保粮食能源安全', '保产业链供应链稳定', '保基层运转'],
    ordered: true,
    attested: [
      { title: '中共中央政治局会议', date: '2020-04-17' },
      { title: '2020年国务院政府工作报告', date: '2020-05-22' },
    ],
  },
  {
    name: '三大变革',
    aliases: ['三大變革'],
    members: ['质量变革', '效率变革', '动力变革'],
    ordered: true,
    attested: [R19],
  },
  {
    name: '四个革命、一个合作',
    aliases: ['四个革命一个合作', '四個革命、一個合作', '四個革命一個合作'],
    members: ['推动能源消费革命', '推动能源供给革命', '推动能源技术革命', '推动能源体制革命', '全方位加强国际合作'],
    ordered: true,
    note: '能源安全新战略。',
    attested: [{ title: '中央财经领导小组第六次会议', date: '2014-06-13' }],
  },
  {
    name: '双碳',
    aliases: ['双碳目标', '雙碳', '雙碳目標'],
    members: ['碳达峰', '碳中和'],
    ordered: true,
    note: '二氧化碳排放力争于2030年前达到峰值，努力争取2060年前实现碳中和。',
    attested: [{ title: '在第七十五届联合国大会一般性辩论上的讲话', date: '2020-09-22' }],
  },
  {
    name: '两新一重',
    aliases: ['兩新一重'],
    members: ['新型基础设施建设', '新型城镇化建设', '交通、水利等重大工程建设'],
    ordered: true,
    attested: [{ title: '2020年国务院政府工作报告', date: '2020-05-22' }],
  },
  {
    name: '放管服',
    aliases: ['放管服改革'],
    members: ['简政放权', '放管结合', '优化服务'],
    ordered: true,
    attested: [{ title: '全国推进简政放权放管结合优化服务改革电视电话会议', date: '2016-05-09' }],
  },
  {
    name: '三个1亿人',
    aliases: ['三个一亿人', '三個1億人', '三個一億人'],
    members: [
      '促进约1亿农业转移人口落户城镇',
      '改造约1亿人居住的城镇棚户区和城中村',
      '引导约1亿人在中西部地区就近城镇化',
    ],
    ordered: true,
    attested: [{ title: '2014年国务院政府工作报告', date: '2014-03-05' }],
  },
  {
    name: '双随机、一公开',
    aliases: ['双随机一公开', '雙隨機、一公開', '雙隨機一公開'],
    members: ['随机抽取检查对象', '随机选派执法检查人员', '抽查情况及查处结果及时向社会公开'],
    ordered: true,
    attested: [{ title: '国务院办公厅关于推广随机抽查规范事中事后监管的通知', date: '2015-07' }],
  },
  {
    name: '乡村振兴总要求',
    aliases: ['乡村振兴战略总要求', '鄉村振興總要求', '鄉村振興戰略總要求'],
    members: ['产业兴旺', '生态宜居', '乡风文明', '治理有效', '生活富裕'],
    ordered: true,
    attested: [R19],
  },
  {
    name: '五个振兴',
    aliases: ['乡村五个振兴', '五大振兴', '五個振興', '鄉村五個振興', '五大振興'],
    members: ['产业振兴', '人才振兴', '文化振兴', '生态振兴', '组织振兴'],
    ordered: true,
    attested: [{ title: '习近平参加十三届全国人大一次会议山东代表团审议时的讲话', date: '2018-03-08' }],
  },
  {
    name: '社会主义新农村建设总要求',
    aliases: ['社會主義新農村建設總要求'],
    members: ['生产发展', '生活宽裕', '乡风文明', '村容整洁', '管理民主'],
    ordered: true,
    attested: [{ title: '中共中央关于制定国民经济和社会发展第十一个五年规划的建议', date: '2005-10-11' }],
  },
  {
    name: '三权分置',
    aliases: ['三權分置'],
    members: ['集体所有权', '农户承包权', '土地经营权'],
    ordered: true,
    attested: [{ title: '关于完善农村土地所有权承包权经营权分置办法的意见', date: '2016-10' }],
  },
  {
    name: '四个最严',
    aliases: ['四個最嚴'],
    members: ['最严谨的标准', '最严格的监管', '最严厉的处罚', '最严肃的问责'],
    ordered: true,
    note: '确保广大人民群众“舌尖上的安全”。',
    attested: [{ title: '在中央农村工作会议上的讲话', date: '2013-12-23' }],
  },
];
