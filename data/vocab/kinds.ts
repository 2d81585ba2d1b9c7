// The one vocabulary of what a card or a note is: the names code uses and the Chinese labels.
import type { CardKind } from '../knowledge/types';

export const CARD_KIND_LABELS: Record<CardKind, string> = {
  'formulation-list': '提法·全部成员',
  'formulation-member': '提法·成员归属',
  'formulation-count': '提法·数目',
  'formulation-cloze': '提法·填空',
  'figure-cloze': '数字填空',
  'term-definition': '术语释义',
  'term-cloze': '术语填空',
  statement: '重要论断',
  'user-cloze': '自制卡片',
};

/** What a note (a term on a page) is, as the hover card names it. */
export type NoteKind = 'formulation' | 'figure' | 'term' | 'statement';

export const NOTE_KIND_LABELS: Record<NoteKind, string> = {
  formulation: '提法',
  figure: '数字',
  term: '术语',
  statement: '论断',
};
