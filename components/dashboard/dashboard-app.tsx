import type { ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/data/db/schema';
import { loadToday } from '@/data/db/today';
import { cramActive } from '@/data/srs/queue';
import { useNow } from '@/components/common/use-now';
import { SECTIONS, type SectionHash } from './names';
import { useSection } from './use-hash';
import { CardBrowser } from './card-browser';
import { DocumentsSection } from './documents-section';
import { ConflictsSection } from './conflicts-section';
import { StatsSection } from './stats-section';
import { SettingsSection } from './settings-section';
import { CramSession } from './cram-session';
import { BackupSection } from './backup-section';
import { ImportSection } from './import/import-section';
import { QuizHistory } from './quiz-history';
import { PackSection } from './pack-section';
import './dashboard.css';
import './dashboard-cards.css';
import './dashboard-documents.css';
import './dashboard-stats.css';
import './dashboard-import.css';

/** What each section shows; the compiler checks that every section has its view. */
const VIEWS: Record<SectionHash, (now: Date) => ReactNode> = {
  cards: (now) => <CardBrowser now={now} />,
  documents: (now) => <DocumentsSection now={now} />,
  import: () => <ImportSection />,
  conflicts: () => <ConflictsSection />,
  stats: (now) => <StatsSection now={now} />,
  quiz: () => <QuizHistory />,
  pack: () => <PackSection />,
  settings: (now) => <SettingsSection now={now} />,
  backup: () => <BackupSection />,
  cram: () => <CramSession />,
};

export function DashboardApp() {
  const [now] = useNow();
  const section = useSection();
  // The clock is read inside the query, so a review saved in the popup updates the count at once.
  const today = useLiveQuery(() => loadToday(db, new Date()), [now]);
  const open = useLiveQuery(
    () =>
      db.conflicts
        .where('resolved')
        .equals(0)
        .filter((c) => !c.retired)
        .count(),
    [],
  );
  const cram = today ? cramActive(now, today.settings) : false;
  const tabs = [...SECTIONS, ...(cram ? [{ hash: 'cram', label: '冲刺' } as const] : [])];

  return (
    <div className="dashboard">
      <header className="dash-header">
        <h1>提法 · 学习中心</h1>
        <p className="dash-due">
          今日待复习 <strong data-testid="dashboard-due">{today ? today.counts.total : '…'}</strong> 张
          {today ? (
            <span className="muted small">
              {' '}
              （新 {today.counts.new} · 学习 {today.counts.learning} · 复习 {today.counts.review}；今天已评分{' '}
              {today.doneToday} 次）
            </span>
          ) : null}
        </p>
        <p className="muted small dash-hint">在工具栏点“提法”图标开始每日复习。</p>
      </header>
      <nav className="dash-nav" aria-label="学习中心">
        <ul>
          {tabs.map((t) => (
            <li key={t.hash}>
              <a
                href={`#${t.hash}`}
                aria-current={section === t.hash ? 'page' : undefined}
                data-testid={`tab-${t.hash}`}
              >
                {t.label}
                {t.hash === 'conflicts' && open ? (
                  <span className="badge" aria-label={`${open} 条未核对`}>
                    {open}
                  </span>
                ) : null}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="dash-main">{VIEWS[section](now)}</main>
    </div>
  );
}
