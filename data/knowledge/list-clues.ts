// The recall hint a list card shows for each item: what the items share stays, the rest is blanked
// ("产业互____", "忠于____", "往____里走"); used by the list cards (cards.ts) and the quiz's 填空 (quiz/generate.ts).
import { TRAIT_ADJECTIVES } from './trait-lists';

/** The positions where every item (all of one length) has the same character. */
export function sharedPositions(items: string[]): number[] {
  const L = items[0]?.length ?? 0;
  const out: number[] = [];
  for (let k = 0; k < L; k++) if (items.every((s) => s.length === L && s[k] === items[0][k])) out.push(k);
  return out;
}

/** "基础稳、优势多、韧性强": each item a two-character noun and its own one-character adjective (trait-lists.ts). */
const traitList = (members: string[]) =>
  members.length >= 3 &&
  members.every((m) => m.length === 3 && TRAIT_ADJECTIVES.includes(m[2])) &&
  new Set(members.map((m) => m[2])).size === members.length;

/**
 * A parallel series as a recall hint: what the items share stays, the rest is blanked, the first
 * character always stays ("产业互____", "一____了之", "强____心", "补____"); a mould of three blanks or more
 * shows the line but the item's first word; a list of traits keeps each noun ("基础____、优势____").
 */
export function seriesClues(members: string[]): string[] {
  if (traitList(members)) return members.map((m) => `${m.slice(0, 2)}____`);
  const shared = sharedPositions(members);
  if (!shared.length && new Set(members.map((m) => m.length)).size > 1) return looseClues(members);
  return members.map((m) => {
    const last = shared.length ? Math.max(...shared) : -1;
    if (last >= 0 && last < m.length - 1 && shared.every((k, i) => k === i)) return m.slice(0, last + 1) + '____'; // 集中____
    if (last >= 0 && last < m.length - 1 && shared.length === 1) return m.slice(0, last + 1) + '____'; // 产业互____
    const clue = [...m]
      .map((c, k) => (k === 0 || shared.includes(k) ? c : '\ue000'))
      .join('')
      .replace(/\ue000+/g, '____');
    return clue.split('____').length > 3 ? ownWordBlank(m, shared) : clue;
  });
}

/**
 * A mould with three blanks or more ("正____的____不可____") reads as nothing: only the item's own first
 * word is blanked and the rest of the line stays ("____的信念不可动摇").
 */
function ownWordBlank(m: string, shared: number[]): string {
  let k = 0;
  while (shared.includes(k)) k++;
  let j = k;
  while (j < m.length && !shared.includes(j)) j++;
  return `${m.slice(0, k)}____${m.slice(j)}`;
}

/**
 * Clues for items of different lengths: a shared ending or beginning stays ("党史、新中国史" → "____史",
 * "新____史"; "忠于党、忠于国家" → "忠于____"), else a word all of them carry ("把准政治方向" → "把____政治____").
 */
function looseClues(members: string[]): string[] {
  const pre = commonAffix(members, false);
  const suf = commonAffix(members, true);
  const word = pre || suf ? '' : sharedWord(members);
  return members.map((m) => {
    if (pre) return `${pre}____`;
    if (suf) return m.length > suf.length + 1 ? `${m[0]}____${suf}` : `____${suf}`;
    if (word) {
      const k = m.indexOf(word);
      return `${k > 0 ? `${m[0]}____` : ''}${word}${k + word.length < m.length ? '____' : ''}`;
    }
    return `${m[0]}____`;
  });
}

function commonAffix(xs: string[], fromEnd: boolean): string {
  let k = 0;
  const at = (x: string, i: number) => (fromEnd ? x[x.length - 1 - i] : x[i]);
  while (xs.every((x) => k < x.length - 1 && at(x, k) === at(xs[0], k))) k++;
  return fromEnd ? xs[0].slice(xs[0].length - k) : xs[0].slice(0, k);
}

/** The longest run of two or more characters every member contains. */
function sharedWord(xs: string[]): string {
  const first = xs[0];
  for (let len = Math.min(4, first.length - 1); len >= 2; len--) {
    for (let i = 0; i + len <= first.length; i++) {
      const w = first.slice(i, i + len);
      if (xs.every((x) => x.includes(w))) return w;
    }
  }
  return '';
}
