// Unnamed parallel series that a cadre learns as one unit: "摘帽不摘责任、摘帽不摘政策、摘帽不摘帮扶、
// 摘帽不摘监管", "产业互补、人员互动、技术互学、观念互通、作风互鉴". The test for a series is structural:
// equal-length items that share characters in the same positions. Ordinary enumerations
// ("怒江州、和田地区、兰考县", "医疗救助、临时救助、慈善救助") fail it, on purpose.
import type { RawFormulation, Span } from './raw';
import { CLOSE_QUOTES, HARD, NUMERAL_CHARS, OPEN_QUOTES, isCjk } from './lists';
import { sharedPositions } from './list-clues';

/** What may follow the last item when the clause runs on ("…摘帽不摘监管的要求"). */
const FOLLOW = new Set('的等和与及之上下中问要这是为并'.split(''));
/**
 * A shared suffix naming a category marks an enumeration of kinds, not a slogan: "农村地区、民族地区、
 * 贫困地区", "产业扶贫、电商扶贫、光伏扶贫". Shared prefixes (早发现、早报告…) and shared objects of
 * different verbs (动员群众、组织群众、凝聚群众) stay.
 */
const CATEGORY_SUFFIX = [
  '地区',
  '扶贫',
  '救助',
  '体系',
  '机制',
  '制度',
  '工程',
  '计划',
  '资金',
  '政策',
  '产业',
  '服务',
  '建设',
  '保障',
  '工作',
  '问题',
  '能力',
  '人员',
  '人口',
  '机构',
  '企业',
  '部门',
  '组织',
  '项目',
  '设施',
  '贷款',
  '保险',
  '教育',
  '医院',
  '学校',
  '秩序',
  '病',
  '难',
  '机关',
  '单位',
  '权',
  // Word-forming suffixes of three-character words: 创造力、凝聚力、战斗力; 责任感、使命感、紧迫感; 兰考县、大化县、赫章县.
  '力',
  '感',
  '率',
  '县',
  '村',
  '区',
  '州',
  '省',
  '市',
  '户',
  '员',
  '者',
  '家',
  '型',
  '式',
  '类',
  '费',
  '界',
  '期',
];
/**
 * Single-character verbs that open three-character verb–object slogans sharing no character:
 * 补短板、堵漏洞、强弱项; 稳增长、促改革、调结构、惠民生、防风险、保稳定; 搬得出、稳得住、能致富.
 */
const VERB_HEADS = new Set('补堵强暖聚搬稳能促调惠防保抓建控降去增提育兴治管扶稳优破立'.split(''));
/**
 * Two-character verbs that open four-character verb–object slogans sharing no character: 铭记历史、缅怀先烈、
 * 珍爱和平、开创未来. Only four or more such items that make up the clause's whole list count: noun lists
 * (思想水平、政治觉悟…) and idioms (一鼓作气) do not open with one of these verbs.
 */
const VERBS_2 = new Set(
  '铭记 牢记 缅怀 珍爱 珍惜 开创 创造 弘扬 传承 捍卫 维护 守护 践行 坚定 坚守 凝聚 汇聚 激发 增进 促进 推动 推进 深化 扩大 加强 增强 提高 提升 坚持 筑牢 守住 防范 化解 保障 改善 建设 完善 健全 落实 发展 实现 用好 应对 把握 抓住 抓好 发挥 做好'.split(
    ' ',
  ),
);
const MIN_LEN = 2;
const MAX_LEN = 8;

const QUOTES = OPEN_QUOTES + CLOSE_QUOTES;
const hasQuote = (s: string) => [...s].some((c) => QUOTES.includes(c));

export function findParallelSeries(text: string): RawFormulation[] {
  const out: RawFormulation[] = [];
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && !HARD.has(text[j])) j++;
    if (j > i) out.push(...inClause(text, i, j));
    i = j + 1;
  }
  return out;
}

