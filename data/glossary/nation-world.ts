// National unity, the army, foreign affairs, people's livelihood, ecology and the two-step strategy.

import type { GlossaryEntry } from '../knowledge/raw';
import { R19, XF82, JX23 } from './attestations';

export const NATION_WORLD: GlossaryEntry[] = [
  {
    name: '五个认同',
    aliases: ['五個認同'],
    members: [
      '对伟大祖国的认同',
      '对中华民族的认同',
      '对中华文化的认同',
      '对中国共产党的认同',
      '对中国特色社会主义的认同',
    ],
    ordered: true,
    note: '原文为“不断增进各族群众对伟大祖国、中华民族、中华文化、中国共产党、中国特色社会主义的认同”。',
    attested: [{ title: '在中央民族工作会议上的讲话', date: '2021-08' }],
  },
  {
    name: '四个与共',
    aliases: ['四個與共'],
    members: ['休戚与共', '荣辱与共', '生死与共', '命运与共'],
    ordered: true,
    note: '中华民族共同体理念。',
    attested: [JX23],
  },
  {
    name: '强军目标',
    aliases: ['強軍目標'],
    members: ['听党指挥', '能打胜仗', '作风优良'],
    ordered: true,
    attested: [{ title: '习近平出席十二届全国人大一次会议解放军代表团全体会议时的讲话', date: '2013-03-11' }],
  },
  {
    name: '四有新一代革命军人',
    aliases: ['四有新一代革命軍人'],
    members: ['有灵魂', '有本事', '有血性', '有品德'],
    ordered: true,
    attested: [{ title: '在古田全军政治工作会议上的讲话', date: '2014-10' }],
  },
  {
    name: '和平共处五项原则',
    aliases: ['和平共處五項原則'],
    members: ['互相尊重主权和领土完整', '互不侵犯', '互不干涉内政', '平等互利', '和平共处'],
    ordered: true,
    attested: [XF82],
  },
  {
    name: '新型国际关系',
    aliases: ['新型國際關係'],
    members: ['相互尊重', '公平正义', '合作共赢'],
    ordered: true,
    attested: [R19],
  },
  {
    name: '全人类共同价值',
    aliases: ['全人類共同價值'],
    members: ['和平', '发展', '公平', '正义', '民主', '自由'],
    ordered: true,
    attested: [{ title: '在第七十届联合国大会一般性辩论时的讲话', date: '2015-09-28' }],
  },
  {
    name: '三大全球倡议',
    aliases: ['三大全球倡議'],
    members: ['全球发展倡议', '全球安全倡议', '全球文明倡议'],
    ordered: true,
    attested: [
      { title: '在第七十六届联合国大会一般性辩论上的讲话（提出全球发展倡议）', date: '2021-09-21' },
      { title: '在博鳌亚洲论坛2022年年会开幕式上的主旨演讲（提出全球安全倡议）', date: '2022-04-21' },
      { title: '在中国共产党与世界政党高层对话会上的主旨讲话（提出全球文明倡议）', date: '2023-03-15' },
    ],
  },
  {
    name: '一带一路',
    aliases: ['一帶一路'],
    members: ['丝绸之路经济带', '21世纪海上丝绸之路'],
    ordered: true,
    attested: [
      { title: '在纳扎尔巴耶夫大学的演讲（提出共建丝绸之路经济带）', date: '2013-09-07' },
      { title: '在印度尼西亚国会的演讲（提出共建21世纪海上丝绸之路）', date: '2013-10-03' },
    ],
  },
  {
    name: '丝路精神',
    aliases: ['絲路精神'],
    members: ['和平合作', '开放包容', '互学互鉴', '互利共赢'],
    ordered: true,
    attested: [{ title: '在“一带一路”国际合作高峰论坛开幕式上的演讲', date: '2017-05-14' }],
  },
  {
    name: '七有',
    aliases: [],
    members: ['幼有所育', '学有所教', '劳有所得', '病有所医', '老有所养', '住有所居', '弱有所扶'],
    ordered: true,
    attested: [R19],
  },
  {
    name: '生态文明体系',
    aliases: ['生態文明體系'],
    members: ['生态文化体系', '生态经济体系', '目标责任体系', '生态文明制度体系', '生态安全体系'],
    ordered: true,
    attested: [{ title: '在全国生态环境保护大会上的讲话', date: '2018-05-18' }],
  },
  {
    name: '三大保卫战',
    aliases: ['三大保衛戰'],
    members: ['蓝天保卫战', '碧水保卫战', '净土保卫战'],
    ordered: true,
    attested: [{ title: '中共中央 国务院关于全面加强生态环境保护 坚决打好污染防治攻坚战的意见', date: '2018-06' }],
  },
  {
    name: '两步走战略安排',
    aliases: ['兩步走戰略安排'],
    members: [
      '从二〇二〇年到二〇三五年，基本实现社会主义现代化',
      '从二〇三五年到本世纪中叶，把我国建成富强民主文明和谐美丽的社会主义现代化强国',
    ],
    ordered: true,
    note: '全面建设社会主义现代化国家的两个阶段。',
    attested: [R19],
  },
];
