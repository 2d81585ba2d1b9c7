// Chinese names the dashboard shows for kinds, states and ratings.
import type { CardKind } from '@/data/knowledge/types';
import type { CardState } from '@/data/db/repo';

export const KIND_NAMES: Record<CardKind, string> = {
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

export const CARD_STATE_NAMES: Record<CardState, string> = {
  new: '新卡片',
  learning: '学习中',
  review: '复习中',
  suspended: '已暂停',
  leech: '难点',
};

/** ts-fsrs ratings: 0 is Manual (a reset), 1–4 the four buttons. */
export const RATING_NAMES = ['手动', '重来', '困难', '良好', '简单'] as const;

export const SECTIONS = [
  { hash: 'cards', label: '卡片' },
  { hash: 'documents', label: '文件' },
  { hash: 'import', label: '导入' },
  { hash: 'conflicts', label: '文件出入' },
  { hash: 'stats', label: '统计' },
  { hash: 'quiz', label: '测验' },
  { hash: 'settings', label: '设置' },
  { hash: 'backup', label: '备份' },
] as const;

export type SectionHash = (typeof SECTIONS)[number]['hash'] | 'cram';
