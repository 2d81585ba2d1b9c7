// Statistics in normalized text: a number with its unit, what it measures and the date it refers
// to, so a cloze card stays answerable and a quiz can draw distractors of the same unit.
import type { Figure } from './types';
import { splitSentences, type Span } from './normalize';

export interface RawFigure extends Figure {
  /** Number + unit in the normalized text (the answer of a cloze). */
  span: Span;
  /** The sentence the figure stands in. */
  sentence: Span;
  /** "到2020年": a deadline, not a statistic; used for target-year conflicts. */
  targetYear?: boolean;
  /** A date, an ordinal or a period named by what happened then ("自2019年5月6日起施行", "第九次集体学习"). */
  event?: boolean;
}

const UNITS =
  '个百分点|百分点|%|万人次|人次|人(?![口群员民才])|户|美元|元|个月|个|倍|次|名|家|所|县|村|平方公里|公里|亩|天|周岁|岁|项|支|座|万吨|吨|' +
  '周年|年|学时|课时|小时|分钟|千瓦时|千瓦|公顷|立方米|平方米|公斤|斤|台|辆|套|件|艘|架|场|篇|届|批|类|条|款|所|处|床';
const FIGURE = new RegExp(
  `(?<![\\d.\\-:/~第])(\\d+(?:\\.\\d+)?)(多|余)?(万亿|万|亿|千)?(${UNITS})?`,
  'g',
);
const MULTIPLIER: Record<string, number> = { 千: 1e3, 万: 1e4, 亿: 1e8, 万亿: 1e12 };
// Speech structure, not facts: "讲3个问题", "3点意见".
const ENUMERATION_AFTER = /^(?:问题|方面|重点|意见|部分|层面|阶段|步)/;
const CLAUSE_BREAK = /[，；：,;]/;
// A date right before the figure: "2012年年底的", "2019年", "2017年底".
const DATE = /(\d{4}年(?:\d{1,2}月)?(?:年底|年末|底|末|初)?)(?:的)?/g;
// Words that end a subject: "贫困人口从…", "贫困发生率由…".
const SUBJECT_END = /(?:从|由|在|到|达到|为|是|有|已|累计|共|超过|减少|增加|下降|降至|减到|年均|比|占|上涨|增长|提高|降低|上升)/;

/** Bounds that belong to the figure they qualify: "不低于6%", "30%以上", "3%以内", "6%左右". */
const BOUND_BEFORE = /(?:不低于|不少于|不超过|不高于|不足|至少|超过|最多|最少)$/;
const BOUND_AFTER = /^(?:以上|以下|以内|左右|上下)/;
const RANGE_HINT = /\d[%万亿千]{0,2}[－\-~～—至]\d/;
/** "5%－5.5%", "3000万~5000万", "5至5.5个百分点": one answer. */
const RANGE = new RegExp(
  `(?<![\\d.\\-:/~第从])(\\d+(?:\\.\\d+)?)(%|万亿|万|亿|千)?[－\\-~～—至](\\d+(?:\\.\\d+)?)(多|余)?(万亿|万|亿|千)?(${UNITS})?`,
  'g',
);

