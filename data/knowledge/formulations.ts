// Formulations (提法) in one normalized document: lists that a count-bearing name closes or opens
// ("……等“六个精准”", "“两个确保”：确保……；确保……"), numbered series (series.ts), unnamed parallel
// series (parallel.ts) and glossary lists stated without their name (attest.ts). The count in a name
// must equal the members found, otherwise nothing is emitted: no card is better than a wrong one.
import { GLOSSARY, findGlossaryByMembers, findGlossaryEntry } from '../glossary';
import { attestGlossary } from './attest';
import {
  ADDRESSEE_END,
  CLOSE_QUOTES,
  HARD,
  OPEN_QUOTES,
  SENTENCE_END,
  afterGlue,
  cleanMember,
  endsWithGlue,
  isCjk,
  nameCount,
  parseCount,
  sentenceStart,
  splitTop,
  trimSpan,
} from './lists';
import { findParallelSeries } from './parallel';
import type { GlossaryEntry, RawFormulation, Span } from './raw';
import { findSeries } from './series';
import { findCuedSeries } from './cued';
import { findTopicLists, findTwoHopes, findWorkLists } from './topic-lists';
import { findSiteLists, findTraitLists } from './trait-lists';
import { COUNT_NUMERALS } from '../vocab/numerals';
import { takenName, unnameRepeats } from './made-names';

const QUOTED_NAME = /[“「‘『]([^”」’』“「‘『\n]{2,12})[”」’』]/g;
/** An unquoted count name right after a list or before a colon: "外防输入、内防扩散两大环节". */
const BARE_NAME = /([两二三四五六七八九十])(个|大)([\u4e00-\u9fa5]{1,3}?)(?=[，。；：、,;:]|$)/g;
const GENERIC = /^(问题|方面|意见|要求|内容|部分|工作|情况|点|方式|途径|地区|国家|省份)$/;
const OPENING = /^(：|:|，即|,即|即|，就是|就是|，包括|包括|，分别是|（)/;

export function extractFormulations(text: string, glossary: GlossaryEntry[] = GLOSSARY): RawFormulation[] {
  const cued = findCuedSeries(text);
  const named = [...findNamed(text), ...findTwoHopes(text)];
  for (const c of cued.filter((f) => f.via === 'named')) if (!named.some((n) => overlap(n.span, c.span))) named.push(c);
  const parallel = preferLonger([...findParallelSeries(text), ...cued.filter((f) => f.via === 'parallel')]).filter(
    (p) =>
      !named.some((n) => inside(p.span, n.span) || (overlap(p.span, n.span) && n.members.length >= p.members.length)),
  );
  for (const p of parallel) {
    // "要抓好八项重点任务：坚持内需主导，…；坚持创新驱动，…": the count name the sentence gives before the colon.
    const counted = p.name ? undefined : countedName(text, p.span.start, p.members.length);
    if (counted) {
      p.name = counted;
      p.count = p.members.length;
    }
    // Clauses opened by one frame and named nowhere are named by frame and count: 三个必须, 三个讲清楚 —
    // unless that name is already another list's (四个坚持 is 四项基本原则): then the lead asks for them.
    const made = p.frame && !p.name && p.members.length <= 10 && `${COUNT_NUMERALS[p.members.length]}个${p.frame}`;
    if (made && !takenName(made)) {
      p.name = made;
      p.nameMade = true;
      p.count = p.members.length;
    }
    const lead = leadInto(text, p.span.start);
    if (lead) p.lead = lead;
  }
  unnameRepeats(parallel);
  const found = [...named, ...parallel, ...findSeries(text)];
  // "…的主要目标：A，B，C。": a topic's list, unless a finder above read the same clauses.
  for (const t of [...findTopicLists(text), ...findWorkLists(text)])
    if (!found.some((f) => overlap(f.span, t.span))) found.push(t);
  // "我国经济基础稳、优势多、韧性强、潜力大", "在学懂、弄通、做实上下功夫": asked in their own sentence.
  for (const t of [...findTraitLists(text), ...findSiteLists(text)]) {
    const same = found.find((f) => overlap(f.span, t.span));
    if (!same) found.push({ ...t, lead: leadInto(text, t.span.start) });
    // Found by another finder: the phrase after it still says what the items are for ("上持续发力").
    else if (t.tail && same.members.join('、') === t.members.join('、')) same.tail ??= t.tail;
  }
  for (const f of found) {
    const entry = (f.name && findGlossaryEntry(f.name)) || (f.via !== 'series' && findGlossaryByMembers(f.members));
    if (entry && glossary.includes(entry)) f.glossaryName = entry.name;
  }
  // A glossary list the extractors already found only names it; nested lists (两不愁 in 两不愁三保障) go.
  const attested = attestGlossary(text, glossary);
  for (const a of attested) {
    if (attested.some((b) => b !== a && inside(a.span, b.span) && span(b.span) > span(a.span))) continue;
    const same = found.find(
      (f) => f.via !== 'series' && overlap(f.span, a.span) && f.members.length === a.members.length,
    );
    if (same) same.glossaryName ??= a.glossaryName;
    else found.push(a);
  }
  return found
    .filter((f) => !salutation(text, f))
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
}

