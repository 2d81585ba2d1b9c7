// Which quote a card opens on. The first quote shown is where the learner checks the answer, so it
// must hold the answer; a sentence from a trustworthy document beats one from a suspect document;
// the same sentence met in two documents (a speech reprinted in a journal) is shown once.
import { toSimplified } from './opencc';
import type { Card, Evidence } from './types';

/** Converting scripts is the slow part, and the same quotes and members come back card after card. */
const memo = new Map<string, string>();
const MEMO_SIZE = 20_000;

/** Text compared for containment: simplified, half-width, without whitespace or punctuation between words. */
export function plain(s: string): string {
  const known = memo.get(s);
  if (known !== undefined) return known;
  let out = toSimplified(toSimplified(s.normalize('NFKC'), 'hk'), 'tw');
  out = out.replace(/\s+/g, '').replace(/[“”‘’"'「」『』《》〈〉,、;:!?—…·]|[。.](?!\d)|(?<!\d)[.]/g, '');
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(s, out);
  return out;
}

/** A short aside in brackets left out: "因村派人（第一书记）精准" holds 因村派人精准. */
const withoutAsides = (s: string) => s.replace(/[(][^()]{1,12}[)]/g, '');

/** What a quote must show for a card: every member of a list, one of the names a member belongs to, else the answer. */
export function answerParts(card: Pick<Card, 'kind' | 'answer' | 'members'>): { parts: string[]; any: boolean } {
  if (card.members?.length) return { parts: card.members, any: false };
  if (card.kind === 'formulation-count') return { parts: card.answer.replace(/^[^：]*：/, '').split('、'), any: false };
  if (card.kind === 'formulation-member') return { parts: card.answer.split('、'), any: true };
  return { parts: [card.answer], any: false };
}

/**
 * True when the quote holds the card's answer, written as the answer writes it (whitespace, script
 * and punctuation aside), or marks it where the document states a shared ending once
 * ("义务教育、基本医疗和住房安全有保障" marks 义务教育 for 义务教育有保障).
 */
export function quoteHasAnswer(
  e: Pick<Evidence, 'quote' | 'marks'>,
  card: Pick<Card, 'kind' | 'answer' | 'members'>,
): boolean {
  const whole = plain(e.quote);
  const bare = withoutAsides(whole);
  const marked = (e.marks ?? []).map(([a, b]) => plain(e.quote.slice(a, b))).filter((m) => m.length >= 2);
  const { parts, any } = answerParts(card);
  const has = (p: string) => {
    const want = plain(p);
    return whole.includes(want) || bare.includes(want) || marked.some((m) => want.startsWith(m));
  };
  return any ? parts.some(has) : parts.every(has);
}

/** How far a quote can be trusted: 0 a trustworthy document, 1 a suspect one, 2 a suspect one's doubtful years. */
export type Distrust = (e: Evidence) => 0 | 1 | 2;

/**
 * The card's evidence in the order to show it: quotes holding the answer first, among them those of
 * trustworthy documents first; a quote that carries a suspect document's doubtful years comes last
 * whatever it holds; a quote already shown from another document is dropped.
 */
export function orderEvidence(
  card: Pick<Card, 'kind' | 'answer' | 'members' | 'evidence'>,
  distrust: Distrust = () => 0,
): Evidence[] {
  const rank = (e: Evidence) => {
    const d = distrust(e);
    const answer = quoteHasAnswer(e, card) ? 0 : 1;
    return d === 2 ? 4 + answer : answer * 2 + d;
  };
  const ranked = card.evidence.map((e, i) => ({ e, i, r: rank(e) })).sort((a, b) => a.r - b.r || a.i - b.i);
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const { e } of ranked) {
    const key = plain(e.quote);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}
