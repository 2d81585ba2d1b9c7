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
}

const UNITS =
  '个百分点|百分点|%|万人次|人次|人(?![口群员民才])|户|美元|元|个|倍|次|名|家|所|县|村|公里|亩|天|岁|项|支|座|吨|年';
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
const SUBJECT_END = /(?:从|由|在|到|达到|为|是|有|已|累计|共|超过|减少|增加|下降|降至|减到|年均|比|占)/;

export function extractFigures(text: string, sentences: Span[] = splitSentences(text)): RawFigure[] {
  const figures: RawFigure[] = [];
  for (const sentence of sentences) {
    const s = text.slice(sentence.start, sentence.end);
    for (const m of s.matchAll(FIGURE)) {
      const [whole, digits, approx, mult = '', unit = ''] = m;
      const at = m.index ?? 0;
      const after = s.slice(at + whole.length);
      if (after.startsWith('-') || /^[.\d]/.test(after)) continue;
      const value = Number(digits);
      let targetYear = false;
      if (unit === '年') {
        const isYear = digits.length === 4 && value >= 1900 && value <= 2100 && !mult;
        // "到2020年" is a deadline; "从2013年到2019年" is a range and "到2017年底" a date.
        const deadline =
          isYear && s[at - 1] === '到' && !/^(?:底|年底|末|\d|以前|月|的)/.test(after) && !/从\d{4}年底?到$/.test(s.slice(0, at));
        if (isYear && !deadline) continue; // a date, not a figure
        if (!isYear && (/^(?:代|级|前)/.test(after) || value > 100)) continue;
        targetYear = deadline;
      }
      if (!unit && !mult) continue; // bare numbers: dates, codes, list markers
      if (unit === '个' && (/^月/.test(after) || ENUMERATION_AFTER.test(after))) continue;
      if ((unit === '个' || unit === '点' || unit === '次') && s[at - 1] === '讲') continue;
      const start = sentence.start + at;
      const end = start + whole.length;
      const fig: RawFigure = {
        value: targetYear ? digits : digits + (approx ?? ''),
        number: value * (MULTIPLIER[mult] ?? 1),
        unit: mult + unit,
        span: { start, end },
        sentence,
      };
      if (targetYear) {
        fig.targetYear = true;
        fig.subject = '目标年份';
      } else {
        const subject = findSubject(s, at, at + whole.length, mult + unit);
        if (subject) fig.subject = subject;
      }
      figures.push(fig);
    }
  }
  assignDates(text, figures);
  return figures;
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
const LEADING_NON_SUBJECT = /^(?:特别是|尤其是|其中|同时|此外|另外|截至目前|目前|现在|当前|实现|我们将使|我们要|我们|使|让|将|对|为|把|从|经过|通过|是)+/;
/** Adverbs and particles that trail a subject before its verb ("贫困发生率仍", "县大概", "全国还"). */
const TRAILING_NON_SUBJECT = /(?:中|还|将|就|也|都|共|对|近|仍|已|均|又|分别|大概|大约|约|总共|累计)+$/;
/** Not a subject on its own: adverbs, times and scopes ("分别", "今后", "全国"). */
const NOT_A_SUBJECT = /^(?:分别|特别|均|都|已经|今后|未来|目前|现在|今年|去年|明年|当前|近年来|其中|全国|我国|全区|全省|全市|各地)$/;
/** Counted things named right after the figure ("52个贫困县未摘帽", "25.5万个驻村工作队"), cut at their verb. */
const AFTER_STOP = /(?:实现|已|未|的|在|得到|达到|为|是|摆脱|通过|参加|开展|实施|存在|有|无|向|给|到|进行|担任|帮扶|驰援|结对|对|以上|左右|全部|驻村帮扶|和|与|、|（)/;
/** What a count counts ends in a noun of people, places or bodies ("驻村工作队", "贫困县", "医护人员"). */
const COUNTED_NOUN = /[口县村部员队组业人户校家织区省市群者师生]$/;
/** Measures that make a subject on their own ("年均脱贫人数", "贫困发生率", "合同金额"). */
const MEASURE_NOUN = /(?:人数|人口|率|收入|资金|金额|规模|比例|总额|总量|数量)$/;
const COUNT_UNITS = /^(?:万|亿|千)?(?:个|名|家|所|支|座|项|户|人|万人|亿人)?$/;

/** The noun phrase that opens the clause, or the one the figure qualifies or counts ("97%的建档立卡贫困人口"). */
function findSubject(s: string, at: number, end: number, unit = ''): string | undefined {
  const head = s.slice(clauseStart(s, at), at).replace(/^[“”"‘’（(]+/, '');
  const ends = [...head.matchAll(new RegExp(SUBJECT_END.source, 'g'))].filter((m) => m.index! > 0);
  const cut = ends.length ? ends[0].index! : -1;
  // After the last number, unit or "的": "全国832个贫困县中" → "贫困县中" is no subject, "的" splits.
  // A clause that is only its subject ("年均脱贫人数1370万人", "合同金额2037亿元") names a measure.
  const whole = cut < 0 && MEASURE_NOUN.test(head) && !/\d/.test(head) ? head : '';
  let subject = (whole || (cut >= 0 ? head.slice(0, cut) : '')).replace(/^.*[的\d%个]/, '');
  subject = clean(subject);
  if ((!isSubject(subject) || NOT_A_SUBJECT.test(clean(subject))) && s[end] === '的') {
    const tail = s.slice(end + 1, clauseEnd(s, end));
    const stop = tail.search(/(?:实现|已|未|的|在|得到|达到|为|是)/);
    subject = clean(stop > 0 ? tail.slice(0, stop) : '');
  }
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
  // A deadline's clause often ends right after it ("到2020年，稳定实现…"): show what is due.
  if (fig.targetYear && s.slice(end, stop).replace(/[，、]/g, '').length < 6 && stop < s.length) stop = clauseEnd(s, stop + 1);
  const prompt = (s.slice(start, at) + '____' + s.slice(end, stop)).replace(/^[，；：、]+/, '');
  return {
    prompt,
    answer: targetAnswer(fig),
    context: { start: fig.sentence.start + start, end: fig.sentence.start + stop },
  };
}

function targetAnswer(fig: RawFigure): string {
  return fig.value + fig.unit;
}