/**
 * "抓好八项重点任务：", "实施三大工程：" right before a list: a count and a noun that says what the items are;
 * the verb all items share may stand after the colon ("八项重点任务：坚持内需主导、创新驱动、…").
 */
const COUNTED_LEAD =
  /(?<![\d一二两三四五六七八九十第])([二两三四五六七八九十])(项|个|大|条)([\u4e00-\u9fa5]{2,6})[：:]\s*(?:坚持|做到)?$/;

/** The name a list's own sentence gives it just before its items, when its count is the list's. */
function countedName(text: string, at: number, n: number): string | undefined {
  const m = COUNTED_LEAD.exec(text.slice(sentenceStart(text, at), at));
  if (!m || parseCount(m[1]) !== n || GENERIC.test(m[3]) || /^方面/.test(m[3])) return undefined;
  return m[1] + m[2] + m[3];
}

/** Whom a speech addresses ("各位代表", "同志们", "尊敬的各位来宾"). */
const ADDRESSEE = new RegExp(`^(?:尊敬的)?[\\u4e00-\\u9fa5]{0,10}${ADDRESSEE_END}$`);

/** "各位代表、各位委员、各位来宾：": the speech's salutation, not a series to learn. */
function salutation(text: string, f: RawFormulation): boolean {
  return f.members.every((m) => ADDRESSEE.test(m)) && /^\s*[：:！!]/.test(text.slice(f.span.end, f.span.end + 3));
}

const MIN_LEAD = 4;
const MAX_LEAD = 30;
/** Words that lead into a list but say nothing of what it is for: 目的是, 就是, 旨在. */
const BARE_LEAD = /^(?:目的是|目的就是|就是|旨在|意在|为的是|是为了)$/;

/**
 * The words that lead into a list in its sentence, enough to make a cloze answerable: the clause up to
 * the list, grown by the previous clause while it says less than MIN_LEAD chars ("实现" →
 * "推进东部产业向西部梯度转移，实现"); never across a sentence end, at most MAX_LEAD chars.
 */