export function extractFigures(text: string, sentences: Span[] = splitSentences(text)): RawFigure[] {
  const figures: RawFigure[] = [];
  const seenEvents = new Set<string>();
  for (const sentence of sentences) {
    const s = text.slice(sentence.start, sentence.end);
    const taken: Span[] = [];
    const free = (a: number, b: number) => !taken.some((t) => a < t.end && b > t.start);
    const push = (fig: Omit<RawFigure, 'span' | 'sentence'>, a: number, b: number, subjectFrom?: number) => {
      if (!free(a, b)) return;
      if (!fig.targetYear && !fig.event) {
        a -= BOUND_BEFORE.exec(s.slice(Math.max(0, a - 3), a))?.[0].length ?? 0;
        b += BOUND_AFTER.exec(s.slice(b))?.[0].length ?? 0;
      }
      taken.push({ start: a, end: b });
      const full: RawFigure = { ...fig, span: { start: sentence.start + a, end: sentence.start + b }, sentence };
      if (!full.subject && subjectFrom !== undefined) {
        const subject = findSubject(s, a, b, fig.unit);
        if (subject) full.subject = subject;
      }
      figures.push(full);
    };
    // Headlines and bylines ("习近平2020年3月6日在……上的讲话") name dates and meetings without saying anything of them.
    const prose = /[。！？][”’）)]*$/.test(s);
    for (const x of chineseFigures(s)) {
      if (x.event && !prose) continue;
      // Sessions and meetings recur through a document: asked once, where first named.
      if (x.event && x.once) {
        if (seenEvents.has(x.text)) continue;
        seenEvents.add(x.text);
      }
      const { text: _t, once: _o, at, end, ...fig } = x;
      push(fig, at, end, x.event ? undefined : at);
    }
    const hasDigit = /\d/.test(s);
    for (const m of hasDigit && RANGE_HINT.test(s) ? s.matchAll(RANGE) : []) {
      const [whole, a, unitA = '', b, , mult = '', unit = ''] = m;
      const at = m.index!;
      if (!unit && !mult && !unitA) continue;
      if (/^(?:19|20)\d\d$/.test(a) && /^(?:19|20)\d\d$/.test(b) && (!unit || unit === '年') && !mult && !unitA) continue; // a span of years
      push({ value: a, number: Number(a) * (MULTIPLIER[mult || unitA] ?? 1), unit: mult + unit || unitA }, at, at + whole.length, at);
    }
    for (const m of hasDigit ? s.matchAll(FIGURE) : []) {
      const [whole, digits, approx, mult = '', unit = ''] = m;
      const at = m.index ?? 0;
      const after = s.slice(at + whole.length);
      if (after.startsWith('-') || /^[.\d/]/.test(after) || s[at - 1] === '/') continue;
      if (!free(at, at + whole.length)) continue;
      const value = Number(digits);
      let targetYear = false;
      let eventYear = false;
      if (unit === '年') {
        const isYear = digits.length === 4 && value >= 1900 && value <= 2100 && !mult;
        // "到2020年" is a deadline; "从2013年到2019年" is a range and "到2017年底" a date.
        const deadline =
          isYear && s[at - 1] === '到' && !/^(?:底|年底|末|\d|以前|月|的)/.test(after) && !/从\d{4}年底?到$/.test(s.slice(0, at));
        // "1981年北大学子……喊出": the year of an event, asked like a deadline.
        eventYear = isYear && !deadline && isEventYear(s, at, after);
        if (isYear && !deadline && !eventYear) continue; // a date, not a figure
        if (!isYear && (/^(?:代|级|前)/.test(after) || value > 100)) continue;
        targetYear = deadline;
      }
      if (!unit && !mult) continue; // bare numbers: dates, codes, list markers
      if (unit === '个' && ENUMERATION_AFTER.test(after)) continue;
      if ((unit === '个' || unit === '点' || unit === '次') && s[at - 1] === '讲') continue;
      // "还有不到10个月的时间": a countdown in a speech, not a figure to learn.
      if (/^(?:个月|年|天)$/.test(unit) && /^的时间/.test(after)) continue;
      if (/^(?:条|款|类|批|届|位|处|所|场|篇)$/.test(unit) && /^[、，。；]|^$/.test(after) && !mult) continue; // "第……条" lists
      const fig: Omit<RawFigure, 'span' | 'sentence'> = {
        value: targetYear || eventYear ? digits : digits + (approx ?? ''),
        number: value * (MULTIPLIER[mult] ?? 1),
        unit: mult + unit,
      };
      if (targetYear) {
        fig.targetYear = true;
        fig.subject = '目标年份';
      } else if (eventYear) {
        fig.event = true;
        fig.subject = '年份';
      }
      push(fig, at, at + whole.length, targetYear || eventYear ? undefined : at);
    }
  }
  figures.sort((x, y) => x.span.start - y.span.start);
  assignDates(text, figures);
  return figures;
}