/** The segment between two 、, as it can serve as the first, a middle or the last item. */
function core(text: string, seg: Span, role: 'first' | 'middle' | 'last'): Span | undefined {
  const s = text.slice(seg.start, seg.end);
  if (!hasQuote(s)) return seg;
  const enclosed = OPEN_QUOTES.includes(s[0]) && CLOSE_QUOTES.includes(s[s.length - 1]) && !hasQuote(s.slice(1, -1));
  if (enclosed) return { start: seg.start + 1, end: seg.end - 1 };
  if (role === 'middle') return undefined;
  if (role === 'first') {
    // "…地区“一发了之”" → 一发了之; "各地要在“摘帽不摘责任" → 摘帽不摘责任
    if (CLOSE_QUOTES.includes(s[s.length - 1])) {
      const open = Math.max(...[...OPEN_QUOTES].map((q) => s.lastIndexOf(q)));
      return open < 0 ? undefined : { start: seg.start + open + 1, end: seg.end - 1 };
    }
    const last = Math.max(...[...QUOTES].map((q) => s.lastIndexOf(q)));
    return { start: seg.start + last + 1, end: seg.end };
  }
  if (OPEN_QUOTES.includes(s[0])) {
    const close = [...s].findIndex((c, k) => k > 0 && CLOSE_QUOTES.includes(c));
    return close < 0 ? undefined : { start: seg.start + 1, end: seg.start + close };
  }
  const first = [...s].findIndex((c) => QUOTES.includes(c));
  return { start: seg.start, end: seg.start + first };
}

function inClause(text: string, a: number, b: number): RawFormulation[] {
  const segs: Span[] = [];
  let from = a;
  for (let i = a; i < b; i++) {
    if (text[i] === '、') {
      segs.push({ start: from, end: i });
      from = i + 1;
    }
  }
  segs.push({ start: from, end: b });
  if (segs.length < 3) return []; // two-item lists are too weak to call a series
  const len = (s?: Span) => (s ? s.end - s.start : -1);
  const mids = segs.map((s, k) => (k === 0 || k === segs.length - 1 ? undefined : core(text, s, 'middle')));
  const out: RawFormulation[] = [];
  let p = 1;
  while (p < segs.length - 1) {
    const L = len(mids[p]);
    let q = p;
    while (q + 1 < segs.length - 1 && len(mids[q + 1]) === L) q++;
    if (L >= MIN_LEN && L <= MAX_LEN) {
      const found = block(text, segs, mids.slice(p, q + 1) as Span[], p, q, L);
      if (found) out.push(found);
    }
    p = q + 1;
  }
  return out;
}

/** Predicates that may follow a series standing as the subject ("稳增长、稳就业、稳物价面临新的挑战"). */
const RUN_ON =
  /^(?:面临|上升|下降|取得|得到|更加|更为|更有|水平|全面|基本|明显|持续|显著|不断|成为|进一步|相统一|相结合|并重|并举|同步|一体)/;

/**
 * The last item of a series the clause runs on after ("高端化、智能化、绿色化水平"): the next L characters,
 * when they share characters with the items before (at least two) and either end on the shared
 * suffix, which bounds the item by itself, or are followed by a predicate.
 */
function runOn(text: string, before: Array<Span | undefined>, at: number, L: number): Span | undefined {
  const items = before.filter((s): s is Span => !!s).map((s) => text.slice(s.start, s.end));
  if (items.length < 2) return undefined;
  const cand = text.slice(at, at + L);
  const fixed = sharedPositions([...items, cand]);
  if (fixed.length === 0) return undefined;
  if (fixed.includes(L - 1) || RUN_ON.test(text.slice(at + L))) return { start: at, end: at + L };
  return undefined;
}

/** The verb an item of a verb–object slogan opens with (补 of 补短板, 铭记 of 铭记历史), if it has that shape. */
const verbHead = (s: string) =>
  s.length === 3 && VERB_HEADS.has(s[0]) ? s[0] : s.length === 4 && VERBS_2.has(s.slice(0, 2)) ? s.slice(0, 2) : '';

/** "要坚定信心、用好优势、应对挑战": a duty's own words right before the list. */
const DUTY_BEFORE = /(?:要|必须|需要|坚持|做到|着力|努力)$/;

// Four-character verb-object phrases count from four items, or from three that a duty's words lead into.
const verbObject = (items: string[], duty = false) =>
  items.length >= (items[0].length === 4 && !duty ? 4 : 3) &&
  items.every((s) => s.length === items[0].length && verbHead(s)) &&
  new Set(items.map(verbHead)).size === items.length;

