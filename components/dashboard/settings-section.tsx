import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/data/db/schema';
import { getSettings } from '@/data/db/repo';
import { LimitsForm } from './limits-form';
import { CramForm } from './cram-form';
import { HighlightSwitch } from './highlight-switch';
import { FsrsSection } from './fsrs/fsrs-section';
import { SyncForm } from './sync-form';

/** #settings: study limits, the study session (冲刺), highlighting on web pages, FSRS training (优化参数) and sync. */
export function SettingsSection({ now }: { now: Date }) {
  const [limitsMessage, setLimitsMessage] = useState('');
  const [cramMessage, setCramMessage] = useState('');
  const data = useLiveQuery(async () => ({ settings: await getSettings(db), sources: await db.sources.toArray() }), []);
  if (!data) return <p className="muted">正在载入…</p>;
  const { settings, sources } = data;
  return (
    <section aria-labelledby="settings-title" className="settings">
      <h2 id="settings-title">设置</h2>
      <LimitsForm settings={settings} message={limitsMessage} setMessage={setLimitsMessage} />
      <CramForm settings={settings} sources={sources} now={now} message={cramMessage} setMessage={setCramMessage} />
      <HighlightSwitch />
      <FsrsSection />
      <SyncForm />
    </section>
  );
}
