// Normalization of PDF/web extractions into clean simplified text, keeping a map back to the
// original so every card can quote the document verbatim (DESIGN: "every card can show where it
// came from"). Each output char records the original index it came from; nothing here is lossy
// in the direction text → original.
import { isTraditional, simplifyKeepingLength } from './opencc';
import { isByline, readLines, SPACE, wrapWidth } from './normalize-lines';

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
const TERMINAL = /[。！？][”’」』）)]*$/;
const HEADING =
  /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+[，、篇]|\d+[.、．])/;

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
