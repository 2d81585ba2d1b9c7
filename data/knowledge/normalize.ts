// Normalization of PDF/web extractions into clean simplified text, keeping a map back to the
// original so every card can quote the document verbatim (DESIGN: "every card can show where it
// came from"). Each output char records the original index it came from; nothing here is lossy
// in the direction text → original.
import { isTraditional, simplifyKeepingLength } from './opencc';

export interface Span {
  start: number;
  end: number;
}

export interface NormalizedText {
  /** Clean simplified text; "\n" separates paragraphs. */
  text: string;
  /** Original index of the char at normalized index i (i === text.length maps past the end). */
  toOriginal(i: number): number;
  /** Sentence spans in normalized coordinates. */
  sentences: Span[];
  /** True when the original was written in traditional characters. */
  traditional: boolean;
}

// CJK chars plus the full-width punctuation that sits among them.
const CJK_OR_PUNCT = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’—…·]/;
const DIGIT = /[0-9０-９]/;
const SPACE = /[ \t\u00a0\u3000\u2002-\u200b\ufeff]/;
const TERMINAL = /[。！？][”’」』）)]*$/;
const HEADING =
  /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+[，、篇]|\d+[.、．])/;
// A line that is only a page number ("2", "- 2 -", "—2—").
const PAGE_NUMBER = /^[\s\-—–]*\d{1,3}[\s\-—–]*$/;
// Running headers of bulletins, e.g. "【学习参考】 2020 年第 3 期".
const RUNNING_HEADER = /^【[^】]{1,12}】\s*\d{4}\s*年\s*第\s*\d+\s*期$/;
// Photo credits of web copies ("新华社记者鞠鹏/摄"), often glued onto the paragraph that follows.
const PHOTO_CREDIT = /新华社(?:记者)?\s*[\u4e00-\u9fff]{2,4}(?:\s*、\s*[\u4e00-\u9fff]{2,4})*\s*\/?\s*摄/;
// The caption lines a credit closes: "2020年3月6日，中共中央总书记……习近平在北京出席……", "这是4月21日，习近平在……".
const CAPTION = /^(?:\d{4}年\d{1,2}月\d{1,2}日|这是)/;
const MAX_CAPTION_LINES = 3;
// Glued page heads of web copies: "…讲话来源：《求是》发布时间：2020-04-30在…讲话（2018年2月12日）习近平党的十八大以后…".
const HEAD_BREAKS = [
  /(?=来源[：:])/g,
  /(?<=发布时间[：:]\s*\d{4}-\d{2}-\d{2})/g,
  /(?=（\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日）)/g,
  /(?<=（\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日）)/g,
];
const HEAD_CHARS = 600;

/** One-to-one folding: full-width ASCII to ASCII, half-width punctuation among CJK to full-width. */
function foldChar(c: string, prev: string, next: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xfee0); // ０-９
  if ((code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a))
    return String.fromCharCode(code - 0xfee0);
  if (c === '％') return '%';
  if (c === '．' && DIGIT.test(prev) && DIGIT.test(next)) return '.';
  if (c === '「') return '“';
  if (c === '」') return '”';
  if (c === '『') return '‘';
  if (c === '』') return '’';
  const digitsAround = DIGIT.test(prev) && DIGIT.test(next);
  if (!digitsAround && (CJK_OR_PUNCT.test(prev) || CJK_OR_PUNCT.test(next))) {
    const map: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
    if (map[c]) return map[c];
  }
  return c;
}

const isIdeograph = (code: number) => code >= 0x3400 && code <= 0x9fff;

interface Line {
  start: number; // original offset of first non-space char
  end: number; // original offset after last non-space char
  indented: boolean;
  width: number;
  /** Starts a paragraph whatever the wrapping says (a piece split off a glued line). */
  breakBefore?: boolean;
}

/** CJK_OR_PUNCT by code, so that widths are measured without one-character strings. */
function isCjkOrPunct(code: number): boolean {
  return (
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0x3400 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xffef) ||
    code === 0x201c ||
    code === 0x201d ||
    code === 0x2018 ||
    code === 0x2019 ||
    code === 0x2014 ||
    code === 0x2026 ||
    code === 0xb7
  );
}

function visualWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    // A surrogate pair is one (narrow) character.
    if (
      code >= 0xd800 &&
      code <= 0xdbff &&
      i + 1 < s.length &&
      s.charCodeAt(i + 1) >= 0xdc00 &&
      s.charCodeAt(i + 1) <= 0xdfff
    )
      i++;
    w += isCjkOrPunct(code) ? 2 : 1;
  }
  return w;
}

function readLines(original: string): Line[] {
  const lines: Line[] = [];
  const raw = original.split('\n');
  const trimmed = raw.map((l) => l.trim());
  let offset = 0;
  raw.forEach((l, k) => {
    const t = trimmed[k];
    const lead = l.length - l.trimStart().length;
    const blankAround = (d: number) => k + d < 0 || k + d >= raw.length || trimmed[k + d] === '';
    const isPage = PAGE_NUMBER.test(t) && blankAround(-1) && blankAround(1);
    if (t && !isPage && !RUNNING_HEADER.test(t)) {
      const line = {
        start: offset + lead,
        end: offset + lead + t.length,
        indented: /^(\s{2,}|\u3000)/.test(l),
        width: visualWidth(t),
      };
      lines.push(...(offset < HEAD_CHARS ? splitHead(original, line) : [line]));
    }
    offset += l.length + 1;
  });
  return dropPhotoCaptions(original, lines);
}

function piece(original: string, start: number, end: number, base: Line, breakBefore: boolean): Line | undefined {
  while (start < end && SPACE.test(original[start])) start++;
  while (end > start && SPACE.test(original[end - 1])) end--;
  if (end <= start) return undefined;
  const t = original.slice(start, end);
  return {
    start,
    end,
    indented: start === base.start && base.indented,
    width: visualWidth(t),
    ...(breakBefore ? { breakBefore } : {}),
  };
}

/** A page head glued into one line (title, 来源, 发布时间, date, speaker) is cut into paragraphs. */
function splitHead(original: string, line: Line): Line[] {
  const t = original.slice(line.start, line.end);
  const cuts = new Set<number>();
  for (const re of HEAD_BREAKS)
    for (const m of t.matchAll(re))
      if (m.index! > 0 && m.index! < t.length && line.start + m.index! < HEAD_CHARS) cuts.add(m.index!);
  // The speaker named by the title ("习近平在…上的讲话") glued to the first sentence after the date.
  const speaker = /^([\u4e00-\u9fff]{2,4}?)在/.exec(original.trimStart().slice(0, 40))?.[1];
  for (const c of [...cuts]) {
    if (
      speaker &&
      /^（\d/.test(t.slice(c)) &&
      t
        .slice(c)
        .replace(/^（[^）]*）/, '')
        .trimStart()
        .startsWith(speaker)
    ) {
      const at = t.indexOf('）', c) + 1;
      const name = t.indexOf(speaker, at);
      if (name >= 0 && name - at < 3) cuts.add(name + speaker.length);
    }
  }
  if (!cuts.size) return [line];
  const at = [0, ...[...cuts].sort((a, b) => a - b), t.length];
  const out: Line[] = [];
  for (let k = 0; k + 1 < at.length; k++) {
    const p = piece(original, line.start + at[k], line.start + at[k + 1], line, k > 0);
    if (p) out.push(p);
  }
  return out;
}

/**
 * Photo captions of web copies never reach a sentence: the credit ("新华社记者鞠鹏/摄") is cut off the
 * paragraph it is glued to, and the caption lines right before it (a date or "这是…" opening) go too.
 */
function dropPhotoCaptions(original: string, lines: Line[]): Line[] {
  const drop = new Set<number>();
  const out = lines.map((l) => ({ ...l }));
  out.forEach((line, k) => {
    const t = original.slice(line.start, line.end);
    const m = PHOTO_CREDIT.exec(t);
    if (!m) return;
    const before = t.slice(0, m.index).trim();
    const after = line.start + m.index + m[0].length;
    let first = k; // the first line of the caption block
    if (before && !CAPTION.test(before.replace(/\s+/g, ''))) {
      // A credit closing a paragraph of text: keep the text, cut the credit (and what follows it, a new paragraph).
      const head = piece(original, line.start, line.start + m.index, line, !!line.breakBefore);
      const rest = piece(original, after, line.end, line, true);
      out[k] = head!;
      if (rest) out.splice(k + 1, 0, rest);
      return;
    }
    while (
      first > 0 &&
      k - first < MAX_CAPTION_LINES &&
      CAPTION.test(original.slice(out[first - 1].start, out[first - 1].end).replace(/\s+/g, ''))
    )
      first--;
    for (let i = first; i < k; i++) drop.add(i);
    const rest = piece(original, after, line.end, line, true);
    if (rest) out[k] = rest;
    else drop.add(k);
  });
  return out.filter((_, i) => !drop.has(i));
}

