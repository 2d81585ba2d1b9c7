// Cued 、-lists (cued.ts): "构建党委领导、政府主导、…、社会参与的…工作体系", "坚持依法治国、依法执政、依法行政共同推进";
// a list led by a cue verb, closed by a formulaic tail, or whose items share a head or a prefix.
import type { RawFormulation, Span } from './raw';
import { NUMERAL_CHARS, isCjk } from './lists';
import { sharedPositions } from './list-clues';
import { commonPrefix, commonSuffix, forEachClause, MAX_CLAUSE_ITEM, QUOTES, split, stripQuotes } from './cued-text';
import { endsWithCue, hasCue, lastCue, TAIL_HEAD, TAIL_VERBS } from './cued-cues';

/** A shared ending that names a category makes the items an enumeration of kinds, unless the run is long or cued. */
const CATEGORY =
  /(地区|扶贫|救助|工程|计划|资金|政策|产业|服务|保障|工作|问题|人员|人口|机构|企业|部门|组织|项目|设施|贷款|保险|医院|学校|机关|单位|法)$/;
/** Places and bodies in a row are an enumeration, never a 提法: "革命老区、民族地区、边疆地区", "监察机关、公安机关". */
const PLACE_BODY = /(地区|机关|单位|部门|企业|机构|县|市|省|区|州|村|乡|镇)$/;
const PLACE_BODY_ITEM = /(地区|机关|单位|部门|企业|机构|县|市|省|区|州|村|乡|镇|户|人口|人员|家属|群体|家庭)$/;
const ONE_CHAR_CATEGORY = new Set('力感化率县村区州省市户员者家型式类费界期性病难法权'.split(''));
/** Frames too common to open a series ("我们…", "这是…"). */
const MAX_ITEM = 24;

interface ListParse {
  items: Span[];
  /** Text of the clause before the first item and after the last. */
  lead: string;
  tail: string;
}

/** Walk the clauses once; each clause with a 、 is a candidate list. */
export function listsInClauses(text: string): RawFormulation[] {
  const out: RawFormulation[] = [];
  forEachClause(text, (a, b) => {
    if (!text.slice(a, b).includes('、')) return;
    // A segment far longer than the others ends one list and may open the next:
    // "爱国、进步、民主、科学的五四精神始终激励着…、同祖国一起奋进".
    const segs = split(text, a, b, '、');
    const lens = segs.map((s) => s.end - s.start).sort((x, y) => x - y);
    const median = lens[Math.floor(lens.length / 2)];
    const cuts = [
      0,
      ...segs
        .map((s, k) => k)
        .filter((k) => k > 0 && k < segs.length - 1 && segs[k].end - segs[k].start > 2 * median + 2),
      segs.length - 1,
    ];
    for (let k = 0; k + 1 < cuts.length; k++) {
      const parsed = parseList(text, segs[cuts[k]].start, segs[cuts[k + 1]].end);
      const f = parsed && judge(text, parsed);
      if (f) out.push(f);
    }
  });
  return out;
}

/** Items of the 、-list in text[a, b): the first and last segment are cut to the items' shape. */
export function parseList(text: string, a: number, b: number, loose = false): ListParse | undefined {
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
    const shaped =
      p0 !== undefined &&
      (loose || mids.length > 0) &&
      (mLens.every((l) => l === p0.length) ||
        commonSuffix([p0, ...mids]).length >= 1 ||
        commonPrefix([p0, ...mids]).length >= 1);
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
  const eq =
    lens.every((l) => l === lens[0]) && (lastEnd < 0 || lastEnd + suffix.length === lens[0]) ? lens[0] : undefined;
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
    if (endsWithCue(cut) || placed >= 2 || (afterCue >= 0 && cut.length - afterCue <= 4 && inner.length >= 1))
      start = f0 + first.length - eq;
    // "建成世界上规模最大的教育体系、社会保障体系…": cut to the others' length, not after a cue, the item would
    // begin inside its modifier (大的教育体系); where no other item holds a 的, it starts after its own.
    const de = item.lastIndexOf('的');
    if (
      start !== undefined &&
      !endsWithCue(cut) &&
      de >= 0 &&
      item.length - de - 1 >= 2 &&
      !inner.some((m) => m.includes('的'))
    )
      start = f0 + first.length - eq + de + 1;
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
    if (
      rest === '' ||
      /^[的等和与及之上中问要这是为并]/.test(rest) ||
      TAIL_VERBS.test(rest) ||
      (suffix && item.endsWith(suffix)) ||
      prefixFits
    )
      end = l0 + eq;
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

function trim(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /[\s“‘「『]/.test(text[start])) start++;
  while (end > start && /[\s”’」』]/.test(text[end - 1])) end--;
  return { start, end };
}

