// Series that parallel.ts (equal items sharing characters in place) cannot see, found by the frame
// around them rather than by their wording alone:
//  - a 、-list led by a cue verb or closed by a formulaic tail ("构建党委领导、政府主导、…、社会参与的…工作体系",
//    "坚持依法治国、依法执政、依法行政共同推进"), or whose items share a head or a prefix of any length
//    ("党史、新中国史、改革开放史…", "忠于党、忠于国家、…"); two items only with a cue and a shared character;
//  - clauses of one sentence or paragraph opened by the same frame ("讲清楚…，讲清楚…，讲清楚…";
//    "必须…，决不允许…；必须…，…"), framed at both ends ("由…向…转变"), or ending alike ("…是…必由之路；…");
//  - short clauses that all carry one word ("把准政治方向，坚持党的政治领导，…，提高政治能力");
//  - the opening clauses of sentences of one paragraph cast in one mould ("强化不敢腐的震慑。…扎紧不能腐的笼子。…");
//  - a count name whose members follow in the next sentences ("运用“三会一课”制度…。…参加党员大会、党小组会和上党课").
// Each test is structural; lists of places, bodies or kinds in running prose ("产业扶贫、电商扶贫等",
// "创造力、凝聚力、战斗力") fail them on purpose. Every pass is linear in the text.
import type { RawFormulation, Span } from './raw';
import { CLOSE_QUOTES, HARD, NUMERAL_CHARS, OPEN_QUOTES, SENTENCE_END, isCjk, nameCount, parseCount } from './lists';

/** Verbs (and a few prepositions) that lead into a list a cadre recites. Longest first. */
export const CUES = [
  '统筹推进', '一体推进', '大力弘扬', '大力倡导', '着力构建', '加快形成', '努力建设', '努力成为',
  '坚持', '做到', '实现', '增强', '强化', '树立', '弘扬', '倡导', '践行', '构建', '建立', '形成', '建设', '打造',
  '推进', '加强', '提高', '提升', '学习', '按照', '遵循', '发挥', '推出', '贯彻', '把握', '坚定', '培育',
  '突出', '聚焦', '抓好', '提出', '具有', '成为', '参加', '涵养', '锤炼', '守住', '筑牢', '秉持', '确立',
].sort((a, b) => b.length - a.length);
/** Words after a list that make it one unit: "…共同推进", "…一体建设", "…有机统一". */
const TAIL_VERBS = /^(共同推进|一体建设|一体推进|有机统一|相统一|相结合|一起抓|协同推进|协调发展|同向发力|齐头并进|并举|并重|相互促进|融为一体)/;
/** Heads of the noun a list qualifies when it names a 提法 ("…的工作体系", "…的时代风尚", "…的五四精神"). */
const TAIL_HEAD = /^的[“”\u4e00-\u9fa5]{0,10}?(体系|格局|机制|制度|队伍|风尚|精神|理念|要求|原则|方针|作用|程序|氛围|局面|目标|标准|作风|品格|品质|价值观|思想|战略|布局|路线|道路|方略|特征|成果|环境|生态|关系|能力|本领|意识|自信|风气|新风)/;
/** A shared ending that names a category makes the items an enumeration of kinds, unless the run is long or cued. */
const CATEGORY = /(地区|扶贫|救助|工程|计划|资金|政策|产业|服务|保障|工作|问题|人员|人口|机构|企业|部门|组织|项目|设施|贷款|保险|医院|学校|机关|单位|法)$/;
/** Places and bodies in a row are an enumeration, never a 提法: "革命老区、民族地区、边疆地区", "监察机关、公安机关". */
const PLACE_BODY = /(地区|机关|单位|部门|企业|机构|县|市|省|区|州|村|乡|镇)$/;
const PLACE_BODY_ITEM = /(地区|机关|单位|部门|企业|机构|县|市|省|区|州|村|乡|镇|户|人口|人员|家属|群体|家庭)$/;
const ONE_CHAR_CATEGORY = new Set('力感化率县村区州省市户员者家型式类费界期性病难法权'.split(''));
/** Frames too common to open a series ("我们…", "这是…"). */
const WEAK_FRAME = /^(我们|他们|这是|这个|这些|同时|一些|有的|其中|对于|通过|如果|因为|所以|但是|而且|各级|各地|目前|当前|今年|去年|要在|在这|是一|是我)/;
const LEAD_IN = /^(要|还要|都要|也要|更要|就要|并|又|同时|必须要)(?=[\u4e00-\u9fa5]{2})/;
const MAX_ITEM = 24;
const MAX_CLAUSE_ITEM = 40;

const QUOTES = OPEN_QUOTES + CLOSE_QUOTES;
const QUOTE_RE = new RegExp(`[${QUOTES}]`, 'g');
const stripQuotes = (s: string) => s.replace(QUOTE_RE, '');

