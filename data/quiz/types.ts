// What a quiz is made of: plain data, built by generate.ts, checked by answer.ts, shown by
// components/quiz. A question always points back to the card it tests.
import type { Evidence, Figure } from '../knowledge/types';

export type QuestionKind = 'single' | 'multi' | 'fill';

export const QUESTION_KINDS: readonly QuestionKind[] = ['single', 'multi', 'fill'];
export const KIND_NAMES: Record<QuestionKind, string> = { single: '单选', multi: '多选', fill: '填空' };

/** What a typed answer (填空) is compared with. */
export type Expected =
  | { kind: 'text'; text: string }
  | { kind: 'figure'; text: string; figure?: Figure }
  | { kind: 'list'; members: string[]; ordered: boolean };

export interface Question {
  /** Stable for a given card and kind: `${kind}:${cardId}`. */
  id: string;
  kind: QuestionKind;
  cardId: string;
  noteId: string;
  prompt: string;
  /** 单选 / 多选 options, in the order shown (A, B, C …). */
  options?: string[];
  /** Indices into `options` of the right ones (one for 单选). */
  correct?: number[];
  /** 填空: what the typed answer must match. */
  expected?: Expected;
  /** The right answer in words, shown after answering. */
  answer: string;
  evidence: Evidence[];
  /** Conflict ids touching the card, to warn that documents disagree. */
  conflicts?: string[];
}

/** right: counts; close: counts with a remark (a missing unit, another order); wrong: does not. */
export type Verdict = 'right' | 'close' | 'wrong';

export interface Check {
  verdict: Verdict;
  /** Chinese remark for the user ("注意单位：9899万人", "答对 3/5 项"). */
  note?: string;
}
