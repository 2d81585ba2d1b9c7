import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db, type SourceRow } from '@/data/db/schema';
import { clearStudyPlan, loadPlanStatus, saveStudyPlan } from '@/data/db/study-plan';
import { cramActive } from '@/data/srs/queue';
import type { StudySettings } from '@/data/srs/settings';
import { formatIsoDate, sourceDateText } from '@/components/common/format';
import { PlanLine } from '@/components/common/plan-line';
import { PlanDocuments } from '@/components/common/plan-documents';
import { SessionDateField } from './session-date';
import { SettingsFieldset, saveWithMessage } from './settings-fieldset';

interface Props {
  settings: StudySettings;
  sources: SourceRow[];
  now: Date;
  message: string;
  setMessage(message: string): void;
}

const isoDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/**
 * The study session (学习会): until its date the daily queue brings every card of its documents up,
 * the new ones spread over the days left (data/srs/plan.ts); 冲刺 goes over them once more without
 * touching the schedule. Documents without a date are only studied first.
 */
export function CramForm({ settings, sources, now, message, setMessage }: Props) {
  const storedKey = `${settings.cramUntil ?? ''}|${(settings.cramSources ?? []).join()}`;
  const [date, setDate] = useState(settings.cramUntil ?? '');
  const [picked, setPicked] = useState(() => new Set(settings.cramSources ?? []));
  const [seen, setSeen] = useState(storedKey);
  if (seen !== storedKey) {
    setSeen(storedKey);
    setDate(settings.cramUntil ?? '');
    setPicked(new Set(settings.cramSources ?? []));
  }
  const active = cramActive(now, settings);
  const status = useLiveQuery(() => loadPlanStatus(db, new Date()), [now, storedKey]);

  const save = (work: () => Promise<unknown>, done: string) => saveWithMessage(work, done, setMessage);

  function onSubmit() {
    if (!date && !picked.size) return setMessage('请选择学习会日期，或选择要先学的文件。');
    const done = date
      ? `已设定：${formatIsoDate(date)}学习会。在那之前，每天的复习会把${picked.size ? '这些文件' : '全部文件'}的卡片学完。`
      : '已保存：先学选中的文件。';
    void save(() => saveStudyPlan(db, { date: date || undefined, sourceIds: [...picked] }, now), done);
  }

  return (
    <SettingsFieldset className="cram-form" legend="学习会" onSubmit={onSubmit}>
      <p className="muted small">
        设定学习会的日期和要学的文件：在那天之前，每天的复习会把这些文件的卡片全部学一遍，新卡片平均分到剩下的每一天（每天不超过“每日新卡片数”，时间不够时会提示）；过了那天恢复平常的安排。学习会前还可以用“冲刺复习”把这些文件集中过一遍，冲刺不改变复习安排。只选文件、不填日期：这些文件的新卡片先学。
      </p>
      {status && status.daysLeft !== null ? <PlanLine plan={status} newPerDay={settings.newPerDay} /> : null}
      {active ? (
        <p className="cram-status" data-testid="cram-status">
          冲刺模式已开启：{formatIsoDate(settings.cramUntil)}学习会，
          {settings.cramSources?.length ? `${settings.cramSources.length} 份文件` : '全部卡片'}
          {settings.cramCards?.length ? `中学习资料包选定的 ${settings.cramCards.length} 张卡片` : ''}。{' '}
          <a href="#cram" className="button primary" data-testid="cram-start">
            开始冲刺复习
          </a>
        </p>
      ) : null}
      {settings.cramCards?.length ? (
        <p className="muted small" data-testid="cram-pack-cards">
          这个学习会来自学习资料包，只包括组织者选定的 {settings.cramCards.length}{' '}
          张卡片；在这里保存后改为所选文件的全部卡片。
        </p>
      ) : null}
      <SessionDateField id="cram-until" value={date} min={isoDay(now)} onChange={setDate} />
      <fieldset className="cram-sources">
        <legend>学习会文件（有日期时不选则为全部文件）</legend>
        <PlanDocuments sources={sources} picked={picked} onPick={setPicked} testId="cram-source">
          {(s) => (
            <>
              {s.title}
              {sourceDateText(s) ? <span className="muted small">（{sourceDateText(s)}）</span> : null}
            </>
          )}
        </PlanDocuments>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" data-testid="cram-save">
          保存学习会
        </button>
        {settings.cramUntil || settings.cramSources?.length ? (
          <button
            type="button"
            data-testid="cram-clear"
            onClick={() => void save(() => clearStudyPlan(db), '已取消学习会，恢复平常的安排。')}
          >
            取消学习会
          </button>
        ) : null}
        <span role="status" data-testid="cram-message">
          {message}
        </span>
      </div>
    </SettingsFieldset>
  );
}
