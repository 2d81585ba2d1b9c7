// Small text helpers shared by the formulation and term extractors: Chinese counts, quotes,
// clause boundaries and the splitting of "A、B和C" lists. Pure and table-tested through their callers.
import type { Span } from './raw';

const DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
export const NUMERAL_CHARS = '一二两三四五六七八九十';

/** "六" → 6, "十二" → 12, "3" → 3; undefined for anything that is not one plain count ("十三五"). */
export function parseCount(s: string): number | undefined {
  if (/^\d{1,3}$/.test(s)) return Number(s);
  if (s.length === 1 && s in DIGIT) return DIGIT[s];
  const m = /^([二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? DIGIT[m[1]] : 1) * 10 + (m[2] ? DIGIT[m[2]] : 0);
  return undefined;
}

/**
 * How many members a formulation name announces: 六个精准 → 6, 三扶观 → 3, 两不愁三保障 → 2+3,
 * 三区三州 → 3+3, 精准扶贫四个问题 → 4. A leading 一 is never a count (一村一品, 一带一路), nor is
 * the 一 of 五个一批 / 五位一体; 十三五 is a plan, not a list.
 */
export function nameCount(name: string): number | undefined {
  const lead = /^[一二两三四五六七八九十\d]+/.exec(name)?.[0];
  if (!lead) {
    const inner = /(?<![一二两三四五六七八九十\d])([二两三四五六七八九十]|\d)个/.exec(name);
    return inner ? parseCount(inner[1]) : undefined;
  }
  if (lead === '一') return undefined;
  // Digits count only as "3个…"; "10·17" is a date.
  if (/^\d/.test(lead) && name[lead.length] !== '个') return undefined;
  const first = parseCount(lead);
  if (first === undefined || first < 2) return undefined;
  const rest = name.slice(lead.length);
  const second = /^[^一二两三四五六七八九十\d个]+([二两三四五六七八九十])[^一二两三四五六七八九十\d]/.exec(rest + '。');
  return second ? first + parseCount(second[1])! : first;
}

export const OPEN_QUOTES = '“‘「『';
export const CLOSE_QUOTES = '”’」』';
const PAIR: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '『': '』' };
export const closingQuoteOf = (open: string): string | undefined => PAIR[open];

/** How the one a speech addresses ends ("同志们", "各位来宾", "女士们、先生们"): its salutation, never a series or a heading. */
export const ADDRESSEE_END = '(?:们|来宾|嘉宾|代表|委员|领导|同事|同志|朋友|同胞|女士|先生)';

/** Characters that end a clause: a list item never runs across them. */
export const HARD = new Set('，。；：！？,;:!?\n（）()《》【】—─…'.split(''));
/** Characters that end a sentence. */
export const SENTENCE_END = new Set('。！？!?\n'.split(''));

export function isCjk(ch: string): boolean {
  return /[\u3400-\u9fff]/.test(ch);
}

/** Start of the sentence containing `pos`. */
export function sentenceStart(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && !SENTENCE_END.has(text[i - 1])) i--;
  return i;
}

/**
 * Split text[start, end) at top-level separators: brackets and quotes protect what they hold
 * ("因村派人（第一书记）精准" stays one item).
 */
export function splitTop(text: string, start: number, end: number, seps: string): Span[] {
  const out: Span[] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if ('（(“‘「『'.includes(ch)) depth++;
    else if ('）)”’」』'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && seps.includes(ch)) {
      out.push({ start: from, end: i });
      from = i + 1;
    }
  }
  out.push({ start: from, end });
  return out;
}

/** Drop bracketed asides and surrounding quotes from a member: "因村派人（第一书记）精准" → "因村派人精准". */
export function cleanMember(s: string): string {
  return s
    .replace(/[（(][^（）()]*[）)]/g, '')
    .replace(/^[“‘「『]+|[”’」』]+$/g, '')
    .trim();
}

/** Narrow a span so that it no longer includes surrounding quotes or blanks. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && (OPEN_QUOTES + CLOSE_QUOTES + ' ').includes(text[start])) start++;
  while (end > start && (OPEN_QUOTES + CLOSE_QUOTES + ' ').includes(text[end - 1])) end--;
  return { start, end };
}

/**
 * Verbs and connectives that lead into a list without belonging to it ("坚持扶持对象精准、…",
 * "要严格落实摘帽不摘责任、…", "对照对象、目标…"). Longest first so that 解决好 wins over 解决.
 */
const GLUE = [
  '要严格落实',
  '严格落实',
  '坚决抓好',
  '解决好',
  '主要包括',
  '包括',
  '坚持',
  '做到',
  '实现',
  '落实',
  '对照',
  '按照',
  '推进',
  '加强',
  '强化',
  '抓好',
  '提出',
  '扭住',
  '把握',
  '聚焦',
  '严守',
  '构建',
  '形成',
  '树立',
  '即',
].sort((a, b) => b.length - a.length);
/** One-character lead-ins: safe only to confirm a cut found otherwise, never to find one (有 sits inside 有保障). */
const GLUE_CHARS = ['是', '为', '有', '要', '把', '在', '对'];

/** Position after the last glue word inside span, or -1 when there is none. */
export function afterGlue(text: string, span: Span): number {
  const s = text.slice(span.start, span.end);
  let best = -1;
  for (const g of GLUE) {
    const i = s.lastIndexOf(g);
    if (i >= 0 && i + g.length < s.length && i + g.length > best) best = i + g.length;
  }
  return best < 0 ? -1 : span.start + best;
}

/** Does the text right before `pos` end with a glue word (so that cutting there is safe)? */
export function endsWithGlue(text: string, from: number, pos: number): boolean {
  const s = text.slice(from, pos);
  return s.length === 0 || GLUE.some((g) => s.endsWith(g)) || GLUE_CHARS.some((g) => s.endsWith(g));
}
