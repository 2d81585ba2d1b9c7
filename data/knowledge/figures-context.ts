// What a figure measures and when (figures.ts): the subject of its clause and the date it refers to.
import type { RawFigure } from './raw';
import { ADDRESSEE_END } from './lists';

const CLAUSE_BREAK = /[，；：,;]/;
// A date right before the figure: "2012年年底的", "2019年", "2017年底".
const DATE = /(\d{4}年(?:\d{1,2}月)?(?:年底|年末|底|末|初)?)(?:的)?/g;
// Words that end a subject: "贫困人口从…", "贫困发生率由…".
const SUBJECT_END =
  /(?:从|由|在|到|达到|为|是|有|已|累计|共|超过|减少|增加|下降|降至|减到|年均|比|占|上涨|增长|提高|降低|上升)/;

export function clauseStart(s: string, at: number): number {
  let i = at;
  while (i > 0 && !CLAUSE_BREAK.test(s[i - 1])) i--;
  return i;
}

export function clauseEnd(s: string, at: number): number {
  let i = at;
  while (i < s.length && !CLAUSE_BREAK.test(s[i]) && !/[。！？]/.test(s[i])) i++;
  return i;
}

/** Words that open a clause without being its subject ("特别是全国还有…", "使建档立卡贫困人口中有…"). */
const LEADING_NON_SUBJECT =
  /^(?:第[一二三四五六七八九十百零]+条|今年|明年|去年|全年|拟安排|拟|可依据|依据|按照|根据|特别是|尤其是|其中|同时|此外|另外|截至目前|目前|现在|当前|实现|我们将使|我们要|我们|使|让|将|对|为|把|从|经过|通过|是)+/;
/** Adverbs and particles that trail a subject before its verb ("贫困发生率仍", "县大概", "全国还"). */
const TRAILING_NON_SUBJECT =
  /(?:中|还|将|就|也|都|共|对|近|仍|已|均|又|分别|大概|大约|约|总共|累计|一般|原则上|应当|应|须|必须|可|不|拟安排|安排|拟|按|按照)+$/;
/** Not a subject on its own: adverbs, times and scopes ("分别", "今后", "全国"). */
const NOT_A_SUBJECT =
  /^(?:分别|特别|均|都|已经|今后|未来|目前|现在|今年|去年|明年|当前|近年来|其中|全国|我国|全区|全省|全市|各地)$/;
/** Counted things named right after the figure ("52个贫困县未摘帽", "25.5万个驻村工作队"), cut at their verb. */
const AFTER_STOP =
  /(?:实现|已|未|的|在|得到|达到|为|是|摆脱|通过|参加|开展|实施|存在|有|无|向|给|到|进行|担任|帮扶|驰援|结对|对|以上|左右|全部|驻村帮扶|和|与|、|（|要|需要|必须|应当)/;
/** What a count counts ends in a noun of people, places or bodies ("驻村工作队", "贫困县", "医护人员"). */
const COUNTED_NOUN = /(?:[口县村部员队组业人户校家织区省市群者师生]|工作|任务)$/;
/** Measures that make a subject on their own ("年均脱贫人数", "贫困发生率", "合同金额"). */
const MEASURE_NOUN =
  /(?:人数|人口|率|收入|资金|金额|规模|比例|总额|总量|数量|时间|期限|年限|时长|次数|涨幅|增幅|增速|降幅|增长|产量|就业|投资|赤字率|总值|债券|国债|预算)$/;
const COUNT_UNITS = /^(?:万|亿|千)?(?:个|名|家|所|支|座|项|户|人|万人|亿人)?$/;

/** The noun phrase that opens the clause, or the one the figure qualifies or counts ("97%的建档立卡贫困人口"). */
export function findSubject(s: string, at: number, end: number, unit = ''): string | undefined {
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
    if (isSubject(counted) && counted.length <= 8 && COUNTED_NOUN.test(counted) && !NOT_A_SUBJECT.test(counted))
      subject = counted;
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
export function assignDates(text: string, figures: RawFigure[]): void {
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

/** A heading line: short, no sentence punctuation, a few ideographs ("二、2025年发展主要预期目标", "财政政策："). */
const HEADING_LINE = /^[^。！？；;!?，,]{2,24}$/;
const ENUMERATOR = /^(?:[（(]?[一二三四五六七八九十]+[)）、．.]|\d+[、．.])\s*/;
/** A speech's salutation ("同志们、朋友们：", "各位代表："): no heading. */
const ADDRESS = new RegExp(`${ADDRESSEE_END}$`);
/** Lines of a digest stay short; a paragraph of prose between a heading and a figure ends the section's list. */
const LIST_LINE = 60;

/**
 * The heading a figure's line is listed under ("2025年发展主要预期目标" over "粮食产量1.4万亿斤左右。"):
 * the nearest heading line above, the figure's line and those between short. Undefined in running prose.
 */
export function headingBefore(text: string, at: number): string | undefined {
  let end = text.lastIndexOf('\n', at - 1);
  const own = text.indexOf('\n', at);
  if ((own < 0 ? text.length : own) - end - 1 > LIST_LINE) return undefined;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).trim();
    if (line.length > LIST_LINE) return undefined;
    const heading = line.replace(ENUMERATOR, '').replace(/[：:\s]+$/, '');
    if (
      HEADING_LINE.test(line) &&
      !ADDRESS.test(heading) &&
      [...heading].filter((c) => /[\u4e00-\u9fff]/.test(c)).length >= 4
    )
      return heading;
    end = start - 1;
  }
  return undefined;
}
