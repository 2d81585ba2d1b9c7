import { useState, type ReactNode } from 'react';
import { db } from '@/data/db/schema';
import { saveSettings } from '@/data/db/repo';
import { DEFAULT_SETTINGS, type StudySettings } from '@/data/srs/settings';
import { SettingsFieldset, saveWithMessage } from './settings-fieldset';
import {
  BOUNDS,
  LIMIT_KEYS,
  SETTING_LABELS,
  parseForm,
  toForm,
  type FormErrors,
  type SettingsForm,
} from './settings-form';

/** The defaults as the form writes them (恢复默认 sets these). */
const D = toForm(DEFAULT_SETTINGS);

const FIELDS: Array<{ key: keyof SettingsForm; hint: ReactNode; inputMode: 'numeric' | 'decimal' | 'text' }> = [
  { key: 'newPerDay', hint: `默认 ${D.newPerDay}`, inputMode: 'numeric' },
  { key: 'reviewsPerDay', hint: `默认 ${D.reviewsPerDay}`, inputMode: 'numeric' },
  {
    key: 'desiredRetention',
    hint: `复习时希望还记得的比例，${BOUNDS.desiredRetention.join('–')}，默认 ${D.desiredRetention}；越高复习越频繁`,
    inputMode: 'decimal',
  },
  {
    key: 'learningSteps',
    hint: `第一次学过后隔多久再看，如 ${D.learningSteps}（也可写小时、天），用空格分开`,
    inputMode: 'text',
  },
  { key: 'relearningSteps', hint: `评“重来”后隔多久再看，默认 ${D.relearningSteps}`, inputMode: 'text' },
  { key: 'leechThreshold', hint: `忘记这么多次后暂停并标为“难点”，默认 ${D.leechThreshold}`, inputMode: 'numeric' },
  {
    key: 'dayStartHour',
    hint: `${BOUNDS.dayStartHour.join('–')}，默认 ${D.dayStartHour}：凌晨 ${D.dayStartHour} 点前仍算前一天`,
    inputMode: 'numeric',
  },
];

interface Props {
  settings: StudySettings;
  /** Kept by the parent, so it outlives a refill of the form. */
  message: string;
  setMessage(message: string): void;
}

export function LimitsForm({ settings, message, setMessage }: Props) {
  const stored = toForm(settings);
  const storedKey = JSON.stringify(stored);
  const [form, setForm] = useState(stored);
  const [errors, setErrors] = useState<FormErrors>({});
  // A change stored elsewhere (恢复默认, another tab, an import) refills the form.
  const [seen, setSeen] = useState(storedKey);
  if (seen !== storedKey) {
    setSeen(storedKey);
    setForm(stored);
    setErrors({});
  }

  const save = (patch: Partial<StudySettings>, done: string) =>
    saveWithMessage(() => saveSettings(db, patch), done, setMessage);

  function onSubmit() {
    const { patch, errors } = parseForm(form);
    setErrors(errors);
    if (Object.keys(errors).length) return setMessage('有几项需要修改，见下方红字。');
    void save(patch, '已保存。');
  }

  return (
    <SettingsFieldset className="limits" legend="学习安排" onSubmit={onSubmit}>
      {FIELDS.map((f) => (
        <div className="field" key={f.key}>
          <label htmlFor={`set-${f.key}`}>{SETTING_LABELS[f.key]}</label>
          <input
            id={`set-${f.key}`}
            data-testid={`setting-${f.key}`}
            inputMode={f.inputMode}
            value={form[f.key]}
            aria-invalid={errors[f.key] ? true : undefined}
            aria-describedby={`set-${f.key}-hint`}
            onChange={(e) => setForm({ ...form, [f.key]: e.target.value })}
          />
          <span id={`set-${f.key}-hint`} className={errors[f.key] ? 'field-error' : 'muted small'}>
            {errors[f.key] ?? f.hint}
          </span>
        </div>
      ))}
      <div className="actions">
        <button type="submit" className="primary" data-testid="settings-save">
          保存设置
        </button>
        <button
          type="button"
          data-testid="settings-defaults"
          onClick={() => void save(Object.fromEntries(LIMIT_KEYS.map((k) => [k, undefined])), '已恢复默认设置。')}
        >
          恢复默认
        </button>
        <span role="status" data-testid="settings-message">
          {message}
        </span>
      </div>
    </SettingsFieldset>
  );
}