export function findCuedSeries(text: string): RawFormulation[] {
  const out: RawFormulation[] = listsInClauses(text);
  // Paragraph by paragraph: clauses opened alike, carrying one word, ending alike; sentence leads.
  for (let p = 0; p < text.length; ) {
    let q = text.indexOf('\n', p);
    if (q < 0) q = text.length;
    const clauses = clausesOf(text, p, q);
    out.push(...inParagraph(text, clauses), ...sentenceLeads(clauses));
    p = q + 1;
  }
  out.push(...namedAhead(text, out));
  // "要坚定理想信念、要严守纪律规矩、要勇于担当作为": the 要 every member opens with is the speaker's, not the item's.
  for (const f of out) {
    if (f.members.every((m) => /^要[\u4e00-\u9fa5]{2}/.test(m))) {
      f.members = f.members.map((m) => m.slice(1));
      f.memberSpans = f.memberSpans.map((s) => ({ start: s.start + 1, end: s.end }));
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

// ---------------------------------------------------------------------------------------------
// 、-lists

interface ListParse {
  items: Span[];
  /** Text of the clause before the first item and after the last. */
  lead: string;
  tail: string;
}

/** Walk the clauses once; each clause with a 、 is a candidate list. */
function listsInClauses(text: string): RawFormulation[] {
  const out: RawFormulation[] = [];
  forEachClause(text, (a, b) => {
    if (!text.slice(a, b).includes('、')) return;
    // A segment far longer than the others ends one list and may open the next:
    // "爱国、进步、民主、科学的五四精神始终激励着…、同祖国一起奋进".
    const segs = split(text, a, b, '、');
    const lens = segs.map((s) => s.end - s.start).sort((x, y) => x - y);
    const median = lens[Math.floor(lens.length / 2)];
    const cuts = [0, ...segs.map((s, k) => k).filter((k) => k > 0 && k < segs.length - 1 && segs[k].end - segs[k].start > 2 * median + 2), segs.length - 1];
    for (let k = 0; k + 1 < cuts.length; k++) {
      const parsed = parseList(text, segs[cuts[k]].start, segs[cuts[k + 1]].end);
      const f = parsed && judge(text, parsed);
      if (f) out.push(f);
    }
  });
  return out;
}

function forEachClause(text: string, fn: (a: number, b: number) => void, from = 0, to = text.length): void {
  let i = from;
  while (i < to) {
    let j = i;
    let depth = 0;
    // Quotes hold a clause together ("“摘帽不摘责任、摘帽不摘政策”"), brackets too.
    for (; j < to; j++) {
      const c = charClass(text.charCodeAt(j));
      if (c & OPEN) depth++;
      else if (c & CLOSE) {
        if (depth > 0) depth--;
        else if (c & HARD_C) break;
      } else if (c & NEWLINE || (depth === 0 && c & HARD_C)) break;
    }
    if (j > i) fn(i, j);
    i = j + 1;
  }
}

// Character classes by code, so that the scans allocate no one-character strings.
const HARD_C = 1;
const OPEN = 2;
const CLOSE = 4;
const CLAUSE_END = 8; // ，。；！？：
const UNIT_END = 16; // 。；！？：
const SENT_END = 32; // 。！？
const NEWLINE = 64;
const CLASSES = new Uint8Array(0x10000);
const mark = (chars: string, bit: number) => {
  for (const ch of chars) CLASSES[ch.charCodeAt(0)] |= bit;
};
mark([...HARD].join(''), HARD_C);
mark(OPEN_QUOTES + '（(', OPEN);
mark(CLOSE_QUOTES + '）)', CLOSE);
mark('，。；！？：,;!?:', CLAUSE_END);
mark('。；！？;!?：:', UNIT_END);
mark('。！？!?', SENT_END);
mark('\n', NEWLINE);
const charClass = (code: number) => CLASSES[code];

/** splitTop (lists.ts) without one-character strings: what brackets and quotes hold is not split. */
function split(text: string, start: number, end: number, seps: string): Span[] {
  const out: Span[] = [];
  const codes = [...seps].map((c) => c.charCodeAt(0));
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const c = CLASSES[code];
    if (c & OPEN) depth++;
    else if (c & CLOSE) depth = Math.max(0, depth - 1);
    else if (depth === 0 && codes.includes(code)) {
      out.push({ start: from, end: i });
      from = i + 1;
    }
  }
  out.push({ start: from, end });
  return out;
}

function commonPrefix(xs: string[]): string {
  const first = xs[0];
  let k = 0;
  for (; k < first.length; k++) {
    const ch = first.charCodeAt(k);
    let all = true;
    for (let i = 1; i < xs.length; i++) if (xs[i].charCodeAt(k) !== ch) all = false;
    if (!all) break;
  }
  return first.slice(0, k);
}

function commonSuffix(xs: string[]): string {
  const first = xs[0];
  let k = 0;
  for (; k < first.length; k++) {
    const ch = first.charCodeAt(first.length - 1 - k);
    let all = true;
    for (let i = 1; i < xs.length; i++) if (k >= xs[i].length || xs[i].charCodeAt(xs[i].length - 1 - k) !== ch) all = false;
    if (!all) break;
  }
  return first.slice(first.length - k);
}
/** Does the cut-off lead end where an item may start: after a cue, a particle, or a bare 要/并? */
const endsWithCue = (s: string) => s === '' || CUES.some((c) => s.endsWith(c)) || /[的由以是为对把在将即及和与]$/.test(s) || /^(要|还要|都要|也要|更要|就要|并|又)$/.test(s);
const hasCue = (s: string) => lastCue(s) >= 0;

/** Items of the 、-list in text[a, b): the first and last segment are cut to the items' shape. */
function parseList(text: string, a: number, b: number, loose = false): ListParse | undefined {
  let segs = split(text, a, b, '、');
  if (segs.length < 2) return undefined;
  const str = (s: Span) => text.slice(s.start, s.end);
  const mids = segs.slice(1, -1).map(str);
  if (mids.some((m) => m.length < 1 || m.length > MAX_CLAUSE_ITEM)) return undefined;
  // "…法治保障体系和党内法规体系建设": a final 和/与/及 separates the last two items (not inside 公和私).
  const lastSeg = segs[segs.length - 1];
  let joined: Span | undefined;
  if (!mids.some((m) => /[和与及]/.test(m))) {
    const parts = split(text, lastSeg.start, lastSeg.end, '和与及');
    // Only where the part before 和 has the items' shape (not the 与 of 参与, the 和 of 和谐).
    const p0 = parts[0] && str(parts[0]);
    const mLens = mids.map((m) => m.length);
    const shaped = p0 !== undefined && (loose || mids.length > 0) && (mLens.every((l) => l === p0.length) || commonSuffix([p0, ...mids]).length >= 1 || commonPrefix([p0, ...mids]).length >= 1);
    if (shaped && parts.length === 2 && parts[0].end - parts[0].start >= 2 && parts[1].end - parts[1].start >= 2) {
      segs = [...segs.slice(0, -1), parts[0]];
      joined = parts[1];
    }
  }
  const first = str(segs[0]);
  const last = str(segs[segs.length - 1]);
  const inner = segs.slice(1, -1).map(str);
  // With no middle item the two ends give the shape: what the first ends with, what the last starts with.
  const suffix = commonSuffix([first, ...inner, ...(inner.length ? [] : [last])]);
  const prefix = inner.length ? commonPrefix([last, ...inner]) : '';
  // The last item's length, where the shared ending shows where it stops ("…理论体系建设" → 理论体系).
  const lastEnd = suffix ? last.indexOf(suffix, 1) : -1;
  const lens = inner.length ? inner.map((m) => m.length) : [last.length];
  const eq = lens.every((l) => l === lens[0]) && (lastEnd < 0 || lastEnd + suffix.length === lens[0]) ? lens[0] : undefined;
  const maxLen = Math.max(...lens);

  // First item: cut the lead-in off the first segment.
  let start: number | undefined;
  const f0 = segs[0].start;
  if (prefix) {
    const k = first.lastIndexOf(prefix);
    if (k >= 0 && first.length - k <= 2 * maxLen + 2) start = f0 + k;
  }
  if (start === undefined && eq && first.length >= eq) {
    const cut = first.slice(0, first.length - eq).replace(/[“‘「『]+$/, '');
    const item = first.slice(first.length - eq);
    const afterCue = lastCue(cut);
    const placed = samePlaces(item, inner);
    if (endsWithCue(cut) || placed >= 2 || (afterCue >= 0 && cut.length - afterCue <= 4 && inner.length >= 1)) start = f0 + first.length - eq;
    // "建成世界上规模最大的教育体系、社会保障体系…": cut to the others' length, not after a cue, the item would
    // begin inside its modifier (大的教育体系); where no other item holds a 的, it starts after its own.
    const de = item.lastIndexOf('的');
    if (start !== undefined && !endsWithCue(cut) && de >= 0 && item.length - de - 1 >= 2 && !inner.some((m) => m.includes('的'))) start = f0 + first.length - eq + de + 1;
  }
  if (start === undefined) {
    const cue = lastCue(first);
    // "加强对关键共性技术、…": the preposition after the cue is not part of the item.
    const at = cue >= 0 && /[对向把将在从给]/.test(first[cue] ?? '') && first.length - cue > 3 ? cue + 1 : cue;
    if (at >= 0 && first.length - at >= 1 && first.length - at <= 1.5 * maxLen + 2) start = f0 + at;
  }
  if (start === undefined && suffix) {
    const k = first.lastIndexOf('的');
    if (k >= 0 && first.length - k - 1 <= maxLen + 2 && first.length - k - 1 >= 2) start = f0 + k + 1;
  }
  if (start === undefined && first.length <= maxLen + 2) start = f0;
  if (start === undefined) return undefined;
  // Quotes left at the ends of a cut item ("我们党提出“有法可依") belong to the lead.
  while (start < segs[0].end && QUOTES.includes(text[start])) start++;

  // Last item: cut its tail.
  const l0 = segs[segs.length - 1].start;
  let end: number | undefined;
  const lastTail = (k: number) => last.slice(k);
  // "…、忠于宪法法律的执法队伍": a 的 that opens a formulaic tail ends the last item.
  const de = last.indexOf('的');
  const ownDe = inner.some((m) => m.includes('的')) || (suffix !== '' && last.indexOf(suffix, de + 1) > 0);
  if (de >= 2 && de <= 2 * maxLen + 2 && !ownDe && TAIL_HEAD.test(last.slice(de))) end = l0 + de;
  if (end === undefined && eq && last.length >= eq) {
    const rest = lastTail(eq);
    const item = last.slice(0, eq);
    const prefixFits = prefix.length >= 2 && inner.length >= 2 && item.startsWith(prefix);
    if (rest === '' || /^[的等和与及之上中问要这是为并]/.test(rest) || TAIL_VERBS.test(rest) || (suffix && item.endsWith(suffix)) || prefixFits) end = l0 + eq;
  }
  if (end === undefined && suffix) {
    const k = last.indexOf(suffix, 1);
    if (k >= 0) end = l0 + k + suffix.length;
  }
  if (end === undefined) {
    const k = last.search(/[的等]/);
    if (k >= 2 && k <= 2 * maxLen + 2) end = l0 + k;
  }
  if (end === undefined && last.length <= maxLen + 2) end = l0 + last.length;
  if (end === undefined) return undefined;
  while (end > l0 && QUOTES.includes(text[end - 1])) end--;

  const items = [{ start, end: segs[0].end }, ...segs.slice(1, -1), { start: l0, end }];
  let tailFrom = end;
  if (joined) {
    // The 和-joined item belongs to the list when it fits its shape; else the list ends before 和.
    const j = str(joined);
    const fits = loose || (suffix && j.includes(suffix)) || (prefix && j.startsWith(prefix)) || (eq && j.length === eq);
    if (end === segs[segs.length - 1].end && fits) {
      let jEnd = joined.end;
      if (suffix && j.includes(suffix) && !j.endsWith(suffix)) jEnd = joined.start + j.indexOf(suffix) + suffix.length;
      else if (eq && j.length > eq && !loose) jEnd = joined.start + eq;
      items.push({ start: joined.start, end: jEnd });
      tailFrom = jEnd;
    } else tailFrom = segs[segs.length - 1].end;
  }
  return { items: items.map((s) => trim(text, s)), lead: text.slice(a, start), tail: text.slice(tailFrom, b) };
}

/** Same length as the middle items and sharing a character in place with all of them. */
function samePlaces(item: string, inner: string[]): number {
  if (!inner.length) return 0;
  return [...item].filter((c, k) => inner.every((m) => m[k] === c)).length;
}

const CUE_RE = new RegExp(CUES.join('|'), 'g');

/** Position after the last cue word in s (the longest one where two end alike), or -1. */
function lastCue(s: string): number {
  let best = -1;
  for (const m of s.matchAll(CUE_RE)) best = Math.max(best, m.index! + m[0].length);
  return best;
}

function trim(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /[\s“‘「『]/.test(text[start])) start++;
  while (end > start && /[\s”’」』]/.test(text[end - 1])) end--;
  return { start, end };
}

function sharedPositions(items: string[]): number {
  const L = items[0].length;
  if (!items.every((s) => s.length === L)) return 0;
  let n = 0;
  for (let k = 0; k < L; k++) if (items.every((s) => s[k] === items[0][k])) n++;
  return n;
}

/** Is the parsed list a series a cadre recites? */
function judge(text: string, p: ListParse): RawFormulation | undefined {
  const items = p.items.map((s) => text.slice(s.start, s.end));
  const n = items.length;
  if (n < 2 || new Set(items).size !== n) return undefined;
  if (items.some((s) => s.length < 2 || s.length > MAX_ITEM || ![...stripQuotes(s)].every((c) => isCjk(c)))) return undefined;
  const tail = p.tail.trim();
  if (/^等/.test(tail)) return undefined; // an open enumeration ("产业扶贫、电商扶贫等")
  if (/[”’」』]/.test(tail[0] ?? '')) return undefined; // the list sits inside a quoted name
  // Ordinals are not a slogan: "二中、三中、四中全会"; a year or count in items is running prose.
  const pre = commonPrefix(items);
  const suf = commonSuffix(items);
  const varying = items.map((s) => s.slice(pre.length, s.length - suf.length));
  if (varying.some((v) => [...v].some((c) => NUMERAL_CHARS.includes(c) && c !== '一'))) return undefined;
  const lens = items.map((s) => s.length);
  const eq = lens.every((l) => l === lens[0]);
  const pos = sharedPositions(items);
  const cue = hasCue(p.lead.slice(-12));
  const head = TAIL_HEAD.exec(tail);
  const formulaTail = TAIL_VERBS.test(tail) || !!head;
  const category = (suf.length >= 2 && CATEGORY.test(suf)) || (suf.length === 1 && ONE_CHAR_CATEGORY.has(suf)) || (suf.length >= 2 && ONE_CHAR_CATEGORY.has(suf[suf.length - 1]) && lens.every((l) => l <= suf.length + 2));
  const spread = Math.max(...lens) <= 2 * Math.min(...lens) + 2;
  let ok = false;
  if ((PLACE_BODY.test(suf) || items.every((x) => PLACE_BODY_ITEM.test(x))) && !(cue && formulaTail)) return undefined;
  if (n === 2) {
    // Two members count only when cued and cast alike: 多劳者多得、技高者多得; 稳字当头、稳中求进.
    ok = eq && cue && lens[0] >= 3 && ((pos >= 2 && pos * 3 >= lens[0]) || (pre.length >= 1 && lens[0] <= 4)) && (tail === '' || /^[的，]/.test(tail));
  } else if (category) {
    // Kinds under one head: four or more, or three of four characters or more that are cued ("形成…史料体系、话语体系、理论体系").
    ok = (n >= 4 && cue && lens.every((l) => l > suf.length + 1)) || (n >= 3 && cue && suf.length >= 2 && Math.min(...lens) >= 4 && !/地区|机关|单位|部门|企业|机构/.test(suf));
    if (n >= 4 && suf.length === 1 && lens.every((l) => l === 3) && !cue) ok = false;
  } else if (pre.length >= 2 || suf.length >= 2) ok = spread;
  else if (eq && pos >= 2) ok = true;
  else if (eq && (pre.length === 1 || suf.length === 1 || pos >= 1) && n >= 4 && lens[0] <= 6) ok = cue || formulaTail || p.lead === '';
  else if (eq && (cue || formulaTail) && lens[0] >= 2 && lens[0] <= 8 && (formulaTail || (cue && lens[0] >= 4))) ok = true;
  else if (!eq && suf.length === 1 && n >= 4) ok = true;
  else if (!eq && cue && formulaTail && spread && (pos > 0 || suf.length > 0 || endAligned(items) > 0)) ok = true;
  if (!ok) return undefined;
  const f: RawFormulation = {
    members: items,
    ordered: false,
    span: { start: p.items[0].start, end: p.items[n - 1].end },
    memberSpans: p.items,
    via: 'parallel',
  };
  if (head) f.tail = head[0];
  else if (formulaTail) f.tail = TAIL_VERBS.exec(tail)![0];
  return f;
}

/** Characters shared at the same distance from the end ("以国家表彰为引领、…为主体、…为补充": 为). */
function endAligned(items: string[]): number {
  const L = Math.min(...items.map((s) => s.length));
  let n = 0;
  for (let k = 1; k <= L; k++) if (items.every((s) => s[s.length - k] === items[0][items[0].length - k])) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Clause runs: "讲清楚…，讲清楚…，讲清楚…"; "必须…，决不允许…；必须…"; "由…向…转变"; "…政治…" ×7.

interface Unit {
  span: Span; // the clause, without a lead-in 要/并
  text: string;
}

/** Clauses of a paragraph (split at ，；。！？：), and which of them open a sentence or a 。/；unit. */
type Clause = Unit & { unitStart: boolean; sentenceStart: boolean };

function clausesOf(text: string, a: number, b: number): Clause[] {
  const out: Clause[] = [];
  let unitStart = true;
  let sentenceStart = true;
  let depth = 0;
  let from = a;
  for (let i = a; i <= b; i++) {
    const c = i < b ? charClass(text.charCodeAt(i)) : 0;
    if (c & OPEN) depth++;
    else if (c & CLOSE) depth = Math.max(0, depth - 1);
    if (i === b || (depth === 0 && c & CLAUSE_END)) {
      let s = from;
      if (i > from) {
        const lead = LEAD_IN.exec(text.slice(s, Math.min(i, s + 6)));
        if (lead) s += lead[0].length;
        out.push({ span: { start: s, end: i }, text: text.slice(s, i), unitStart, sentenceStart });
      }
      // A clause ending in a quoted count name opens what follows: "坚持“五个必须”，必须…".
      const named = i > a && CLOSE_QUOTES.includes(text[i - 1]) && /[两二三四五六七八九十\d][^“”]*”$/.test(text.slice(Math.max(from, i - 12), i));
      unitStart = i === b || !!(c & UNIT_END) || named;
      sentenceStart = i === b || !!(c & SENT_END);
      from = i + 1;
    }
  }
  return out;
}

function inParagraph(text: string, clauses: Clause[]): RawFormulation[] {
  const out: RawFormulation[] = [];
  // 1. Consecutive clauses of a sentence with one opening frame.
  let i = 0;
  while (i < clauses.length) {
    let best: { j: number; frame: string } | undefined;
    // The run's texts and their common prefix, grown one clause at a time.
    const texts = [clauses[i].text];
    let frame = texts[0];
    for (let j = i + 1; j < clauses.length && j < i + 12 && !clauses[j].sentenceStart; j++) {
      texts.push(clauses[j].text);
      frame = commonPrefix([frame, clauses[j].text]);
      if (j === i + 1) continue;
      if (frame.length < 2 && !(frame.length === 1 && oneCharFrame(texts))) break;
      best = { j, frame };
    }
    let run = best && clauses.slice(i, best.j + 1);
    // The clause before may carry the frame after its lead-in: "推动发展方式由A向B转变，由C向D转变，…".
    const prev = i > 0 && run && !run[0].sentenceStart ? clauses[i - 1] : undefined;
    if (run && best && prev && contiguous(prev, run[0])) {
      const k = prev.text.lastIndexOf(best.frame);
      const suffix = commonSuffix(run.map((c) => c.text));
      if (k > 0 && (suffix.length >= 2 ? prev.text.endsWith(suffix) : best.frame.length >= 2) && prev.text.length - k <= MAX_CLAUSE_ITEM) {
        run = [{ ...prev, span: { start: prev.span.start + k, end: prev.span.end }, text: prev.text.slice(k) }, ...run];
      }
    }
    const f = run && best && framedRun(text, run, best.frame);
    if (f) {
      out.push(f);
      i = best!.j + 1;
    } else i++;
  }
  // 2. Consecutive units (after 。/；) whose first clauses share the frame; the first member may stand
  // after a lead-in clause ("严明组织纪律，必须…，决不允许…；必须…"), the others open their unit.
  i = 0;
  while (i < clauses.length) {
    const at = [i];
    let frame = '';
    // Each next member opens the very next unit, however long the unit before it.
    for (let j = i + 1; j < clauses.length; j++) {
      if (!clauses[j].unitStart) continue;
      // The prefix common to all members so far is the frame (the first member's text while alone).
      const p = commonPrefix([at.length > 1 ? frame : clauses[i].text, clauses[j].text]);
      if (p.length < 2) break;
      frame = p;
      at.push(j);
    }
    const f = at.length >= 3 ? framedRun(text, at.map((k) => clauses[k]), frame) : undefined;
    if (f && !out.some((o) => o.span.start <= f.span.start && o.span.end >= f.span.end)) {
      out.push(f);
      i = at[at.length - 1] + 1;
    } else i++;
  }
  // 3. A run of short clauses of one sentence that all carry the same two-character word.
  out.push(...sharedWordRuns(text, clauses));
  // 4. Units that end alike: "…是…必由之路；…是…必由之路；".
  out.push(...endingRuns(text, clauses.filter((c) => c.unitStart)));
  return out;
}

/** A series whose members are the given clauses, in document order. */
function runOf(run: Array<{ span: Span; text: string }>, extra: Partial<RawFormulation> = {}): RawFormulation {
  return {
    members: run.map((c) => c.text),
    ordered: false,
    span: { start: run[0].span.start, end: run[run.length - 1].span.end },
    memberSpans: run.map((c) => c.span),
    via: 'parallel',
    ...extra,
  };
}

function framedRun(text: string, run: Unit[], frame: string): RawFormulation | undefined {
  if (WEAK_FRAME.test(frame) || /^[\d一二三四五六七八九十第]/.test(frame)) return undefined;
  // A long frame is a verb with its object repeated ("支持贫困地区…，支持贫困地区…"): boilerplate, not a set,
  // unless it ends in 的 (then the rest are the members) or opens with a frame that names sets (讲清楚).
  if (frame.length > 4 && !frame.endsWith('的') && !FRAME_NAME.test(frame)) return undefined;
  const items = run.map((c) => c.text);
  if (items.some((s) => s.length > MAX_CLAUSE_ITEM || s.length <= frame.length)) return undefined;
  if (items.some((s) => s.length - frame.length < 2)) return undefined;
  const suffix = commonSuffix(items);
  // A one-character frame needs a shared ending too ("由…向…转变"); a short frame in long clauses a word after it.
  if (frame.length === 1 && !oneCharFrame(items)) return undefined;
  if (frame.length === 2 && !FRAME_OK.test(frame) && suffix.length < 2) return undefined;
  // A long frame ending in 的 is the lead, the rest the members: "增强党内政治生活的政治性，…。增强党内政治生活的时代性".
  if (frame.length >= 4 && frame.endsWith('的') && items.every((x) => x.length - frame.length <= 8)) {
    return runOf(run.map((c) => ({ span: { start: c.span.start + frame.length, end: c.span.end }, text: c.text.slice(frame.length) })));
  }
  return runOf(run, { frame: FRAME_NAME.exec(frame)?.[0] });
}

/** Two-character frames that open a series ("必须…，必须…"), and those a count may name (三个必须). */
const FRAME_OK = /^(必须|坚持|坚决|大力|不断|深入|全面|始终|着力|努力|坚定|更加|切实|加快|推动|加强|完善|健全|增强|强化|提高|讲清|讲好|做好|抓好|用好|守好|既要|不能|决不|不得|严禁|注重|发挥|弘扬|树立|建设|构建|推进|实现|确保|维护|保持|引导|鼓励|支持|落实|贯彻)/;
const FRAME_NAME = /^(大力宣传|大力弘扬|大力推进|大力发展|讲清楚|讲明白|讲好|必须|坚持|坚决|更加|始终|确保|决不|做到)/;

function sharedWordRuns(text: string, clauses: Unit[]): RawFormulation[] {
  const out: RawFormulation[] = [];
  let i = 0;
  while (i < clauses.length) {
    const short = (c: Unit) => c.text.length >= 4 && c.text.length <= 9 && [...c.text].every(isCjk);
    if (!short(clauses[i])) {
      i++;
      continue;
    }
    // The bigrams of the first clause; extend while every clause carries one of them.
    const grams = new Set<string>();
    for (let k = 0; k + 2 <= clauses[i].text.length; k++) grams.add(clauses[i].text.slice(k, k + 2));
    let j = i;
    let shared = [...grams];
    while (j + 1 < clauses.length && short(clauses[j + 1]) && contiguous(clauses[j], clauses[j + 1])) {
      const next = shared.filter((g) => clauses[j + 1].text.includes(g));
      if (!next.length) break;
      shared = next;
      j++;
    }
    let run = clauses.slice(i, j + 1);
    // "加强党的政治建设，目的是坚定政治信仰，强化政治领导，…": the first clause is the topic, 目的是 its copula.
    const copula = /^(目的是|就是|关键是|重点是|主要是|核心是)/.exec(run[1]?.text ?? '');
    if (copula) run = [{ ...run[1], span: { start: run[1].span.start + copula[0].length, end: run[1].span.end }, text: run[1].text.slice(copula[0].length) }, ...run.slice(2)];
    if (run.length >= 4 && shared.length && new Set(run.map((c) => c.text)).size === run.length) {
      const word = shared[0];
      // The word must not be the frame (that is clauseRuns' job) nor a filler.
      if (!/^(的|是|和|要|在|不|一|我们)/.test(word) && !run.every((c) => c.text.startsWith(word))) {
        out.push(runOf(run, { shared: word }));
        i = j + 1;
        continue;
      }
    }
    i++;
  }
  return out;
}

/** Two clauses stand next to each other in one sentence (only a comma between). */
function contiguous(a: Unit, b: Unit): boolean {
  return b.span.start - a.span.end <= 3;
}

function endingRuns(text: string, units: Unit[]): RawFormulation[] {
  // The unit's whole text up to its 。/； is what ends alike; take it from the unit's first clause on.
  const out: RawFormulation[] = [];
  const whole = units.map((u) => {
    let e = u.span.end;
    while (e < text.length && !'。；！？;!?\n'.includes(text[e])) e++;
    return { span: { start: u.span.start, end: e }, text: text.slice(u.span.start, e) };
  });
  let i = 0;
  while (i < whole.length) {
    let j = i;
    let suffix = '';
    while (j + 1 < whole.length && whole[j + 1].span.start - whole[j].span.end <= 2) {
      const s = commonSuffix(whole.slice(i, j + 2).map((w) => w.text));
      if (s.length < 3) break;
      suffix = s;
      j++;
    }
    const run = whole.slice(i, j + 1);
    // Figures are figure cards' business: "…可以解决3000万人脱贫；…可以解决1000万人脱贫".
    const plain = run.every((w) => w.text.length <= MAX_CLAUSE_ITEM + 10 && w.text.length > suffix.length + 2 && !/[\d０-９%％]/.test(w.text));
    if (run.length >= 3 && suffix && plain && !/^[的了。]/.test(suffix)) {
      out.push(runOf(run));
      i = j + 1;
    } else i++;
  }
  return out;
}

/** Clauses opened by one character are a set when framed at both ends ("由…向…转变") or short and carrying one word ("使…更加…"). */
function oneCharFrame(items: string[]): boolean {
  const suffix = commonSuffix(items).length;
  if (suffix >= 2) return items.every((x) => x.length <= (suffix >= 3 ? 30 : 20));
  return items.every((x) => x.length <= 14) && sharedWord(items.map((x) => x.slice(1))) !== '';
}

/** A word of two characters or more (not a particle) that every item carries: 更加 in "使…更加…". */
function sharedWord(items: string[]): string {
  const first = items[0] ?? '';
  for (let len = Math.min(4, first.length); len >= 2; len--) {
    for (let i = 0; i + len <= first.length; i++) {
      const w = first.slice(i, i + len);
      if (!/^[的了是和在]|[的了和在]$/.test(w) && items.every((x) => x.includes(w))) return w;
    }
  }
  return '';
}

// ---------------------------------------------------------------------------------------------
// Opening clauses of sentences in one paragraph: "强化不敢腐的震慑，…。扎紧不能腐的笼子，…。增强不想腐的自觉，…"

function sentenceLeads(clauses: Clause[]): RawFormulation[] {
  const out: RawFormulation[] = [];
  const leads = clauses.filter((c) => c.sentenceStart && c.text.length >= 5 && c.text.length <= 12 && [...c.text].every(isCjk));
  const used = new Set<number>();
  for (let i = 0; i < leads.length; i++) {
    if (used.has(i)) continue;
    const L = leads[i].text.length;
    const group = [i];
    let places = [...Array(L).keys()];
    for (let j = i + 1; j < leads.length && j < i + 8; j++) {
      if (used.has(j) || leads[j].text.length !== L) continue;
      const next = places.filter((k) => leads[j].text[k] === leads[i].text[k]);
      if (next.length >= 3 && next.length < L) {
        places = next;
        group.push(j);
      }
    }
    // At least three, and shared in the middle of the clause, not just a common verb at its start.
    const opening = commonPrefix(group.map((k) => leads[k].text)).length >= 2; // framed runs' business
    if (group.length >= 3 && !opening && places.length / L >= 0.3 && places.some((k) => k >= 2)) {
      const run = group.map((k) => leads[k]);
      for (const k of group) used.add(k);
      out.push(runOf(run, { ordered: true }));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// A count name whose members follow: "运用“三会一课”制度……。党员应当按期参加党员大会、党小组会和上党课";
// and a count name just before a framed run: "坚持“五个必须”，必须…；必须…".

const NAME_AHEAD = /[“「]([^”」\n]{2,10})[”」]|(?<![\d一二两三四五六七八九十第])([2-9]|[两三四五六七八九十])(个|点|项|条|种|大)([\u4e00-\u9fa5]{1,4}?)(?=[，。：；、,:;]|$)/g;
const AHEAD = 160;
const GENERIC_NAME = /^(问题|方面|意见|要求|内容|部分|工作|情况|点|方式|途径|地区|国家|省份|希望|任务|措施|环节|重点)$/;

function namedAhead(text: string, found: RawFormulation[]): RawFormulation[] {
  const out: RawFormulation[] = [];
  for (const m of text.matchAll(NAME_AHEAD)) {
    const quoted = m[1] !== undefined;
    const name = quoted ? m[1] : `${m[2]}${m[3]}${m[4]}`;
    const count = quoted ? nameCount(name) : parseCount(m[2]);
    if (!count || count < 2 || count > 12) continue;
    const at = m.index! + (quoted ? 1 : 0);
    const nameSpan = { start: at, end: at + name.length };
    const generic = !quoted && GENERIC_NAME.test(m[4]);
    // The framed run or list that starts within the next sentences and has exactly `count` members.
    const after = m.index! + m[0].length;
    const next = found.find((f) => f.span.start >= after && f.span.start - after <= AHEAD && f.members.length === count && !f.name);
    const list = next ?? listAfter(text, after, count);
    if (!list) continue;
    // Nothing but the rest of the name's sentence and at most one more sentence stands between.
    const between = text.slice(after, list.span.start);
    if ((between.match(/[。！？\n]/g) ?? []).length > 1 || /[\n]/.test(between)) continue;
    // A generic count ("4点要求") heads only a list that follows at once ("，即："); a name shares a
    // character with every member ("三会一课": 党员大会、党小组会、上党课), else it names something else.
    if (generic ? between.length > 4 : !list.members.every((x) => [...name.replace(/[\d一二两三四五六七八九十个大项条种点]/g, '')].some((c) => x.includes(c)))) continue;
    const f: RawFormulation = { ...list, span: { start: Math.min(nameSpan.start, list.span.start), end: list.span.end }, via: 'named' };
    if (generic) {
      // "提出了4点要求，即：…" counts the members but names nothing: the sentence is the heading.
      const from = text.lastIndexOf('。', m.index!) + 1;
      delete f.name;
      f.count = count;
      f.heading = text.slice(from, after);
      f.headingSpan = { start: from, end: after };
      f.ordered = true;
    } else {
      f.name = name;
      f.count = count;
      f.nameSpan = nameSpan;
    }
    delete f.frame;
    out.push(f);
  }
  return out;
}

/** The first 、-list (or 和-pair) after `from` within the next sentence that has exactly n items. */
function listAfter(text: string, from: number, n: number): RawFormulation | undefined {
  let end = from;
  let sentences = 0;
  while (end < text.length && end - from < AHEAD && text[end] !== '\n') {
    if (SENTENCE_END.has(text[end]) && ++sentences > 1) break;
    end++;
  }
  let hit: RawFormulation | undefined;
  forEachClause(text, (a, b) => {
    if (hit) return;
    const p = parseList(text, a, b, true);
    if (!p || p.items.length !== n) return;
    const items = p.items.map((x) => text.slice(x.start, x.end));
    if (items.some((x) => x.length < 1 || x.length > MAX_CLAUSE_ITEM)) return;
    hit = { members: items, ordered: false, span: { start: p.items[0].start, end: p.items[n - 1].end }, memberSpans: p.items, via: 'named' };
  }, from, end);
  return hit;
}
