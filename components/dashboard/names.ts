// The dashboard's sections (kinds, states and ratings have their labels in data/vocab/).
export const SECTIONS = [
  { hash: 'cards', label: '卡片' },
  { hash: 'documents', label: '文件' },
  { hash: 'import', label: '导入' },
  { hash: 'conflicts', label: '文件出入' },
  { hash: 'stats', label: '统计' },
  { hash: 'quiz', label: '测验' },
  { hash: 'pack', label: '资料包' },
  { hash: 'settings', label: '设置' },
  { hash: 'backup', label: '备份' },
] as const;

export type SectionHash = (typeof SECTIONS)[number]['hash'] | 'cram';
