import { useState } from 'react';
import { db, type SourceRow } from '@/data/db/schema';
import { saveSettings } from '@/data/db/repo';
import { toChineseMessage } from '@/data/db/errors';
import { cramActive } from '@/data/srs/queue';
import type { StudySettings } from '@/data/srs/settings';
import { formatIsoDate, sourceDateText } from '@/components/common/format';

interface Props {
  settings: StudySettings;
  sources: SourceRow[];
  now: Date;
  message: string;
  setMessage(message: string): void;
}

const isoDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The study session (学习会): its date and documents turn on 冲刺 until the end of that day. */
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

  async function save(patch: Partial<StudySettings>, done: string) {
    try {
      await saveSettings(db, patch);
      setMessage(done);
    } catch (err) {
      setMessage(toChineseMessage(err));
    }
  }

  function onSubmit() {
    if (!date) return setMessage('请先选择学习会日期。');
    if (date < isoDay(now)) return setMessage('学习会日期已经过去，请选择今天或以后的日期。');
    void save({ cramUntil: date, cramSources: [...picked] }, `已设定：${formatIsoDate(date)}学习会，冲刺模式已开启。`);
  }

  const toggle = (id: string, on: boolean) => {
    const next = new Set(picked);
    if (on) next.add(id);
    else next.delete(id);
    setPicked(next);
  };

  return (
    <form
      className="cram-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <fieldset>
        <legend>学习会冲刺</legend>
        <p className="muted small">
          设定学习会日期和要学的文件：在那天之前，“冲刺复习”会把这些文件的卡片全部过一遍，记不住的优先；冲刺不改变正常的复习安排。
        </p>
        {active ? (
          <p className="cram-status" data-testid="cram-status">
            冲刺模式已开启：{formatIsoDate(settings.cramUntil)}学习会，
            {settings.cramSources?.length ? `${settings.cramSources.length} 份文件` : '全部卡片'}。{' '}
            <a href="#cram" className="button primary" data-testid="cram-start">
              开始冲刺复习
            </a>
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="cram-until">学习会日期</label>
          <input id="cram-until" type="date" data-testid="cram-until" value={date} min={isoDay(now)} onChange={(e) => setDate(e.target.value)} />
        </div>
        <fieldset className="cram-sources">
          <legend>学习会文件（不选则为全部卡片）</legend>
          {sources.map((s) => (
            <label key={s.id} className="check">
              <input type="checkbox" data-testid="cram-source" checked={picked.has(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} />
              {s.title}
              {sourceDateText(s) ? <span className="muted small">（{sourceDateText(s)}）</span> : null}
            </label>
          ))}
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary" data-testid="cram-save">
            保存学习会
          </button>
          {settings.cramUntil ? (
            <button type="button" data-testid="cram-clear" onClick={() => void save({ cramUntil: undefined, cramSources: undefined }, '已取消学习会，冲刺模式已关闭。')}>
              取消学习会
            </button>
          ) : null}
          <span role="status" data-testid="cram-message">
            {message}
          </span>
        </div>
      </fieldset>
    </form>
  );
}
