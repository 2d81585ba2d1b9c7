// The import bench's document: ~150k Chinese characters of our own policy-style sentences (formulations,
// numbered series, figures, terms), generated from a seed so every run reads the same text, laid out
// as HTML that Chromium prints to a ~100-page PDF. No third-party text.

import { seededRandom } from '../../data/quiz/random.ts';

const PLACES = ['全省', '全市', '各地', '各县区', '农村地区', '城乡', '重点行业', '开发区', '沿海地区', '山区县'];
const FIELDS = [
  '科技创新',
  '乡村振兴',
  '生态保护',
  '基层治理',
  '民生保障',
  '营商环境',
  '数字经济',
  '文化建设',
  '安全生产',
  '就业服务',
  '教育质量',
  '医疗卫生',
  '养老服务',
  '住房保障',
  '粮食安全',
  '能源转型',
  '区域协调',
  '对外开放',
  '社会保障',
  '法治建设',
];
const VERBS = ['推进', '深化', '健全', '完善', '加强', '提升', '统筹', '落实', '巩固', '拓展'];
const GOALS = ['高质量发展', '共同富裕', '现代化建设', '治理效能', '群众满意度', '发展质量', '综合实力', '安全水平'];
const MEASURES = [
  ['地区生产总值', '亿元'],
  ['一般公共预算收入', '亿元'],
  ['城镇新增就业', '万人'],
  ['农村居民人均可支配收入', '元'],
  ['研发经费投入', '亿元'],
  ['高标准农田', '万亩'],
  ['新建保障性住房', '万套'],
  ['森林覆盖率', '%'],
  ['粮食产量', '万吨'],
  ['进出口总额', '亿元'],
  ['新增养老床位', '张'],
  ['义务教育学位', '万个'],
] as const;
const NUMBERS = ['两', '三', '四', '五', '六'];
const HEADS = ['坚持', '做到', '抓好', '守住', '用好'];

function sentences(rand: () => number): () => string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const templates: Array<() => string> = [
    () =>
      `要${pick(VERBS)}${pick(FIELDS)}，${pick(VERBS)}${pick(FIELDS)}，以${pick(FIELDS)}的新成效推动${pick(GOALS)}。`,
    () => {
      const n = 2 + Math.floor(rand() * 4);
      const head = pick(HEADS);
      const items = Array.from({ length: n }, () => `${head}${pick(FIELDS)}`);
      return `各级党组织要牢牢把握“${NUMBERS[n - 2]}个${head}”，即${items.join('、')}。`;
    },
    () => {
      const [what, unit] = pick(MEASURES);
      const year = 2019 + Math.floor(rand() * 7);
      const value = unit === '%' ? (20 + rand() * 50).toFixed(1) : String(Math.floor(10 + rand() * 9000));
      return `${year}年，${pick(PLACES)}${what}达到${value}${unit}，同比增长${(1 + rand() * 12).toFixed(1)}%。`;
    },
    () =>
      `到${2026 + Math.floor(rand() * 10)}年，${pick(PLACES)}${pick(FIELDS)}水平明显提升，${pick(GOALS)}取得新的重大进展。`,
    () =>
      `必须坚持以人民为中心的发展思想，把${pick(FIELDS)}和${pick(FIELDS)}摆在更加突出的位置，切实${pick(VERBS)}${pick(GOALS)}。`,
    () =>
      `${pick(PLACES)}要健全${pick(FIELDS)}长效机制，完善${pick(FIELDS)}工作体系，压实属地责任、部门责任和主体责任。`,
    () =>
      `我们要${pick(VERBS)}“${pick(FIELDS)}${pick(['示范工程', '提质行动', '攻坚计划', '三年行动'])}”，确保各项任务落地见效。`,
  ];
  return () => pick(templates)();
}

/** Paragraphs under numbered headings, about `chars` Chinese characters in all. */
export function benchDocument(chars = 150_000, seed = 13): { title: string; paragraphs: string[][]; han: number } {
  const rand = seededRandom(seed);
  const next = sentences(rand);
  const sections: string[][] = [];
  let han = 0;
  const count = (s: string) => s.match(/\p{Script=Han}/gu)?.length ?? 0;
  const ORDINALS = '一二三四五六七八九十';
  for (let s = 0; han < chars; s++) {
    const heading = `${ORDINALS[s % 10]}${s >= 10 ? `（${Math.floor(s / 10)}）` : ''}、关于${FIELDS[s % FIELDS.length]}的主要任务`;
    const section = [heading];
    han += count(heading);
    for (let p = 0; p < 12 && han < chars; p++) {
      let para = '';
      for (let k = 0; k < 6; k++) para += next();
      section.push(para);
      han += count(para);
    }
    sections.push(section);
  }
  return { title: '关于推动高质量发展的学习材料（测试用）', paragraphs: sections, han };
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function benchDocumentHtml(doc: ReturnType<typeof benchDocument>): string {
  const body = doc.paragraphs
    .map(([heading, ...paras]) => `<h2>${escape(heading)}</h2>${paras.map((p) => `<p>${escape(p)}</p>`).join('')}`)
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(doc.title)}</title>
<style>body{font:10.5pt/1.5 "Noto Serif CJK SC","Noto Sans CJK SC",serif;margin:0}h1{font-size:16pt;text-align:center}
h2{font-size:12pt;margin:10pt 0 4pt}p{text-indent:2em;margin:0 0 4pt}</style></head>
<body><h1>${escape(doc.title)}</h1><p style="text-align:center">（2025年9月1日）</p>${body}</body></html>`;
}
