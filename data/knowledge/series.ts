// Numbered series: "一是……二是……三是……", "一要……二要……", "第一，……第二，……", "第一个问题：……".
// Most are the outline of a speech; they are kept (ordered, so a card can ask for them in order) but
// named only where the text names them ("要抓好三个重点"), never with an invented name.
import type { RawFormulation, Span } from './raw';
import { SENTENCE_END, parseCount, sentenceStart } from './lists';
import { listTopic } from './topic-lists';

interface Marker {
  n: number;
  at: number; // where the marker starts
  body: number; // where the member text starts
}

const NUM = '[一二三四五六七八九十]{1,2}';
// 一是/一要 count only at the start of a clause; "摄" lets a series follow a photo credit
// glued onto it by the PDF extraction ("新华社记者鞠鹏/摄一是坚持党的领导").
// "（一）…" opening a line is a section as often as an item: a list only where the sentence right above
// announces it with its count ("要抓好三项重点任务。") or a heading line right above names what the items are
// ("二、…必须遵循的原则").
const KINDS: Array<{ re: RegExp; maxGap: number; announced?: boolean }> = [
  { re: new RegExp(`(?<=^|[。；！？：，\\n;:,!?]|/摄)(${NUM})是`, 'g'), maxGap: 1500 },
  { re: new RegExp(`(?<=^|[。；！？：，\\n;:,!?])(${NUM})要(?![求是])`, 'g'), maxGap: 1500 },
  { re: new RegExp(`第(${NUM})[，,]`, 'g'), maxGap: 3000 },
  { re: new RegExp(`第(${NUM})个问题[：:]`, 'g'), maxGap: Infinity },
  { re: new RegExp(`(?<=^|\\n)（(${NUM})）`, 'g'), maxGap: 1500, announced: true },
];
const MEMBER_END = /[。；！？;!?\n]/;
const MAX_MEMBER = 30;
/** Words that only say "these are points of a talk"; a heading ending in one gives no name. */
const GENERIC = /^(问题|方面|意见|要求|内容|部分|工作|情况|点)$/;
const COUNT_RE =
  /(?<![\d一二两三四五六七八九十])([二两三四五六七八九十]|[2-9])(个|点|项|条|件|大|方面)([\u4e00-\u9fa5]{0,4})/g;
const HEADING_WORDS = /以下|如下|几个|几点|几项|方面/;
/** A count far above the series must be introduced as one ("要抓好三个重点", "讲3个问题"). */
const FAR_COUNT_RE =
  /(抓好|讲|提出了?|提|包括|谈|做好|把握|突出|强调|做到)(以下)?([二两三四五六七八九十]|[2-9])(个|点|项|条|大)([\u4e00-\u9fa5]{0,4})/g;
const FAR_WINDOW = 1000;