/** A year that opens what happened then ("1981年北大学子在燕园喊出……", "早在1921年，我们党就……"). */
const EVENT_VERB = /喊出|提出|召开|成立|诞生|创立|创建|作出|举行|开启|确立|写入|颁布|发表|发出|建立|开辟|开始|召开|宣告|签署/;
function isEventYear(s: string, at: number, after: string): boolean {
  if (/^年(?:底|末|初|以来|起|前|后|的|度|至|到|—|-|、|和|以前|以后|\d)/.test(after)) return false;
  // The year opens its clause ("1981年北大学子……", "我记得，1981年……", "早在1921年，……").
  if (!/(?:^|[，；：。！？])(?:我记得|记得|早在|在|于)?$/.test(s.slice(0, at))) return false;
  const rest = after.slice(1);
  const clause = (/^，/.test(rest) ? rest.slice(1) : rest).split(/[，。；]/)[0];
  return EVENT_VERB.test(clause.slice(0, 30)) && !/\d/.test(clause.slice(0, 30));
}

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
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
const INSTITUTION_BEFORE = /(?:中共中央|党中央|国务院|政治局|委员会|常委会|人民代表大会|全国人大|全国政协|办公室|办公厅)(?:在|于)?$/;
const CHINESE_PATTERNS: Array<{ hint?: RegExp; re: RegExp; make: (m: RegExpExecArray, s: string) => Omit<ChineseFigure, 'at' | 'end' | 'text'> | undefined }> = [
  // 百分之五 → 5%
  { hint: /百分之/, re: new RegExp(`百分之(${N}(?:点[${CN}]+)?)`, 'g'), make: (m) => (m[1] === '百' ? undefined : percent(m[1], m[0])) },
  // 五十四万亿元, 九千六百多万名, 三万九千八百元, 一百四十多个, 七点二个百分点: amounts written in Chinese numerals.
  // Only with a magnitude (万/亿) or a hundred and more, and a unit: "两个大局", "千万要" are no figures.
  {
    hint: /[万亿百千点][^，。；]{0,6}?(?:元|人|名|吨|斤|户|亩|公里|千瓦|家|所|个)/,
    re: new RegExp(`(?<![${CN}万亿第])(${N}(?:点[${CN}]+)?)(多|余)?(万亿|亿|万)?(${N})?(多|余)?(个百分点|美元|元|人次|人|名|吨|斤|户|平方公里|公里|亩|千瓦时|千瓦|家|所|个)`, 'g'),
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
  { hint: /成/, re: /(?<=[约近占达超过的了到高降长增减升])([一二两三四五六七八九])成(?![员为立果就熟本长绩功型分份不])/g, make: (m) => ({ value: m[0], number: CN_DIGIT[m[1]] * 10, unit: '%' }) },
  // 七十周年
  { hint: /周年/, re: new RegExp(`(?<![${CN}第])(${N})周年`, 'g'), make: (m) => num(m[1], '周年', m[0]) },
  // 二〇三五年 as a deadline ("到二〇三五年")
  { hint: /到[〇零一二三四五六七八九]/, re: /(?<=到)([〇零一二三四五六七八九]{4})年(?![底末])/g, make: (m) => ({ value: m[0].slice(0, 4), number: chineseNumber(m[1]), unit: '年', targetYear: true, subject: '目标年份' }) },
  // "十四五" (a five-year plan)
  { hint: /十[一二三四五六七八九]五/, re: /(?<=“)十[一二三四五六七八九]五(?=”)|十[一二三四五六七八九]五(?=规划|时期)/g, make: (m) => ({ value: m[0], number: chineseNumber(m[0].slice(0, 2)), unit: '', subject: '五年规划', event: true, once: true }) },
  // 十九届六中全会, 二十届三中全会
  { hint: /中全会/, re: new RegExp(`(?<!、)(?:(${N})届)?([一二三四五六七])中全会(?!精神)`, 'g'), make: (m) => ({ value: m[0], number: CN_DIGIT[m[2]], unit: '', subject: '全会', event: true, once: true }) },
  // 第三十五次集体学习, 第十四届全国人民代表大会 (ordinals that name a meeting or a body)
  {
    hint: /第[〇零一二两三四五六七八九十百千\d]{1,4}[次届]/,
    re: new RegExp(`第(${N}|\\d{1,3})(次|届)(?=(?:中央政治局|全国人民代表大会|全国委员会|中央委员会|${MEETING.source.slice(3, -1)}))`, 'g'),
    make: (m) => ({ value: m[0], number: chineseNumber(m[1]) ?? Number(m[1]), unit: m[2], subject: m[2] === '次' ? '会议' : '届次', event: true, once: true }),
  },
  // Dates of an event: "自2019年5月6日起施行", "2021年12月6日在……时的讲话", "10月27日下午就……进行"
  {
    hint: /月\d{1,2}日/,
    re: /(?<![\d年])(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?=起|下午|上午|晚|在|召开|举行|发布|印发|通过|主持|就|至)/g,
    make: (m, s) => (!m[1] && !INSTITUTION_BEFORE.test(s.slice(Math.max(0, m.index - 12), m.index)) ? undefined : { value: m[0], number: Number(m[2]) * 100 + Number(m[3]), unit: '', subject: '日期', event: true }),
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
  return { value: whole.slice(0, whole.length - unit.length - (rest ? 0 : mag.length)), number, unit: (rest ? '' : mag) + unit };
}

/** "百分之十八点五" → 18.5 (%). */
function percent(cn: string, text: string): Omit<ChineseFigure, 'at' | 'end' | 'text'> | undefined {
  const n = decimalNumber(cn);
  return n === undefined ? undefined : { value: text, number: n, unit: '' };
}

function num(cn: string, unit: string, text: string): Omit<ChineseFigure, 'at' | 'end' | 'text'> | undefined {
  const n = chineseNumber(cn);
  return n === undefined ? undefined : { value: text.slice(0, text.length - (unit === '%' ? 0 : unit.length)), number: n, unit: unit === '%' ? '' : unit };
}

/** Figures written in Chinese numerals or as dates, ordinals, fractions (each span once, first pattern wins). */
function chineseFigures(s: string): ChineseFigure[] {
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

function clauseStart(s: string, at: number): number {
  let i = at;
  while (i > 0 && !CLAUSE_BREAK.test(s[i - 1])) i--;
  return i;
}

function clauseEnd(s: string, at: number): number {
  let i = at;
  while (i < s.length && !CLAUSE_BREAK.test(s[i]) && !/[。！？]/.test(s[i])) i++;
  return i;
}

/** Words that open a clause without being its subject ("特别是全国还有…", "使建档立卡贫困人口中有…"). */
const LEADING_NON_SUBJECT = /^(?:第[一二三四五六七八九十百零]+条|今年|明年|去年|全年|拟安排|拟|可依据|依据|按照|根据|特别是|尤其是|其中|同时|此外|另外|截至目前|目前|现在|当前|实现|我们将使|我们要|我们|使|让|将|对|为|把|从|经过|通过|是)+/;
/** Adverbs and particles that trail a subject before its verb ("贫困发生率仍", "县大概", "全国还"). */
const TRAILING_NON_SUBJECT = /(?:中|还|将|就|也|都|共|对|近|仍|已|均|又|分别|大概|大约|约|总共|累计|一般|原则上|应当|应|须|必须|可|不|拟安排|安排|拟|按|按照)+$/;
/** Not a subject on its own: adverbs, times and scopes ("分别", "今后", "全国"). */
const NOT_A_SUBJECT = /^(?:分别|特别|均|都|已经|今后|未来|目前|现在|今年|去年|明年|当前|近年来|其中|全国|我国|全区|全省|全市|各地)$/;
/** Counted things named right after the figure ("52个贫困县未摘帽", "25.5万个驻村工作队"), cut at their verb. */
const AFTER_STOP = /(?:实现|已|未|的|在|得到|达到|为|是|摆脱|通过|参加|开展|实施|存在|有|无|向|给|到|进行|担任|帮扶|驰援|结对|对|以上|左右|全部|驻村帮扶|和|与|、|（|要|需要|必须|应当)/;
/** What a count counts ends in a noun of people, places or bodies ("驻村工作队", "贫困县", "医护人员"). */
const COUNTED_NOUN = /(?:[口县村部员队组业人户校家织区省市群者师生]|工作|任务)$/;
/** Measures that make a subject on their own ("年均脱贫人数", "贫困发生率", "合同金额"). */
const MEASURE_NOUN = /(?:人数|人口|率|收入|资金|金额|规模|比例|总额|总量|数量|时间|期限|年限|时长|次数|涨幅|增幅|增速|降幅|增长|产量|就业|投资|赤字率|总值|债券|国债|预算)$/;
const COUNT_UNITS = /^(?:万|亿|千)?(?:个|名|家|所|支|座|项|户|人|万人|亿人)?$/;

/** The noun phrase that opens the clause, or the one the figure qualifies or counts ("97%的建档立卡贫困人口"). */
function findSubject(s: string, at: number, end: number, unit = ''): string | undefined {
  const head = s.slice(clauseStart(s, at), at).replace(/^[“”"‘’（(]+/, '');
  const ends = [...head.matchAll(new RegExp(SUBJECT_END.source, 'g'))].filter((m) => m.index! > 0);
  const cut = ends.length ? ends[0].index! : -1;
  // After the last number, unit or "的": "全国832个贫困县中" → "贫困县中" is no subject, "的" splits.
  // A clause that is only its subject ("年均脱贫人数1370万人", "合同金额2037亿元") names a measure.
  const whole = cut < 0 && MEASURE_NOUN.test(clean(head)) && !/\d/.test(head) ? head : '';
  let subject = (whole || (cut >= 0 ? head.slice(0, cut) : '')).replace(/^.*[的\d%个]/, '');
  subject = clean(subject);
  if ((!isSubject(subject) || NOT_A_SUBJECT.test(clean(subject))) && s[end] === '的') {
    const tail = s.slice(end + 1, clauseEnd(s, end));
    const stop = tail.search(/(?:实现|已|未|的|在|得到|达到|为|是)/);
    subject = clean(stop > 0 ? tail.slice(0, stop) : '');
  }
  // "今年是马克思诞辰200周年": after a time word, what the figure counts follows 是.
  const named = /(?:今年|明年|去年|今天|明天|当年|这一年|那一年)是([\u4e00-\u9fa5]{2,10})$/.exec(head);
  if ((!isSubject(subject) || NOT_A_SUBJECT.test(subject)) && named && isSubject(named[1])) subject = named[1];
  if ((!isSubject(subject) || NOT_A_SUBJECT.test(subject)) && COUNT_UNITS.test(unit)) {
    const tail = s.slice(end, clauseEnd(s, end));
    const stop = tail.search(AFTER_STOP);
    const counted = clean(stop > 0 ? tail.slice(0, stop) : '');
    if (isSubject(counted) && counted.length <= 8 && COUNTED_NOUN.test(counted) && !NOT_A_SUBJECT.test(counted)) subject = counted;
  }
  return isSubject(subject) && !NOT_A_SUBJECT.test(subject) ? subject : undefined;
}

function clean(subject: string): string {
  return subject.replace(LEADING_NON_SUBJECT, '').replace(TRAILING_NON_SUBJECT, '').slice(-12);
}

function isSubject(subject: string): boolean {
  return (
    /^[\u4e00-\u9fff]{2,12}$/.test(subject) &&
    !/年(?!均)|月|日/.test(subject) &&
    // A subject opens with a noun: not with a unit left over from a number ("岁以上老人") nor a pronoun.
    !/^[岁个名万亿元千]/.test(subject) &&
    !/他们|我们|她们|你们|[我你他她](?!国)/.test(subject) &&
    !/[且而并现和与及或被把]$/.test(subject)
  );
}

/**
 * Date of each figure: the nearest date before it in its clause. A clause that names no date but
 * carries as many figures as the previous dated clause takes its dates pairwise ("…从2012年年底的
 * 9899万人减到2019年年底的551万人，贫困发生率由10.2%降至0.6%").
 */
function assignDates(text: string, figures: RawFigure[]): void {
  let lastDates: string[] = [];
  let lastSentence = -1;
  const bySentenceClause = new Map<string, RawFigure[]>();
  for (const f of figures) {
    const s = text.slice(f.sentence.start, f.sentence.end);
    const rel = f.span.start - f.sentence.start;
    const key = `${f.sentence.start}:${clauseStart(s, rel)}`;
    bySentenceClause.set(key, [...(bySentenceClause.get(key) ?? []), f]);
  }
  for (const group of bySentenceClause.values()) {
    const { sentence } = group[0];
    if (sentence.start !== lastSentence) lastDates = [];
    lastSentence = sentence.start;
    const s = text.slice(sentence.start, sentence.end);
    const cStart = clauseStart(s, group[0].span.start - sentence.start);
    const dates: string[] = [];
    for (const f of group) {
      if (f.targetYear) continue;
      const before = s.slice(cStart, f.span.start - sentence.start);
      const found = [...before.matchAll(DATE)];
      const last = found[found.length - 1];
      // Only a date right before the figure ("2012年年底的9899万人") or opening the clause counts.
      if (last && (last.index! + last[0].length === before.length || last.index === 0)) f.date = last[1];
      if (f.date) dates.push(f.date);
    }
    const undated = group.filter((f) => !f.date && !f.targetYear);
    if (dates.length === 0 && undated.length > 0 && undated.length === lastDates.length) {
      undated.forEach((f, i) => (f.date = lastDates[i]));
    }
    if (dates.length > 0) lastDates = dates;
  }
}

/** "第十八条" opening a regulation's article: a number, not context. */
const ARTICLE = /^第[一二三四五六七八九十百零]+条/;
/** "新华社北京12月8日电" opening a news release. */
const DATELINE = /^新华社[\u4e00-\u9fa5]{0,6}\d{1,2}月\d{1,2}日电/;

export interface FigureCloze {
  prompt: string;
  answer: string;
  /** The context shown, in normalized coordinates. */
  context: Span;
}

/** A cloze on one figure: its clause (grown backwards until it says enough), the figure blanked. */
export function figureCloze(text: string, fig: RawFigure): FigureCloze {
  const s = text.slice(fig.sentence.start, fig.sentence.end);
  const at = fig.span.start - fig.sentence.start;
  const end = fig.span.end - fig.sentence.start;
  let start = clauseStart(s, at);
  let stop = clauseEnd(s, end);
  while (start > 0 && (stop - start < 24 || !fig.subject || start === at)) {
    const prev = clauseStart(s, start - 1);
    if (stop - prev > 90) break;
    start = prev;
  }
  // A clause cut inside a quotation ("喊出“团结起来，振兴中华”的口号") runs to its closing mark.
  const opened = s.lastIndexOf('“', stop);
  if (opened >= start && s.indexOf('”', opened) > stop) stop = clauseEnd(s, s.indexOf('”', opened));
  // A deadline's clause often ends right after it ("到2020年，稳定实现…"): show what is due.
  if (fig.targetYear && s.slice(end, stop).replace(/[，、]/g, '').length < 6 && stop < s.length) stop = clauseEnd(s, stop + 1);
  const prompt = (s.slice(start, at) + '____' + s.slice(end, stop)).replace(/^[，；：、]+/, '').replace(ARTICLE, '').replace(DATELINE, '');
  return {
    prompt,
    answer: s.slice(at, end),
    context: { start: fig.sentence.start + start, end: fig.sentence.start + stop },
  };
}

