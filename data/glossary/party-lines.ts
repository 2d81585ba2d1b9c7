// The Party's founding spirit, the core socialist value system, and its ideological and mass lines.

import type { GlossaryEntry } from '../knowledge/raw';
import { DZ22, QY21 } from './attestations';

export const PARTY_LINES: GlossaryEntry[] = [
  {
    name: '伟大建党精神',
    aliases: ['偉大建黨精神'],
    members: ['坚持真理', '坚守理想', '践行初心', '担当使命', '不怕牺牲', '英勇斗争', '对党忠诚', '不负人民'],
    ordered: true,
    note: '原文为“坚持真理、坚守理想，践行初心、担当使命，不怕牺牲、英勇斗争，对党忠诚、不负人民”。',
    attested: [QY21],
  },
  {
    name: '社会主义核心价值体系',
    aliases: ['社會主義核心價值體系'],
    members: [
      '马克思主义指导思想',
      '中国特色社会主义共同理想',
      '以爱国主义为核心的民族精神和以改革创新为核心的时代精神',
      '社会主义荣辱观',
    ],
    ordered: true,
    attested: [{ title: '中共中央关于构建社会主义和谐社会若干重大问题的决定', date: '2006-10-11' }],
  },
  {
    name: '党的思想路线',
    aliases: ['黨的思想路線'],
    members: ['一切从实际出发', '理论联系实际', '实事求是', '在实践中检验真理和发展真理'],
    ordered: true,
    attested: [DZ22],
  },
  {
    name: '党的群众路线',
    aliases: ['黨的群眾路線'],
    members: ['一切为了群众', '一切依靠群众', '从群众中来', '到群众中去'],
    ordered: true,
    attested: [DZ22],
  },
];
