// Key terms of one normalized document: short quoted expressions ("三区三州", "万企帮万村", "两不愁三保障")
// and sentence-initial definitions ("精准扶贫，是指……", "中央统筹，就是……"), each with the definition the
// document gives right there, if any. Scare quotes around everyday words ("好处", "打赢") are dropped
// unless they recur, carry a number or get a definition; quoted sentences and book titles are not terms.
import { extractFormulations } from './formulations';
import { closingQuoteOf, isCjk } from './lists';
import type { RawFormulation, RawTerm } from './raw';

const QUOTED = /[“‘「『]([^“”‘’「」『』\n]{2,12})[”’」』]/g;
/**
 * Definition right after the closing quote: “X”，即……, “X”是指……, “X”（……）. 即 and 指 that open
 * another word ("“十五五”即将开局", "以“两个结合”指导…") define nothing.
 */
const AFTER_QUOTE = /^(，即|,即|即|，是指|是指|，就是|就是|，指|指|（)/;
const OTHER_WORD = /^[，,]?[即指][将便使刻时可导出明引挥标南]/;
/** Sentence-initial term with a definition: "精准扶贫，是指……", "中央统筹，就是……", also after an article number ("第二十五条 党员组织关系是指……"). */
const LEAD_DEF =
  /(?<=(?:^|[。！？\n])(?:第[一二三四五六七八九十百零]+条)?)([\u4e00-\u9fa5]{2,8})(，是指|是指|，就是|，即)/g;
const DEF_END = /[。；！？\n]/;
const MAX_DEF = 120;

export function extractTerms(text: string, formulations?: RawFormulation[]): RawTerm[] {
  const found = formulations ?? extractFormulations(text);
  const byName = new Map(found.filter((f) => f.name).map((f) => [f.name!, f]));
  const all: RawTerm[] = [];
  for (const m of text.matchAll(QUOTED)) {
    const term = m[1].trim();
    const open = m.index!;
    const closeAt = open + m[0].length - 1;
    if (closingQuoteOf(m[0][0]) !== text[closeAt]) continue;
    if (!looksLikeTerm(term) || text[open - 1] === '《') continue;
    const t: RawTerm = { term, span: { start: open + 1, end: closeAt }, quoted: true };
    const def = definitionAfter(text, closeAt + 1);
    const f = byName.get(term);
    if (def) Object.assign(t, def);
    else if (f) {
      t.definition = f.members.join('、');
      t.definitionSpan = { start: f.memberSpans[0].start, end: f.memberSpans[f.memberSpans.length - 1].end };
    }
    all.push(t);
  }
  for (const m of text.matchAll(LEAD_DEF)) {
    const start = m.index!;
    const body = start + m[0].length;
    const def = definitionSpan(text, body);
    if (!def) continue;
    all.push({ term: m[1], span: { start, end: start + m[1].length }, quoted: false, ...def });
  }
  return dedupe(all);
}

function looksLikeTerm(s: string): boolean {
  if (/[，。；！？,;!?：:、]/.test(s)) return false; // a quoted sentence or list, not a term
  const cjk = [...s].filter(isCjk).length;
  return cjk >= 2 && cjk >= s.length * 0.6;
}

function definitionSpan(text: string, from: number): Pick<RawTerm, 'definition' | 'definitionSpan'> | undefined {
  const rest = text.slice(from, from + MAX_DEF);
  const end = rest.search(DEF_END);
  if (end < 2) return undefined;
  return { definition: rest.slice(0, end), definitionSpan: { start: from, end: from + end } };
}

function definitionAfter(text: string, from: number): Pick<RawTerm, 'definition' | 'definitionSpan'> | undefined {
  const intro = AFTER_QUOTE.exec(text.slice(from, from + 3));
  if (!intro || OTHER_WORD.test(text.slice(from, from + 3))) return undefined;
  const start = from + intro[0].length;
  if (intro[0] === '（') {
    const close = text.indexOf('）', start);
    if (close < 0 || close - start > MAX_DEF || close - start < 2) return undefined;
    return { definition: text.slice(start, close), definitionSpan: { start, end: close } };
  }
  return definitionSpan(text, start);
}