/** Attribution lines of excerpt collections ("习近平 2020 年 3 月 6 日在…座谈会上的讲话") are full width
 * but end their own paragraph: no sentence punctuation, and a date or "讲话" at the end. */
function isByline(line: string): boolean {
  const t = line.replace(/\s+/g, '');
  return !/[，。；！？]/.test(t) && (/\d{4}年\d{1,2}月/.test(t) || /讲话$/.test(t));
}

/** Wrapped PDF text: most lines share one width. Web text: one paragraph per line. */
function wrapWidth(lines: Line[]): number | undefined {
  if (lines.length < 20) return undefined;
  const widths = lines.map((l) => l.width).sort((a, b) => a - b);
  const w = widths[Math.floor(widths.length * 0.75)];
  const near = widths.filter((x) => x >= w * 0.9 && x <= w * 1.1).length;
  return near / widths.length >= 0.4 ? w : undefined;
}

export function normalizeDocument(original: string): NormalizedText {
  const src = original.replace(/\r/g, ' ');
  const lines = readLines(src);
  const width = wrapWidth(lines);
  const usesIndent = lines.filter((l) => l.indented).length >= 5;
  const out: string[] = [];
  const map: number[] = [];
  const push = (c: string, at: number) => {
    out.push(c);
    map.push(at);
  };

  lines.forEach((line, k) => {
    const text = src.slice(line.start, line.end);
    if (k > 0) {
      const prev = lines[k - 1];
      const prevText = src.slice(prev.start, prev.end);
      const short = width !== undefined && prev.width < width * 0.8;
      const paragraph =
        width === undefined ||
        short ||
        (usesIndent && line.indented) ||
        (TERMINAL.test(prevText) && HEADING.test(text)) ||
        isByline(prevText) ||
        !!line.breakBefore;
      if (paragraph) push('\n', prev.end);
      else if (/[A-Za-z]$/.test(prevText) && /^[A-Za-z]/.test(text)) push(' ', prev.end);
    }
    for (let i = line.start; i < line.end; i++) {
      // A run of CJK ideographs folds to itself: copied in one piece.
      if (isIdeograph(src.charCodeAt(i))) {
        let j = i + 1;
        while (j < line.end && isIdeograph(src.charCodeAt(j))) j++;
        out.push(src.slice(i, j));
        for (let k = i; k < j; k++) map.push(k);
        i = j - 1;
        continue;
      }
      const c = src[i];
      if (SPACE.test(c)) {
        // Keep one space only between two Latin/digit runs ("2020 2"); drop it next to CJK.
        if (SPACE.test(src[i - 1] ?? '')) continue;
        let j = i;
        while (j < line.end && SPACE.test(src[j])) j++;
        const before = out[out.length - 1]?.slice(-1) ?? '';
        const after = src[j] ?? '';
        if (/[A-Za-z0-9.%]/.test(before) && /[A-Za-z0-9]/.test(after)) push(' ', i);
        continue;
      }
      push(foldChar(c, src[i - 1] ?? '', src[i + 1] ?? ''), i);
    }
  });

  let text = out.join('');
  const traditional = isTraditional(text);
  if (traditional) text = simplifyKeepingLength(text);
  const end = src.length;
  return {
    text,
    toOriginal: (i) => (i < map.length ? map[i] : map.length ? map[map.length - 1] + 1 : end),
    sentences: splitSentences(text),
    traditional,
  };
}

/** Sentence spans: end at 。！？ (with closing quotes) or a paragraph break; leading space trimmed. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[^。！？\n]*(?:[。！？]+[”’」』）)]*|\n|$)/g;
  for (let m = re.exec(text); m && m[0] !== ''; m = re.exec(text)) {
    let start = m.index;
    let end = m.index + m[0].length;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

/** The verbatim original slice behind normalized [start, end). */
export function quoteOriginal(original: string, norm: NormalizedText, start: number, end: number): string {
  if (end <= start) return '';
  return original.slice(norm.toOriginal(start), norm.toOriginal(end - 1) + 1);
}