export function leadInto(text: string, at: number): string {
  let start = at;
  const stop = (i: number) => i <= 0 || SENTENCE_END.has(text[i - 1]);
  const toClause = (i: number) => {
    while (!stop(i) && !HARD.has(text[i - 1])) i--;
    return i;
  };
  start = toClause(start);
  // "…，目的是铭记历史、…": a bare 目的是 says nothing of what; its clause before is the lead, however long.
  const maxLead = BARE_LEAD.test(text.slice(start, at)) ? 2 * MAX_LEAD : MAX_LEAD;
  while (at - start < MIN_LEAD && !stop(start)) {
    const prev = toClause(start - 1);
    if (at - prev > maxLead) break;
    start = prev;
  }
  let lead = text.slice(start, at);
  // A closing bracket or quote whose opener lies before the lead ("十三）健全", "”打赢…必须靠") cuts it.
  const unmatched = [...lead].findIndex((c, i) => '）)”’」』'.includes(c) && !/[（(“‘「『]/.test(lead.slice(0, i)));
  if (unmatched >= 0) lead = lead.slice(unmatched + 1);
  return lead
    .replace(/^[“‘「『（(\s，、]+/, '')
    .replace(/[“‘「『]+$/, '')
    .slice(-maxLead);
}

/** Of overlapping series keep the one with more members (the first found on a tie: parallel.ts's). */
function preferLonger(fs: RawFormulation[]): RawFormulation[] {
  const kept: RawFormulation[] = [];
  for (const f of fs) {
    // A 、-list inside one clause of a run of clauses is a series of its own ("坚持依法治国、依法执政、依法行政共同推进").
    const nested = (a: RawFormulation, b: RawFormulation) => b.memberSpans.some((m) => inside(a.span, m));
    // Runs over several sentences overlap lists between their members without competing with them.
    const clash = (a: RawFormulation, b: RawFormulation) =>
      a.memberSpans.some((m) => b.memberSpans.some((n) => overlap(m, n)));
    const rival = kept.findIndex((k) => overlap(k.span, f.span) && clash(k, f) && !nested(k, f) && !nested(f, k));
    if (rival < 0) kept.push(f);
    else if (f.members.length > kept[rival].members.length) kept[rival] = f;
  }
  return kept;
}

const span = (s: Span) => s.end - s.start;
const inside = (a: Span, b: Span) => a.start >= b.start && a.end <= b.end;
const overlap = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

function findNamed(text: string): RawFormulation[] {
  const out: RawFormulation[] = [];
  const names: Array<{ name: string; at: number; end: number; quoted: boolean }> = [];
  for (const m of text.matchAll(QUOTED_NAME))
    names.push({ name: m[1], at: m.index!, end: m.index! + m[0].length, quoted: true });
  for (const m of text.matchAll(BARE_NAME)) {
    const before = text[m.index! - 1];
    if (GENERIC.test(m[3]) || !before || OPEN_QUOTES.includes(before) || /[\d一二两三四五六七八九十第]/.test(before))
      continue;
    names.push({ name: m[0], at: m.index!, end: m.index! + m[0].length, quoted: false });
  }
  for (const n of names) {
    const count = nameCount(n.name);
    if (!count || count < 2 || count > 12) continue;
    const nameSpan = { start: n.quoted ? n.at + 1 : n.at, end: n.quoted ? n.end - 1 : n.end };
    const list = closingList(text, n.at, count) ?? openingList(text, n.end, count);
    if (!list) continue;
    out.push({
      name: n.name,
      count,
      members: list.map((s) => cleanMember(text.slice(s.start, s.end))),
      ordered: false,
      span: { start: Math.min(nameSpan.start, list[0].start), end: Math.max(nameSpan.end, list[list.length - 1].end) },
      memberSpans: list,
      nameSpan,
      via: 'named',
    });
  }
  return out;
}

/** Start of the list that ends at `end`, skipping over brackets and quotes it contains. */
function listStart(text: string, end: number): number {
  let depth = 0;
  let i = end;
  for (; i > 0; i--) {
    const ch = text[i - 1];
    if ('）)'.includes(ch) || CLOSE_QUOTES.includes(ch)) depth++;
    else if ('（('.includes(ch) || OPEN_QUOTES.includes(ch)) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && HARD.has(ch)) break;
  }
  return i;
}

/** "坚持A、B、…、F等“六个精准”": the list right before the name (and an optional 等/的). */
function closingList(text: string, at: number, count: number): Span[] | undefined {
  let end = at;
  const linked = '等的'.includes(text[end - 1]);
  if (linked) end--;
  // "形成由学徒工、…、首席技师构成的“八级工”": the frame 由…构成 is not part of the items.
  const framed = linked && /(构成|组成)$/.test(text.slice(end - 2, end));
  if (framed) end -= 2;
  if (end <= 0 || HARD.has(text[end - 1]) || OPEN_QUOTES.includes(text[end - 1])) return undefined;
  const segs = splitList(text, listStart(text, end), end, '、', count);
  if (segs && framed) {
    const by = text.lastIndexOf('由', segs[0].end - 1);
    if (by >= segs[0].start) segs[0] = { start: by + 1, end: segs[0].end };
  }
  const list = segs && repairFirst(text, segs);
  if (!list) return undefined;
  // Without 等/的 the name may just be an object ("熟悉“三农”工作"): then the items must match in length.
  const lens = list.map((s) => cleanMember(text.slice(s.start, s.end)).length);
  const [min, max] = [Math.min(...lens), Math.max(...lens)];
  return (linked ? max <= 3 * min : max - min <= 1) ? list : undefined;
}

/** "“两个确保”：确保……；确保……。": the list right after the name. */
function openingList(text: string, after: number, count: number): Span[] | undefined {
  const intro = OPENING.exec(text.slice(after, after + 4));
  if (!intro) return undefined;
  const start = after + intro[0].length;
  let end = start;
  const closer = intro[0] === '（' ? '）' : undefined;
  while (end < text.length && (closer ? text[end] !== closer : !SENTENCE_END.has(text[end]))) end++;
  const segs = splitList(text, start, end, '；;', count) ?? splitList(text, start, end, '、', count);
  return segs?.map((s) =>
    trimSpan(text, { start: s.start, end: text.slice(s.start, s.end).endsWith('等') ? s.end - 1 : s.end }),
  );
}

/** Split at the separators; when one short, let a final 和/与/及 separate the last two items. */
function splitList(text: string, start: number, end: number, seps: string, count: number): Span[] | undefined {
  let segs = splitTop(text, start, end, seps).map((s) => trimSpan(text, s));
  if (segs.length === count - 1) {
    const last = segs[segs.length - 1];
    const parts = splitTop(text, last.start, last.end, '和与及');
    if (parts.length === 2) segs = [...segs.slice(0, -1), ...parts];
  }
  if (segs.length !== count) return undefined;
  const ok = segs.every((s) => {
    const m = cleanMember(text.slice(s.start, s.end));
    return m.length >= 1 && m.length <= 40 && [...m].filter(isCjk).length >= m.length / 2;
  });
  return ok ? segs : undefined;
}

/**
 * The first item carries the clause's lead-in ("坚持扶持对象精准", "对照对象", "他提出扶志"). Cut it to
 * the others' length when they agree and the cut-off part ends in a lead-in verb; otherwise cut after
 * a known lead-in word; give up when the first item stays far longer than the rest.
 */
function repairFirst(text: string, segs: Span[]): Span[] | undefined {
  const lens = segs.slice(1).map((s) => cleanMember(text.slice(s.start, s.end)).length);
  const first = segs[0];
  const firstLen = cleanMember(text.slice(first.start, first.end)).length;
  const L = lens[0];
  let start = first.start;
  if (lens.every((l) => l === L) && firstLen > L && endsWithGlue(text, first.start, first.end - L))
    start = first.end - L;
  else if (firstLen > Math.max(...lens)) {
    const g = afterGlue(text, first);
    if (g > 0) start = g;
    else if (firstLen > 2 * Math.max(...lens) + 2) return undefined;
  }
  return [{ start, end: first.end }, ...segs.slice(1)];
}