export function findSeries(text: string): RawFormulation[] {
  const out: RawFormulation[] = [];
  for (const kind of KINDS) {
    const markers: Marker[] = [];
    for (const m of text.matchAll(kind.re)) {
      const n = parseCount(m[1]);
      if (n) markers.push({ n, at: m.index!, body: m.index! + m[0].length });
    }
    let run: Marker[] = [];
    const flush = () => {
      const f = run.length >= 2 ? build(text, run) : undefined;
      if (f && (!kind.announced || announcedRightAbove(text, f))) out.push(f);
      run = [];
    };
    for (const m of markers) {
      const prev = run[run.length - 1];
      if (m.n === 1) {
        flush();
        run = [m];
      } else if (prev && m.n === prev.n + 1 && m.at - prev.at <= kind.maxGap) run.push(m);
    }
    flush();
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/**
 * A count that fits, in the sentence right before the first item ("…三项重点任务。\n（一）…"), or a heading line
 * right above that names what the items are ("二、…必须遵循的原则\n（一）必须坚持…").
 */
function announcedRightAbove(text: string, f: RawFormulation): boolean {
  if (!f.headingSpan || !/^[。：:\s]*$/.test(text.slice(f.headingSpan.end, f.span.start))) return false;
  return !!f.count || !!listTopic(f.heading ?? '');
}

function memberSpan(text: string, m: Marker, next?: Marker): Span {
  // A member never runs into the next marker ("一是…，二是…，三是…" within one sentence).
  const rest = text.slice(m.body, Math.min(m.body + 200, next ? next.at : Infinity)).replace(/[，,]$/, '');
  let end = rest.search(MEMBER_END);
  if (end < 0) end = rest.length;
  // A long first sentence is cut at its first comma: the point, not its elaboration.
  if (end > MAX_MEMBER) {
    const comma = rest.slice(0, end).search(/[，,]/);
    if (comma > 0) end = comma;
  }
  return { start: m.body, end: m.body + end };
}

function build(text: string, run: Marker[]): RawFormulation {
  const memberSpans = run.map((m, k) => memberSpan(text, m, run[k + 1]));
  const members = memberSpans.map((s) => text.slice(s.start, s.end).trim());
  const f: RawFormulation = {
    members,
    ordered: true,
    span: { start: run[0].at, end: memberSpans[memberSpans.length - 1].end },
    memberSpans,
    via: 'series',
  };
  const head = findHeading(text, run[0].at, members.length);
  if (head) {
    f.heading = text.slice(head.span.start, head.span.end);
    f.headingSpan = head.span;
    if (head.count === members.length) {
      f.count = head.count;
      if (head.name) f.name = head.name;
    }
  }
  return f;
}

interface Heading {
  span: Span;
  count?: number;
  name?: string;
}

function countIn(s: string, re: RegExp): { count: number; name?: string } | undefined {
  // A count inside quotes names another formulation ("“四个全面”战略布局"), not this series.
  const all = [...s.matchAll(re)].filter((m) => !/[“‘「『]$/.test(s.slice(0, m.index!)));
  const m = all[all.length - 1];
  if (!m) return undefined;
  const [num, unit, word] = re === FAR_COUNT_RE ? [m[3], m[4], m[5]] : [m[1], m[2], m[3]];
  const count = parseCount(num)!;
  const name = word && !GENERIC.test(word) ? `${num}${unit}${word}` : undefined;
  return { count, name };
}

/** The sentence that announces the series: in the same sentence, a few sentences back, or a title. */
function findHeading(text: string, at: number, n: number): Heading | undefined {
  const sameStart = sentenceStart(text, at);
  const same = text.slice(sameStart, at).replace(/[，,：:\s]+$/, '');
  const inSame = countIn(same, COUNT_RE);
  if (same.length >= 4 && (inSame || HEADING_WORDS.test(same))) {
    return { span: { start: sameStart, end: sameStart + same.length }, ...inSame };
  }
  // Up to three sentences back (photo captions sit between a heading and its series in 002).
  let end = sameStart;
  for (let k = 0; k < 3 && end > 0; k++) {
    while (end > 0 && SENTENCE_END.has(text[end - 1])) end--;
    const start = sentenceStart(text, end);
    const s = text.slice(start, end);
    const c = countIn(s, FAR_COUNT_RE);
    if ((c && c.count === n) || HEADING_WORDS.test(s)) return { span: { start, end }, ...(c?.count === n ? c : {}) };
    end = start;
  }
  // A title or announcement further up: only an explicit "抓好三个重点" whose count fits.
  const from = Math.max(0, at - FAR_WINDOW);
  const window = text.slice(from, sameStart);
  for (const m of [...window.matchAll(FAR_COUNT_RE)].reverse()) {
    if (parseCount(m[3]) !== n) continue;
    const pos = from + m.index!;
    const start = sentenceStart(text, pos);
    let stop = pos + m[0].length;
    while (stop < text.length && !/[。！？\n]/.test(text[stop])) stop++;
    return { span: { start, end: stop }, ...countIn(m[0], FAR_COUNT_RE) };
  }
  return sectionHeading(text, sameStart);
}

/** A section title standing on its own line: "一、我国脱贫攻坚取得决定性成就", "第二个问题：清醒把握……". */
export const SECTION_HEADING =
  /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+个问题[：:])([^。！？\n]{2,40})。?$/;
const SECTION_WINDOW = 3000;

/** The nearest section title above `at`, when no numbered series of the same section stands between. */
function sectionHeading(text: string, at: number): Heading | undefined {
  const from = Math.max(0, at - SECTION_WINDOW);
  let end = at;
  while (end > from) {
    const lineEnd = end - 1; // the "\n" before the current line
    const lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
    const line = text.slice(lineStart, lineEnd);
    if (SECTION_HEADING.test(line))
      return { span: { start: lineStart, end: lineStart + line.replace(/。$/, '').length } };
    if (/^(?:第[一二三四五六七八九十]+[，、]|[一二三四五六七八九十]+是)/.test(line) && lineStart < at) return undefined;
    if (lineStart === 0) break;
    end = lineStart;
  }
  return undefined;
}
