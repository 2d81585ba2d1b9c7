// Raw extraction results: what the extractors read out of ONE normalized document, before
// merging across documents and before the glossary fills gaps. Offsets are UTF-16 indices into
// the normalized text that was passed in (the normalizer's offset map takes them back to the original).

import type { Figure } from './types';

export interface Span {
  start: number;
  end: number;
}

/** The spans of members written one after another from `start`, one separator (、，) between each two. */
export function spansFrom(start: number, members: readonly string[]): Span[] {
  const spans: Span[] = [];
  let at = start;
  for (const x of members) {
    spans.push({ start: at, end: at + x.length });
    at += x.length + 1;
  }
  return spans;
}

export interface RawFormulation {
  /** The name as the document gives it ("六个精准"); absent for unnamed series. */
  name?: string;
  /** The count the document states (name "六个精准" → 6, heading "讲3个问题" → 3). Always equals members.length when set. */
  count?: number;
  members: string[];
  /** True when the order is part of what is learned (一是/二是…, 第一/第二…). */
  ordered: boolean;
  /** From the first member (or the name, when it comes first) to the last member / the name. */
  span: Span;
  memberSpans: Span[];
  nameSpan?: Span;
  /** How it was found: a count-bearing name, a numbered series, a parallel pattern, or a glossary list. */
  via?: 'named' | 'series' | 'parallel' | 'glossary';
  /** For series: the sentence that introduces it ("下面，我讲点意见，讲3个问题"). */
  heading?: string;
  headingSpan?: Span;
  /** The glossary entry these members belong to, when they match one (name or members). */
  glossaryName?: string;
  /** For parallel series: the words that lead into it in its sentence ("推进东部产业向西部梯度转移，实现"). */
  lead?: string;
  /** For parallel series: the shared template, varying positions as "＿" ("摘帽不摘＿＿"). */
  pattern?: string;
  /** For a list closed by a formulaic tail: the words after it in its clause ("的高技能人才工作体系"). */
  tail?: string;
  /** For clauses opened alike: the frame a count may name the set by ("必须" → 三个必须). */
  frame?: string;
  /** The name was made from `frame` and the count: the document does not say it. */
  nameMade?: boolean;
  /** For short clauses that all carry one word: that word ("政治"). */
  shared?: string;
}

export interface RawTerm {
  term: string;
  definition?: string;
  span: Span;
  definitionSpan?: Span;
  /** How often the term stands in quotes in this document. */
  count?: number;
  /** False for unquoted terms found by a definition pattern ("精准扶贫，是指……"). */
  quoted?: boolean;
}

/** A document that states a formulation with its members: its title as cited, its date (YYYY, YYYY-MM or YYYY-MM-DD). */
export interface Attestation {
  title: string;
  date: string;
}

export interface GlossaryEntry {
  name: string;
  aliases: string[];
  members: string[];
  ordered?: boolean;
  note?: string;
  /** Where the standard member list comes from, when no bundled document lists the members. */
  origin?: string;
  /** Where the formulation is stated with these members, the first or the standard statement first. */
  attested?: Attestation[];
  /**
   * A later wording, in use from `since` (四个全面 from the 十九届五中全会, 2020-10-29): a document of that day or
   * later, or of no known date, is read with these members (glossaryAsOf); `members` above is the wording before.
   */
  revised?: { since: string; members: string[]; note?: string; attested: Attestation };
  /** Set on the entry as glossaryAsOf gives it for a document under the later wording: the day it took effect. */
  revision?: string;
}

export interface RawFigure extends Figure {
  /** Number + unit in the normalized text (the answer of a cloze). */
  span: Span;
  /** The sentence the figure stands in. */
  sentence: Span;
  /** "到2020年": a deadline, not a statistic; used for target-year conflicts. */
  targetYear?: boolean;
  /** A date, an ordinal or a period named by what happened then ("自2019年5月6日起施行", "第九次集体学习"). */
  event?: boolean;
}
