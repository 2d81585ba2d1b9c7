// Is a typed answer right? Compared after normalization, so the way it is typed does not count:
// 繁体 or 简体, full-width digits, spaces, punctuation, 9,899万 / 98990000 / 0.9899亿, and a list
// in any order where the formulation's order does not matter.
import { toSimplified as convert } from '../knowledge/opencc';
import type { Check, Expected } from './types';
import { COUNTERS, parseQuantity, sameNumber } from './quantity';

const HAS_HAN = /\p{Script=Han}/u;

/** 繁→简 (Taiwan forms to mainland), OpenCC built on first use: it is large. */
export function toSimplified(text: string): string {
  if (!HAS_HAN.test(text)) return text;
  return convert(text);
}

/**
 * Simplified, half-width, lower case, with spaces and punctuation gone. A point stays only
 * between digits (10.2) and a per cent sign stays, so figures keep their meaning.
 */
export function normalizeAnswer(text: string): string {
  let done = memo.get(text);
  if (done === undefined) {
    // Generation compares every member of the deck for each question: remember recent results.
    if (memo.size > 5000) memo.clear();
    done = normalize(text);
    memo.set(text, done);
  }
  return done;
}

const memo = new Map<string, string>();

function normalize(text: string): string {
  return toSimplified(text)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(?<!\d)\.|\.(?!\d)/g, '')
    .replace(/[^\p{L}\p{N}.%]/gu, '');
}

export function sameText(a: string, b: string): boolean {
  return normalizeAnswer(a) === normalizeAnswer(b);
}

const RIGHT: Check = { verdict: 'right' };
const WRONG: Check = { verdict: 'wrong' };

/** A figure: the same number (in any 万/亿 form) with the same unit; a missing unit is "close". */
export function checkFigure(input: string, answer: string): Check {
  const typed = normalizeAnswer(input);
  if (!typed) return WRONG;
  const want = parseQuantity(normalizeAnswer(answer));
  const got = parseQuantity(typed);
  if (!want || !got) return typed === normalizeAnswer(answer) ? RIGHT : WRONG;
  if (!sameNumber(want.value, got.value)) {
    // "9899" for 9899万人: the digits are right, the whole unit (万人) is missing.
    const digits = /^\d+(?:\.\d+)?/.exec(normalizeAnswer(answer))?.[0];
    const bare = /^\d+(?:\.\d+)?$/.test(typed);
    return bare && digits && sameNumber(Number(digits), got.value)
      ? { verdict: 'close', note: `数字对了，注意单位：${answer}` }
      : WRONG;
  }
  if (got.unit === want.unit) return RIGHT;
  if (!got.unit && COUNTERS.has(want.unit)) return RIGHT;
  if (!want.unit && COUNTERS.has(got.unit)) return RIGHT;
  if (!got.unit) return { verdict: 'close', note: `数字对了，注意单位：${answer}` };
  return { verdict: 'wrong', note: `单位不对：应为${answer}` };
}

/** Uses every member exactly once to spell out `text` (members may be typed in any order). */
function cover(text: string, members: string[], used: boolean[]): number[] | undefined {
  if (!text) return used.every(Boolean) ? [] : undefined;
  for (let i = 0; i < members.length; i++) {
    if (used[i] || !members[i] || !text.startsWith(members[i])) continue;
    used[i] = true;
    const rest = cover(text.slice(members[i].length), members, used);
    used[i] = false;
    if (rest) return [i, ...rest];
  }
  return undefined;
}

/** Typed pieces, split where the user separated them (顿号, commas, spaces: one box each; an empty box stays in its place). */
const pieces = (input: string) =>
  input
    .trim()
    .split(/\s*[、，,；;]\s*|\s+/)
    .map(normalizeAnswer);

/**
 * A whole list. Separators do not matter (members may hold a comma themselves), so the typed
 * text is matched against the members joined in any order. A series shown with blanks
 * (精确____、精确____) also takes exactly its blanks, in order (识别、帮扶、管理).
 */
export function checkList(input: string, members: string[], ordered: boolean, blanks?: readonly string[]): Check {
  const typed = normalizeAnswer(input);
  const norm = members.map(normalizeAnswer);
  if (!typed) return WRONG;
  if (blanks?.length && typed === blanks.map(normalizeAnswer).join('')) return RIGHT;
  const order = cover(
    typed,
    norm,
    norm.map(() => false),
  );
  if (order) {
    const inOrder = order.every((m, i) => m === i);
    return !ordered || inOrder ? RIGHT : { verdict: 'close', note: '内容都对，原文的顺序是：' + members.join('、') };
  }
  const given = pieces(input);
  if (blanks?.length && given.length === blanks.length) {
    const hits = blanks.filter((b, i) => normalizeAnswer(b) === given[i]).length;
    return { verdict: 'wrong', note: `答对 ${hits}/${blanks.length} 空` };
  }
  const hits = norm.filter((m) => m && typed.includes(m)).length;
  return { verdict: 'wrong', note: `答对 ${hits}/${members.length} 项` };
}

export function checkAnswer(input: string, expected: Expected): Check {
  switch (expected.kind) {
    case 'figure':
      return checkFigure(input, expected.text);
    case 'list':
      return checkList(input, expected.members, expected.ordered, expected.blanks);
    case 'text':
      return sameText(input, expected.text) ? RIGHT : WRONG;
  }
}

/** 单选 / 多选: exactly the right options. A wrong 多选 says how many were right, missed, too many. */
export function checkChoice(picked: readonly number[], correct: readonly number[]): Check {
  const a = [...new Set(picked)].sort();
  const b = [...correct].sort();
  if (a.length === b.length && a.every((x, i) => x === b[i])) return RIGHT;
  if (b.length < 2) return WRONG;
  const hits = a.filter((x) => b.includes(x)).length;
  const extra = a.length - hits;
  const missed = b.length - hits;
  const parts = [`选对 ${hits}/${b.length} 项`, missed ? `漏选 ${missed} 项` : '', extra ? `多选 ${extra} 项` : ''];
  return { verdict: 'wrong', note: parts.filter(Boolean).join('，') };
}

/** Counted as answered correctly (a quiz score, an FSRS rating other than Again). */
export const counts = (check: Check): boolean => check.verdict !== 'wrong';