function block(text: string, segs: Span[], inner: Span[], p: number, q: number, L: number): RawFormulation | undefined {
  const str = (s: Span) => text.slice(s.start, s.end);
  const left = core(text, segs[p - 1], 'first');
  const right = core(text, segs[q + 1], 'last');
  let first: Span | undefined = left && left.end - left.start >= L ? { start: left.end - L, end: left.end } : undefined;
  let last: Span | undefined;
  if (right && right.end - right.start >= L) {
    const next = text[right.start + L];
    if (right.end - right.start === L || FOLLOW.has(next)) last = { start: right.start, end: right.start + L };
    else last = runOn(text, [first, ...inner], right.start, L);
  }
  // Template from the exact middle items when there are two or more; the trimmed ends must fit it.
  if (inner.length >= 2) {
    const fixed = sharedPositions(inner.map(str));
    const vo = fixed.length === 0 && inner.every((s) => verbHead(str(s)));
    const fits = (s?: Span) =>
      s && (vo ? verbHead(str(s)) : fixed.every((k) => str(s)[k] === str(inner[0])[k]) && fixed.length > 0);
    if (!fits(first)) first = undefined;
    if (!fits(last)) last = undefined;
  }
  const spans = [first, ...inner, last].filter((s): s is Span => !!s);
  const items = spans.map(str);
  if (spans.length < 3 || new Set(items).size !== items.length) return undefined;
  if (!items.every((s) => [...s].every(isCjk))) return undefined;
  const shared = sharedPositions(items);
  // Nothing dropped at either end: the clause's list is the series (a weak pattern must not cut a list short).
  const whole = spans.length === q - p + 3 && p === 1 && q === segs.length - 2;
  // A four-character one also closes its clause: "加强学习、提高能力、改善作风、落实责任等方式" is an open list.
  const closed = L === 3 || HARD.has(text[spans[spans.length - 1].end] ?? '。');
  if (shared.length === 0) {
    const duty = DUTY_BEFORE.test(text.slice(Math.max(0, spans[0].start - 2), spans[0].start));
    return whole && closed && verbObject(items, duty) ? result(items, spans, '＿'.repeat(L)) : undefined;
  }
  if (shared.length === L) return undefined;
  // Ordinals are not a slogan: "二中、三中、四中(全会)".
  if (items.some((s) => [...s].some((c, k) => !shared.includes(k) && NUMERAL_CHARS.includes(c)))) return undefined;
  // Short items with one shared character at the front or inside (早发现、早报告…; 产业互补、人员互动…)
  // count only in longer runs, where chance sharing is unlikely.
  const headOrInside = shared.some((k) => k < L - 1);
  // Three-character slogans share one character anywhere (强信心、暖人心、聚民心; 扶真贫、真扶贫、真脱贫), or are
  // verb–object phrases; they count only when they make up the clause's whole list.
  const threes = L === 3 && whole && (shared.length === 1 || verbObject(items));
  const strong = shared.length / L >= 0.5 || (items.length >= 4 && L <= 4 && headOrInside) || threes;
  if (!strong) return undefined;
  const isSuffix = shared.every((k, i) => k === L - shared.length + i);
  const suffix = items[0].slice(L - shared.length);
  if (isSuffix && CATEGORY_SUFFIX.some((c) => suffix.endsWith(c))) return undefined;
  // "商业性、政策性、开发性、合作性等各类金融机构": an open list of kinds (…性/…化 closed by 等), not a slogan.
  if (isSuffix && /[性化]$/.test(suffix) && text[spans[spans.length - 1].end] === '等') return undefined;
  const pattern = [...items[0]].map((c, k) => (shared.includes(k) ? c : '＿')).join('');
  return result(items, spans, pattern);
}

function result(items: string[], spans: Span[], pattern: string): RawFormulation {
  return {
    members: items,
    ordered: false,
    span: { start: spans[0].start, end: spans[spans.length - 1].end },
    memberSpans: spans,
    via: 'parallel',
    pattern,
  };
}
