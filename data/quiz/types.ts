// What a quiz is made of: plain data, built by generate.ts, checked by answer.ts, shown by
// components/quiz. A question always points back to the card it tests.
import type { Evidence, Figure } from '../knowledge/types';

/** 判断: a statement to call 正确 or 错误, asked as a choice between those two options. */
export type QuestionKind = 'single' | 'judge' | 'multi' | 'fill';

export const QUESTION_KINDS: readonly QuestionKind[] = ['single', 'judge', 'multi', 'fill'];
export const KIND_NAMES: Record<QuestionKind, string> = { single: '单选', judge: '判断', multi: '多选', fill: '填空' };

/**
 * What a typed answer (填空) is compared with. `blanks`: what each ____ of the prompt holds, in
 * order, so the page can give each its own box of the right size.
 */
export type Expected =
  | { kind: 'text'; text: string; blanks?: string[] }
  | { kind: 'figure'; text: string; figure?: Figure }
  | { kind: 'list'; members: string[]; ordered: boolean; blanks?: string[] };

export interface Question {
  /** Stable for a given card and kind: `${kind}:${cardId}`. */
  id: string;
  kind: QuestionKind;
  cardId: string;
  noteId: string;
  prompt: string;
  /** 单选 / 多选 options, in the order shown (A, B, C …); 判断: 正确, 错误. */
  options?: string[];
  /** Indices into `options` of the right ones (one for 单选). */
  correct?: number[];
  /** 填空: what the typed answer must match. */
  expected?: Expected;
  /** The right answer in words, shown after answering. */
  answer: string;
  /** What 查看提示 must not show of the source sentence besides its marked answer (the answer's other forms, a list's members). */
  giveaways?: string[];
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