/**
 * "经济实力、科技实力、国防实力、综合国力和国际影响力": a last item joined by 和 (及, 以及, 与) that ends as the
 * others do is one of them — without it the list would teach a wrong count. Items joined by 和 that end otherwise
 * ("…青年科技人才和高水平创新团队", "…社会主义发展史和中华优秀传统文化") stay outside.
 */
function withJoinedLast(text: string, p: ListParse): ListParse {
  const suf = commonSuffix(p.items.map((s) => text.slice(s.start, s.end)));
  const m = suf ? new RegExp(`^(和|及|以及|与)([\\u4e00-\\u9fa5]{1,8}?${suf})`).exec(p.tail) : null;
  if (!m) return p;
  const start = p.items[p.items.length - 1].end + m[1].length;
  return { ...p, items: [...p.items, { start, end: start + m[2].length }], tail: p.tail.slice(m[0].length) };
}

/** Is the parsed list a series a cadre recites? */
function judge(text: string, parsed: ListParse): RawFormulation | undefined {
  const p = withJoinedLast(text, parsed);
  const items = p.items.map((s) => text.slice(s.start, s.end));
  const n = items.length;
  if (n < 2 || new Set(items).size !== n) return undefined;
  if (items.some((s) => s.length < 2 || s.length > MAX_ITEM || ![...stripQuotes(s)].every((c) => isCjk(c))))
    return undefined;
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
  const pos = sharedPositions(items).length;
  const cue = hasCue(p.lead.slice(-12));
  const head = TAIL_HEAD.exec(tail);
  const formulaTail = TAIL_VERBS.test(tail) || !!head;
  const category =
    (suf.length >= 2 && CATEGORY.test(suf)) ||
    (suf.length === 1 && ONE_CHAR_CATEGORY.has(suf)) ||
    (suf.length >= 2 && ONE_CHAR_CATEGORY.has(suf[suf.length - 1]) && lens.every((l) => l <= suf.length + 2));
  const spread = Math.max(...lens) <= 2 * Math.min(...lens) + 2;
  let ok = false;
  if ((PLACE_BODY.test(suf) || items.every((x) => PLACE_BODY_ITEM.test(x))) && !(cue && formulaTail)) return undefined;
  if (n === 2) {
    // Two members count only when cued and cast alike: 多劳者多得、技高者多得; 稳字当头、稳中求进.
    ok =
      eq &&
      cue &&
      lens[0] >= 3 &&
      ((pos >= 2 && pos * 3 >= lens[0]) || (pre.length >= 1 && lens[0] <= 4)) &&
      (tail === '' || /^[的，]/.test(tail));
    // "要坚持稳中求进、提质增效": a pair of four-character words standing as 坚持's whole object, one of which
    // the document names its 总基调 or 方针 ("坚持稳中求进工作总基调"), is the line it repeats as a slogan.
    ok ||=
      eq &&
      lens[0] === 4 &&
      /坚持$/.test(p.lead) &&
      tail === '' &&
      items.some(
        (x) => text.includes(`${x}工作总基调`) || text.includes(`${x}的工作总基调`) || text.includes(`${x}方针`),
      );
  } else if (category) {
    // Kinds under one head: four or more, or three of four characters or more that are cued ("形成…史料体系、话语体系、理论体系").
    ok =
      (n >= 4 && cue && lens.every((l) => l > suf.length + 1)) ||
      (n >= 3 && cue && suf.length >= 2 && Math.min(...lens) >= 4 && !/地区|机关|单位|部门|企业|机构/.test(suf));
    if (n >= 4 && suf.length === 1 && lens.every((l) => l === 3) && !cue) ok = false;
  } else if (pre.length >= 2 || suf.length >= 2) ok = spread;
  else if (eq && pos >= 2) ok = true;
  else if (eq && (pre.length === 1 || suf.length === 1 || pos >= 1) && n >= 4 && lens[0] <= 6)
    ok = cue || formulaTail || p.lead === '';
  else if (eq && (cue || formulaTail) && lens[0] >= 2 && lens[0] <= 8 && (formulaTail || (cue && lens[0] >= 4)))
    ok = true;
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
