// Figures written in Chinese numerals ("百分之十八点五", "三十五万"), and dates, ordinals and fractions
// so written, for figures.ts.
import type { RawFigure } from './raw';

export const MULTIPLIER: Record<string, number> = { 千: 1e3, 万: 1e4, 亿: 1e8, 万亿: 1e12 };

const CN_DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN = '〇零一二两三四五六七八九十百千';

/** "三十五" → 35, "一百二十" → 120, "二〇三五" → 2035 (digit by digit when written so). */
export function chineseNumber(t: string): number | undefined {
  if (!t || [...t].some((c) => !CN.includes(c))) return undefined;
  if (/^[〇零一二三四五六七八九]{2,}$/.test(t)) return Number([...t].map((c) => CN_DIGIT[c]).join(''));
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const c of t) {
    if (c in CN_DIGIT) digit = CN_DIGIT[c];
    else {
      const unit = c === '十' ? 10 : c === '百' ? 100 : 1000;
      section += (digit < 0 ? 1 : digit) * unit;
      digit = -1;
    }
  }
  total += section + (digit > 0 ? digit : 0);
  return total;
}

interface ChineseFigure extends Omit<RawFigure, 'span' | 'sentence'> {
  text: string;
  at: number;
  end: number;
  /** Asked at its first occurrence in a document only. */
  once?: boolean;
}

const N = `[${CN}]+`;
/** Meetings counted by ordinal ("第三十五次集体学习", "第十四届全国人民代表大会第三次会议"). */
const MEETING = /(?:集体学习|全体会议|常务会议|全国代表大会|代表大会|会议|全会|常委会)/;
/** A date without its year is a fact only when it says which body met ("中共中央政治局10月27日下午……"). */
const INSTITUTION_BEFORE =
  /(?:中共中央|党中央|国务院|政治局|委员会|常委会|人民代表大会|全国人大|全国政协|办公室|办公厅)(?:在|于)?$/;
const CHINESE_PATTERNS: Array<{
  hint?: RegExp;
  re: RegExp;
  make: (m: RegExpExecArray, s: string) => Omit<ChineseFigure, 'at' | 'end' | 'text'> | undefined;
}> = [
  // 百分之五 → 5%
  {
    hint: /百分之/,
    re: new RegExp(`百分之(${N}(?:点[${CN}]+)?)`, 'g'),
    make: (m) => (m[1] === '百' ? undefined : percent(m[1], m[0])),
  },
  // 五十四万亿元, 九千六百多万名, 三万九千八百元, 一百四十多个, 七点二个百分点: amounts written in Chinese numerals.
  // Only with a magnitude (万/亿) or a hundred and more, and a unit: "两个大局", "千万要" are no figures.
  {
    hint: /[万亿百千点][^，。；]{0,6}?(?:元|人|名|吨|斤|户|亩|公里|千瓦|家|所|个)/,
    re: new RegExp(
      `(?<![${CN}万亿第])(${N}(?:点[${CN}]+)?)(多|余)?(万亿|亿|万)?(${N})?(多|余)?(个百分点|美元|元|人次|人|名|吨|斤|户|平方公里|公里|亩|千瓦时|千瓦|家|所|个)`,
      'g',
    ),
    make: (m) => amount(m),
  },
  // 三分之一, 1/3 → a fraction
  {
    hint: /分之|\d\//,
    re: new RegExp(`(?<![\\d/.])(?:(${N})分之(${N})|(\\d{1,2})/(\\d{1,3}))(?![\\d/])`, 'g'),
    make: (m) => {
      const d = m[1] ? chineseNumber(m[1]) : Number(m[4]);
      const n = m[2] ? chineseNumber(m[2]) : Number(m[3]);
      return d && n !== undefined && n < d ? { value: m[0], number: n / d, unit: '' } : undefined;
    },
  },
  // 两成, 三成 after a verb of share or change
  {
    hint: /成/,
    re: /(?<=[约近占达超过的了到高降长增减升])([一二两三四五六七八九])成(?![员为立果就熟本长绩功型分份不])/g,
    make: (m) => ({ value: m[0], number: CN_DIGIT[m[1]] * 10, unit: '%' }),
  },
  // 七十周年
  { hint: /周年/, re: new RegExp(`(?<![${CN}第])(${N})周年`, 'g'), make: (m) => num(m[1], '周年', m[0]) },
  // 二〇三五年 as a deadline ("到二〇三五年")
  {
    hint: /到[〇零一二三四五六七八九]/,
    re: /(?<=到)([〇零一二三四五六七八九]{4})年(?![底末])/g,
    make: (m) => ({
      value: m[0].slice(0, 4),
      number: chineseNumber(m[1]),
      unit: '年',
      targetYear: true,
      subject: '目标年份',
    }),
  },
  // "十四五" (a five-year plan)
  {
    hint: /十[一二三四五六七八九]五/,
    re: /(?<=“)十[一二三四五六七八九]五(?=”)|十[一二三四五六七八九]五(?=规划|时期)/g,
    make: (m) => ({
      value: m[0],
      number: chineseNumber(m[0].slice(0, 2)),
      unit: '',
      subject: '五年规划',
      event: true,
      once: true,
    }),
  },
  // 十九届六中全会, 二十届三中全会
  {
    hint: /中全会/,
    re: new RegExp(`(?<!、)(?:(${N})届)?([一二三四五六七])中全会(?!精神)`, 'g'),
    make: (m) => ({ value: m[0], number: CN_DIGIT[m[2]], unit: '', subject: '全会', event: true, once: true }),
  },
  // 第三十五次集体学习, 第十四届全国人民代表大会 (ordinals that name a meeting or a body)
  {
    hint: /第[〇零一二两三四五六七八九十百千\d]{1,4}[次届]/,
    re: new RegExp(
      `第(${N}|\\d{1,3})(次|届)(?=(?:中央政治局|全国人民代表大会|全国委员会|中央委员会|${MEETING.source.slice(3, -1)}))`,
      'g',
    ),
    make: (m) => ({
      value: m[0],
      number: chineseNumber(m[1]) ?? Number(m[1]),
      unit: m[2],
      subject: m[2] === '次' ? '会议' : '届次',
      event: true,
      once: true,
    }),
  },
  // Dates of an event: "自2019年5月6日起施行", "2021年12月6日在……时的讲话", "10月27日下午就……进行"
  {
    hint: /月\d{1,2}日/,
    re: /(?<![\d年])(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?=起|下午|上午|晚|在|召开|举行|发布|印发|通过|主持|就|至)/g,
    make: (m, s) =>
      !m[1] && !INSTITUTION_BEFORE.test(s.slice(Math.max(0, m.index - 12), m.index))
        ? undefined
        : { value: m[0], number: Number(m[2]) * 100 + Number(m[3]), unit: '', subject: '日期', event: true },
  },
];