const NUMBERED = /[一二两三四五六七八九十百千万\d]/;

/** Verbs that launch a named mechanism or campaign: "全面实施“技能中国行动”", "开展“万企帮万村”行动". */
const LAUNCH_BEFORE =
  /(?:开展|实施|推行|推进|落实|深化|创建|推广|组织|实行|建立|完善|坚持|健全|打造|启动|探索|创造了|创新|用好)$/;
/** What a quoted name is the name of: "“放管服”改革", "“谁执法谁普法”普法责任制". */
const MECHANISM_AFTER =
  /^(?:[\u4e00-\u9fa5]{0,4}?(?:行动|活动|责任制)|改革|学习教育|集中教育|主题教育|行动|专项行动|工程|计划|机制|制度|活动|模式|责任制|普法责任制|工作法|试点|品牌|经验|做法|平台|园区|基地|示范|服务|培训|运动)/;
const MECHANISM_HEAD =
  /(?:行动|工程|计划|机制|制度|改革|模式|方式|经验|工作法|责任制|活动|园区|平台|试点|示范|基地|清单|运动|做法)$/;
/** A counted formulation's name ("四个意识", "五位一体"): the series and the glossary teach those. */
const COUNTED_NAME = /^[一二两三四五六七八九十]+(?:个|大|项|种|条|位|有|不|严|风)/;

/**
 * A quoted name of a mechanism or campaign that the document uses without defining it ("全面落实
 * “谁执法谁普法”普法责任制"): its clause with the name blanked, so a cadre recalls the name from
 * what it does and where it stands. Undefined for scare quotes, sayings and counted formulations.
 */
export function namedMechanismCloze(text: string, t: RawTerm): string | undefined {
  if (!t.quoted || t.definition || COUNTED_NAME.test(t.term) || t.term.length > 10) return undefined;
  const { start, end } = t.span;
  const before = text.slice(Math.max(0, start - 1 - 6), start - 1);
  const after = text.slice(end + 1, end + 8);
  // Launched by a verb and standing alone ("全面实施“技能中国行动”，"), not modifying another noun ("实施“一把手”政治能力提升计划").
  const launched = LAUNCH_BEFORE.test(before) && /^(?:[，。；、！？]|等|$)/.test(after);
  const named = MECHANISM_HEAD.test(t.term) && !/(?:搞|防止|避免|反对|杜绝|不搞|克服|纠正)$/.test(before);
  if (!(launched || MECHANISM_AFTER.test(after) || named)) return undefined;
  const stops = /[。；！？\n]/;
  let from = start - 1;
  while (from > 0 && !stops.test(text[from - 1]) && (start - from < 14 || !/[，：]/.test(text[from - 1]))) from--;
  let to = end + 1;
  while (to < text.length && !stops.test(text[to]) && (to - end < 10 || !/[，：]/.test(text[to]))) to++;
  const prompt = (text.slice(from, start) + '____' + text.slice(end, to))
    .replace(/^[，、：]+/, '')
    .replace(/^第[一二三四五六七八九十百零]+条/, '');
  const context = [...prompt].filter((c) => /[\u4e00-\u9fa5]/.test(c)).length;
  return context >= 8 && prompt.length <= 70 ? prompt : undefined;
}

/** One entry per term: the first occurrence with a definition wins, else the first one. */
function dedupe(all: RawTerm[]): RawTerm[] {
  const byTerm = new Map<string, RawTerm>();
  const counts = new Map<string, number>();
  for (const t of all) {
    counts.set(t.term, (counts.get(t.term) ?? 0) + 1);
    const seen = byTerm.get(t.term);
    if (!seen || (!seen.definition && t.definition)) byTerm.set(t.term, t);
  }
  return (
    [...byTerm.values()]
      .map((t) => ({ ...t, count: counts.get(t.term)! }))
      // A two-character scare quote said once ("好处", "打赢") is emphasis, not a term.
      .filter((t) => t.term.length > 2 || t.definition || t.count > 1 || NUMBERED.test(t.term) || !t.quoted)
      .sort((a, b) => a.span.start - b.span.start)
  );
}
