// The same statement with a different number in two documents (document 003 rewrote "2020" as
// "2024"). Found generically: number occurrences are aligned on the text around them with the
// number masked; a statement about another date (10.2% at end of 2012, 0.6% at end of 2019) has
// other words around it and does not align.
import type { Conflict } from './types';
import type { RawFigure } from './raw';
import { evidenceAt, hash64, type DocText } from './merge';

export interface NumberOccurrence {
  doc: DocText;
  value: string; // "2020年"
  start: number; // normalized span of number + unit
  end: number;
  left: string; // context before, without punctuation, nearest char last
  right: string; // context after (numbers kept: a statement about other numbers is another statement)
  clause: string; // the clause after the number (masked), for target-year alignment
  targetYear: boolean;
  /** The year the value is dated to ("…2019年年底的551万人"), if one stands right before it. */
  dated?: string;
}

const NUMBER = /(\d+(?:\.\d+)?)(万亿|万|亿)?(年|%|个百分点|万人|人|元|个)?/g;
const PUNCT = /[\s，。、；：！？“”‘’（）《》【】\-—…·,.;:!?()"']/g;
const MIN_SHARED = 8; // chars of identical context (both sides together) that make two statements one
const MIN_SIDE = 3;
const MIN_CLAUSE_OVERLAP = 0.6;

function mask(s: string): string {
  return s.replace(/\d+(?:\.\d+)?/g, '#').replace(PUNCT, '');
}

export function numberOccurrences(doc: DocText, figures: RawFigure[]): NumberOccurrence[] {
  const text = doc.norm.text;
  const targets = new Set(figures.filter((f) => f.targetYear).map((f) => f.span.start));
  const out: NumberOccurrence[] = [];
  for (const s of doc.norm.sentences) {
    const sentence = text.slice(s.start, s.end);
    for (const m of sentence.matchAll(NUMBER)) {
      const at = m.index ?? 0;
      if (/[\d.]/.test(sentence[at - 1] ?? '') || !m[3]) continue;
      const end = at + m[0].length;
      const after = sentence.slice(end);
      const clauseText = after.split(/[，；。、]/).find((c) => c.length > 0) ?? '';
      out.push({
        doc,
        value: m[0],
        start: s.start + at,
        end: s.start + end,
        left: sentence.slice(Math.max(0, at - 16), at).replace(PUNCT, ''),
        right: after.slice(0, 16).replace(PUNCT, ''),
        clause: mask(clauseText),
        targetYear: targets.has(s.start + at),
        dated: /(\d{4})年[^\d，。；]{0,4}$/.exec(sentence.slice(Math.max(0, at - 10), at))?.[1],
      });
    }
  }
  return out;
}

function sharedContext(a: NumberOccurrence, b: NumberOccurrence): [number, number] {
  let l = 0;
  while (l < a.left.length && l < b.left.length && a.left[a.left.length - 1 - l] === b.left[b.left.length - 1 - l]) l++;
  let r = 0;
  while (r < a.right.length && r < b.right.length && a.right[r] === b.right[r]) r++;
  return [l, r];
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

function clauseOverlap(a: string, b: string): number {
  const A = bigrams(a);
  const B = bigrams(b);
  if (A.size < 3 || B.size < 3) return 0;
  let common = 0;
  for (const g of A) if (B.has(g)) common++;
  return common / Math.min(A.size, B.size);
}

function unitOf(value: string): string {
  return value.replace(/^[\d.]+/, '');
}

function aligned(a: NumberOccurrence, b: NumberOccurrence): boolean {
  if (a.doc.source === b.doc.source || a.value === b.value || unitOf(a.value) !== unitOf(b.value)) return false;
  // Values at different dates are different facts (10.2% at end of 2012, 0.6% at end of 2019).
  if (a.dated && b.dated && a.dated !== b.dated) return false;
  const [l, r] = sharedContext(a, b);
  if (l + r >= MIN_SHARED && l >= MIN_SIDE && r >= MIN_SIDE) return true;
  return a.targetYear && b.targetYear && clauseOverlap(a.clause, b.clause) >= MIN_CLAUSE_OVERLAP;
}

/** Conflicts among number occurrences of all documents: connected groups of aligned pairs. */
export function findConflicts(occurrences: NumberOccurrence[]): Array<Conflict & { occurrences: NumberOccurrence[] }> {
  // Candidate pairs share the unit and the char right before or right after the number; this keeps
  // the comparison near-linear instead of all pairs.
  const buckets = new Map<string, number[]>();
  occurrences.forEach((o, i) => {
    const u = unitOf(o.value);
    for (const k of [`L${u}${o.left.slice(-2)}`, `R${u}${o.right.slice(0, 2)}`, o.targetYear ? `T${u}` : '']) {
      if (k) buckets.set(k, [...(buckets.get(k) ?? []), i]);
    }
  });
  const parent = occurrences.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const linked = new Set<number>();
  for (const ids of buckets.values()) {
    for (let x = 0; x < ids.length; x++) {
      for (let y = x + 1; y < ids.length; y++) {
        if (!aligned(occurrences[ids[x]], occurrences[ids[y]])) continue;
        parent[find(ids[x])] = find(ids[y]);
        linked.add(ids[x]).add(ids[y]);
      }
    }
  }
  const groups = new Map<number, NumberOccurrence[]>();
  for (const i of [...linked].sort((a, b) => a - b))
    groups.set(find(i), [...(groups.get(find(i)) ?? []), occurrences[i]]);
  return [...groups.values()].map((group) => {
    const values = [...new Set(group.map((o) => o.value))].sort();
    const first = group[0];
    const sentence = first.doc.norm.sentences.find((s) => s.end > first.start)!;
    const text = first.doc.norm.text;
    const topic = clauseAround(text, sentence.start, sentence.end, first.start, first.end);
    const seen = new Set<string>();
    const evidence = group
      .filter((o) => {
        const k = `${o.doc.source}|${o.value}|${o.doc.norm.text.slice(o.start - 10, o.end + 10)}`;
        return seen.has(k) ? false : (seen.add(k), true);
      })
      .map((o) => ({ ...evidenceAt(o.doc, o.start, o.end, [{ start: o.start, end: o.end }]), value: o.value }));
    return { id: `conflict:${hash64(values.join('|') + '|' + topic)}`, topic, values, evidence, occurrences: group };
  });
}

/** The clause holding the number, number blanked: "到____我国现行标准下农村贫困人口实现脱贫". */
function clauseAround(text: string, sStart: number, sEnd: number, start: number, end: number): string {
  let a = start;
  while (a > sStart && !/[，；：。]/.test(text[a - 1])) a--;
  let b = end;
  while (b < sEnd && !/[，；。]/.test(text[b])) b++;
  return text.slice(a, start) + '____' + text.slice(end, b);
}