/** "十八点五" → 18.5. */
function decimalNumber(t: string): number | undefined {
  const [whole, frac] = t.split('点');
  const w = chineseNumber(whole);
  if (w === undefined || (frac !== undefined && !/^[〇零一二三四五六七八九]+$/.test(frac))) return undefined;
  return frac === undefined ? w : Number(`${w}.${[...frac].map((c) => CN_DIGIT[c]).join('')}`);
}

function amount(m: RegExpExecArray): Omit<ChineseFigure, 'at' | 'end' | 'text'> | undefined {
  const [whole, head, approx1 = '', mag = '', rest = '', _approx2 = '', unit] = m;
  // A bare 千/百/万 is rhetoric ("千家万户", "数千万人口", "成千上万"), not a count.
  if (!/[〇零一二两三四五六七八九]/.test(head) || /[数几上成]$/.test(m.input.slice(0, m.index))) return undefined;
  const big = !!mag || /[百千]/.test(head);
  if (!big && unit !== '个百分点') return undefined;
  if (unit === '个' && !big) return undefined;
  if (approx1 && rest) return undefined; // "三多万五千" is no number
  const h = decimalNumber(head);
  const r = rest ? chineseNumber(rest) : 0;
  if (h === undefined || r === undefined || (rest && !mag)) return undefined;
  const number = mag ? h * MULTIPLIER[mag] + r : h;
  return {
    value: whole.slice(0, whole.length - unit.length - (rest ? 0 : mag.length)),
    number,
    unit: (rest ? '' : mag) + unit,
  };
}

/** "百分之十八点五" → 18.5 (%). */
function percent(cn: string, text: string): Omit<ChineseFigure, 'at' | 'end' | 'text'> | undefined {
  const n = decimalNumber(cn);
  return n === undefined ? undefined : { value: text, number: n, unit: '' };
}

function num(cn: string, unit: string, text: string): Omit<ChineseFigure, 'at' | 'end' | 'text'> | undefined {
  const n = chineseNumber(cn);
  return n === undefined
    ? undefined
    : {
        value: text.slice(0, text.length - (unit === '%' ? 0 : unit.length)),
        number: n,
        unit: unit === '%' ? '' : unit,
      };
}

/** Figures written in Chinese numerals or as dates, ordinals, fractions (each span once, first pattern wins). */
export function chineseFigures(s: string): ChineseFigure[] {
  const out: ChineseFigure[] = [];
  for (const { hint, re, make } of CHINESE_PATTERNS) {
    if (hint && !hint.test(s)) continue;
    for (const m of s.matchAll(re)) {
      const at = m.index!;
      const end = at + m[0].length;
      if (out.some((o) => at < o.end && end > o.at)) continue;
      const fig = make(m as RegExpExecArray, s);
      if (fig) out.push({ ...fig, text: m[0], at, end });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}
