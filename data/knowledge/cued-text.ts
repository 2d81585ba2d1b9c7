// The scanning layer of the cued finders (cued.ts): character classes by code, clauses of a paragraph,
// splitting outside brackets and quotes, shared prefixes and suffixes, and a run of clauses as a series.
import type { RawFormulation, Span } from './raw';
import { CLOSE_QUOTES, HARD, OPEN_QUOTES } from './lists';

const LEAD_IN = /^(要|还要|都要|也要|更要|就要|并|又|同时|必须要)(?=[\u4e00-\u9fa5]{2})/;
export const MAX_CLAUSE_ITEM = 40;

export const QUOTES = OPEN_QUOTES + CLOSE_QUOTES;
const QUOTE_RE = new RegExp(`[${QUOTES}]`, 'g');
export const stripQuotes = (s: string) => s.replace(QUOTE_RE, '');

export function forEachClause(text: string, fn: (a: number, b: number) => void, from = 0, to = text.length): void {
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
export function split(text: string, start: number, end: number, seps: string): Span[] {
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

export function commonPrefix(xs: string[]): string {
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

export function commonSuffix(xs: string[]): string {
  const first = xs[0];
  let k = 0;
  for (; k < first.length; k++) {
    const ch = first.charCodeAt(first.length - 1 - k);
    let all = true;
    for (let i = 1; i < xs.length; i++)
      if (k >= xs[i].length || xs[i].charCodeAt(xs[i].length - 1 - k) !== ch) all = false;
    if (!all) break;
  }
  return first.slice(first.length - k);
}

export interface Unit {
  span: Span; // the clause, without a lead-in 要/并
  text: string;
}

/** Clauses of a paragraph (split at ，；。！？：), and which of them open a sentence or a 。/；unit. */
export type Clause = Unit & { unitStart: boolean; sentenceStart: boolean };

export function clausesOf(text: string, a: number, b: number): Clause[] {
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
      const named =
        i > a &&
        CLOSE_QUOTES.includes(text[i - 1]) &&
        /[两二三四五六七八九十\d][^“”]*”$/.test(text.slice(Math.max(from, i - 12), i));
      unitStart = i === b || !!(c & UNIT_END) || named;
      sentenceStart = i === b || !!(c & SENT_END);
      from = i + 1;
    }
  }
  return out;
}

/** A series whose members are the given clauses, in document order. */
export function runOf(run: Array<{ span: Span; text: string }>, extra: Partial<RawFormulation> = {}): RawFormulation {
  return {
    members: run.map((c) => c.text),
    ordered: false,
    span: { start: run[0].span.start, end: run[run.length - 1].span.end },
    memberSpans: run.map((c) => c.span),
    via: 'parallel',
    ...extra,
  };
}
