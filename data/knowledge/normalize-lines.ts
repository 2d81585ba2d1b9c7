// The lines of an extraction (normalize.ts): read with their widths, page numbers and running headers
// dropped, glued page heads of web copies cut apart, photo captions removed, bylines and the wrap width
// of PDF text recognised.
export const SPACE = /[ \t\u00a0\u3000\u2002-\u200b\ufeff]/;
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

export function readLines(original: string): Line[] {
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
export function isByline(line: string): boolean {
  const t = line.replace(/\s+/g, '');
  return !/[，。；！？]/.test(t) && (/\d{4}年\d{1,2}月/.test(t) || /讲话$/.test(t));
}

/** Wrapped PDF text: most lines share one width. Web text: one paragraph per line. */
export function wrapWidth(lines: Line[]): number | undefined {
  if (lines.length < 20) return undefined;
  const widths = lines.map((l) => l.width).sort((a, b) => a - b);
  const w = widths[Math.floor(widths.length * 0.75)];
  const near = widths.filter((x) => x >= w * 0.9 && x <= w * 1.1).length;
  return near / widths.length >= 0.4 ? w : undefined;
}
