// The settings form as strings, and its checks with Chinese messages. validateSettings would
// silently clamp a wrong value; a person typing into a form should be told instead.
import type { StepUnitString, StudySettings } from '@/data/srs/settings';

export interface SettingsForm {
  newPerDay: string;
  reviewsPerDay: string;
  desiredRetention: string;
  learningSteps: string;
  relearningSteps: string;
  leechThreshold: string;
  dayStartHour: string;
}

export type FormErrors = Partial<Record<keyof SettingsForm, string>>;

/** Each field's label on the form; its messages name it without the unit in brackets. */
export const SETTING_LABELS: Record<keyof SettingsForm, string> = {
  newPerDay: '每日新卡片数',
  reviewsPerDay: '每日复习上限',
  desiredRetention: '目标记住率（%）',
  learningSteps: '新卡片的学习间隔',
  relearningSteps: '忘记后的重学间隔',
  leechThreshold: '难点阈值',
  dayStartHour: '新一天开始时间（点）',
};

const named = (key: keyof SettingsForm) => SETTING_LABELS[key].replace(/（.*）$/, '');

/** The range each number field accepts, as the form writes it (记住率 in per cent): the checks and the hints read it. */
export const BOUNDS = {
  newPerDay: [0, 9999],
  reviewsPerDay: [0, 99999],
  desiredRetention: [70, 99],
  leechThreshold: [1, 99],
  dayStartHour: [0, 23],
} as const satisfies Partial<Record<keyof SettingsForm, readonly [number, number]>>;
type Bounded = keyof typeof BOUNDS;

export const LIMIT_KEYS = [
  'newPerDay',
  'reviewsPerDay',
  'desiredRetention',
  'learningSteps',
  'relearningSteps',
  'leechThreshold',
  'dayStartHour',
] as const;

export function toForm(s: StudySettings): SettingsForm {
  return {
    newPerDay: String(s.newPerDay),
    reviewsPerDay: String(s.reviewsPerDay),
    desiredRetention: String(Math.round(s.desiredRetention * 1000) / 10),
    learningSteps: stepsInWords(s.learningSteps),
    relearningSteps: stepsInWords(s.relearningSteps),
    leechThreshold: String(s.leechThreshold),
    dayStartHour: String(s.dayStartHour),
  };
}

function integer(value: string, key: Bounded): number | string {
  const [min, max] = BOUNDS[key];
  const label = named(key);
  const v = value.trim();
  if (!/^\d+$/.test(v)) return `${label}请填写 ${min}–${max} 之间的整数。`;
  const n = Number(v);
  return n < min || n > max ? `${label}应在 ${min}–${max} 之间。` : n;
}

const UNIT_WORDS = { m: '分钟', h: '小时', d: '天' } as const;
const WORD_UNITS: Record<string, 'm' | 'h' | 'd'> = { m: 'm', h: 'h', d: 'd', 分钟: 'm', 分: 'm', 小时: 'h', 天: 'd' };

/** "1分钟 10分钟": steps as a person reads them (stored as ts-fsrs's "1m 10m"). */
function stepsInWords(list: readonly StepUnitString[]): string {
  return list.map((s) => s.replace(/[mhd]$/, (u) => UNIT_WORDS[u as keyof typeof UNIT_WORDS])).join(' ');
}

function steps(value: string, label: string): StepUnitString[] | string {
  // "10 分钟" is one step: glue a unit to the number before it.
  const list = value
    .replace(/(\d)\s+(?=[^\d\s,，、])/g, '$1')
    .split(/[\s,，、]+/)
    .filter(Boolean);
  const parsed = list.map((s) => {
    const m = /^(\d+(?:\.\d+)?)(分钟|分|小时|天|[mhd])$/.exec(s);
    return m && parseFloat(m[1]) > 0 ? (`${m[1]}${WORD_UNITS[m[2]]}` as StepUnitString) : null;
  });
  const bad = list.find((_, i) => parsed[i] === null);
  if (bad) return `${label}中的“${bad}”无法识别：请写成 1分钟、2小时或 1天，用空格分开。`;
  return list.length > 10 ? `${label}最多 10 步。` : (parsed as StepUnitString[]);
}

/** Either a patch ready for saveSettings, or Chinese messages for the fields that are wrong. */
export function parseForm(form: SettingsForm): { patch: Partial<StudySettings>; errors: FormErrors } {
  const errors: FormErrors = {};
  const patch: Partial<StudySettings> = {};
  const take = <K extends keyof SettingsForm>(key: K, result: unknown) => {
    if (typeof result === 'string') errors[key] = result;
    else (patch as Record<string, unknown>)[key] = result;
  };
  take('newPerDay', integer(form.newPerDay, 'newPerDay'));
  take('reviewsPerDay', integer(form.reviewsPerDay, 'reviewsPerDay'));
  const [LOW, HIGH] = BOUNDS.desiredRetention;
  const r = Number(form.desiredRetention.trim().replace(/%$/, ''));
  const retention = form.desiredRetention.trim().endsWith('%') || r > 1 ? r / 100 : r;
  take(
    'desiredRetention',
    form.desiredRetention.trim() === '' ||
      !Number.isFinite(retention) ||
      retention < LOW / 100 ||
      retention > HIGH / 100
      ? `目标记住率应在 ${LOW}%–${HIGH}% 之间（例如 90）。`
      : Math.round(retention * 1000) / 1000,
  );
  take('learningSteps', steps(form.learningSteps, named('learningSteps')));
  take('relearningSteps', steps(form.relearningSteps, named('relearningSteps')));
  take('leechThreshold', integer(form.leechThreshold, 'leechThreshold'));
  take('dayStartHour', integer(form.dayStartHour, 'dayStartHour'));
  return { patch, errors };
}
