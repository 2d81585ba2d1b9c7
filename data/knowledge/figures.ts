// Statistics in normalized text: a number with its unit, what it measures and the date it refers
// to, so a cloze card stays answerable and a quiz can draw distractors of the same unit.
// The Chinese-numeral figures are read in figures-chinese.ts, subjects and dates in figures-context.ts.
import type { RawFigure } from './raw';
import { splitSentences, type Span } from './normalize';
import { chineseFigures, MULTIPLIER } from './figures-chinese';
import { assignDates, clauseEnd, clauseStart, findSubject } from './figures-context';

const UNITS =
  '个百分点|百分点|%|万人次|人次|人(?![口群员民才])|户|美元|元|个月|个|倍|次|名|家|所|县|村|平方公里|公里|亩|天|周岁|岁|项|支|座|万吨|吨|' +
  '周年|年|学时|课时|小时|分钟|千瓦时|千瓦|公顷|立方米|平方米|公斤|斤|台|辆|套|件|艘|架|场|篇|届|批|类|条|款|所|处|床';
const FIGURE = new RegExp(`(?<![\\d.\\-:/~第])(\\d+(?:\\.\\d+)?)(多|余)?(万亿|万|亿|千)?(${UNITS})?`, 'g');
// Speech structure, not facts: "讲3个问题", "3点意见".
const ENUMERATION_AFTER = /^(?:问题|方面|重点|意见|部分|层面|阶段|步)/;
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
      // "“十四五”即将圆满收官", "实现“十五五”良好开局": the plan in course says when, and is no fact to recall.
      if (x.subject === '五年规划' && PLAN_AS_TIME.test(s.slice(x.end))) continue;
      // "制定……第十五个五年规划的建议……明确“十五五”时期……": the text has just named the plan by its number;
      // its short name is the passage's frame, and the cloze would give its own answer away.
      const from = sentence.start + x.at;
      if (x.subject === '五年规划' && PLAN_BY_NUMBER.test(text.slice(Math.max(0, from - PLAN_NAMED_NEAR), from)))
        continue;
      const { text: _t, once: _o, at, end, ...fig } = x;
      push(fig, at, end, x.event ? undefined : at);
    }
    const hasDigit = /\d/.test(s);
    for (const m of hasDigit && RANGE_HINT.test(s) ? s.matchAll(RANGE) : []) {
      const [whole, a, unitA = '', b, , mult = '', unit = ''] = m;
      const at = m.index!;
      if (!unit && !mult && !unitA) continue;
      if (/^(?:19|20)\d\d$/.test(a) && /^(?:19|20)\d\d$/.test(b) && (!unit || unit === '年') && !mult && !unitA)
        continue; // a span of years
      push(
        { value: a, number: Number(a) * (MULTIPLIER[mult || unitA] ?? 1), unit: mult + unit || unitA },
        at,
        at + whole.length,
        at,
      );
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
          isYear &&
          s[at - 1] === '到' &&
          !/^(?:底|年底|末|\d|以前|月|的)/.test(after) &&
          !/从\d{4}年底?到$/.test(s.slice(0, at)) &&
          !/[（(]\d{4}年?到$/.test(s.slice(0, at)); // "“十五五”时期（2026到2030年）": the period's span
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

/** A plan named by its number ("第十五个五年规划"), and how far before a short plan name it still frames it. */
const PLAN_BY_NUMBER = /第十[一二三四五六七八九]个五年规划/;
const PLAN_NAMED_NEAR = 500;

/**
 * After a plan's name, its start or end ("规划收官之年", "良好开局", "主要目标任务胜利完成") or its span in years
 * ("时期（2026—2030年）").
 */
const PLAN_AS_TIME =
  /^[”」]?(?:规划|时期)?的?(?:(?:即将|已经|已|将|顺利|圆满|胜利|全面|良好)*(?:收官|开局|起步|收尾)|[（(]\d{4}|(?:主要)?目标任务(?:即将|已经|已|将|顺利|圆满|胜利|全面)*完成)/;

/** A year that opens what happened then ("1981年北大学子在燕园喊出……", "早在1921年，我们党就……"). */
const EVENT_VERB =
  /喊出|提出|召开|成立|诞生|创立|创建|作出|举行|开启|确立|写入|颁布|发表|发出|建立|开辟|开始|召开|宣告|签署/;
function isEventYear(s: string, at: number, after: string): boolean {
  if (/^年(?:底|末|初|以来|起|前|后|的|度|至|到|—|-|、|和|以前|以后|\d)/.test(after)) return false;
  // The year opens its clause ("1981年北大学子……", "我记得，1981年……", "早在1921年，……").
  if (!/(?:^|[，；：。！？])(?:我记得|记得|早在|在|于)?$/.test(s.slice(0, at))) return false;
  const rest = after.slice(1);
  const clause = (/^，/.test(rest) ? rest.slice(1) : rest).split(/[，。；]/)[0];
  return EVENT_VERB.test(clause.slice(0, 30)) && !/\d/.test(clause.slice(0, 30));
}

/** "第十八条" opening a regulation's article: a number, not context. */
const ARTICLE = /^第[一二三四五六七八九十百零]+条/;
/** "新华社北京12月8日电" opening a news release. */
const DATELINE = /^新华社[\u4e00-\u9fa5]{0,6}\d{1,2}月\d{1,2}日电/;
/**
 * A reporter's byline opening a report ("《祖国》记者/李国良", "本刊记者／王某、李某"): who wrote it, not context.
 * Only with its slash, and only when the name stands alone (a date or space after it), so "记者李国良从会上获悉" stays.
 */
const BYLINE =
  /^(?:《[^》]{1,12}》|[\u4e00-\u9fa5]{2,8}?)?(?:特约|本刊|本报|首席)?记者\s*[/／]\s*[\u4e00-\u9fa5·]{2,4}(?:\s*[、]\s*[\u4e00-\u9fa5·]{2,4})*(?![\u4e00-\u9fa5·])\s*/;

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
  // "目标是：经济增长5%左右；城镇调查失业率5.5%左右；…": an item of a colon list never borrows the item before;
  // it is asked under what the list is of ("今年发展主要预期目标：城镇调查失业率____").
  const colon = s.lastIndexOf('：', at);
  const list = colon > 0 && s.includes('；', colon) ? s.slice(clauseStart(s, colon), colon).replace(/是$/, '') : '';
  // "今年是……收官之年，发展主要预期目标是：…": the year the sentence names goes with what the list is of.
  const year = /今年|明年/.exec(list)
    ? ''
    : (s
        .slice(0, colon)
        .match(/今年|明年/g)
        ?.pop() ?? '');
  const under = /^[\u4e00-\u9fa5]{4,20}$/.test(list) && start > colon + 1 ? year + list : '';
  while (start > 0 && (stop - start < 24 || !fig.subject || start === at)) {
    if (under && s[start - 1] === '；') break;
    const prev = clauseStart(s, start - 1);
    if (stop - prev > 90) break;
    start = prev;
  }
  // A clause cut inside a quotation ("喊出“团结起来，振兴中华”的口号") runs to its closing mark.
  const opened = s.lastIndexOf('“', stop);
  if (opened >= start && s.indexOf('”', opened) > stop) stop = clauseEnd(s, s.indexOf('”', opened));
  // A deadline's clause often ends right after it ("到2020年，稳定实现…"): show what is due.
  if (fig.targetYear && s.slice(end, stop).replace(/[，、]/g, '').length < 6 && stop < s.length)
    stop = clauseEnd(s, stop + 1);
  const prompt = (
    (under && s[start - 1] === '；' ? `${under}：` : '') +
    s.slice(start, at) +
    '____' +
    s.slice(end, stop)
  )
    .replace(/^[，；：、]+/, '')
    .replace(ARTICLE, '')
    .replace(DATELINE, '')
    .replace(BYLINE, '');
  return {
    prompt,
    answer: s.slice(at, end),
    context: { start: fig.sentence.start + start, end: fig.sentence.start + stop },
  };
}
