import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/data/db/schema';
import { loadTomorrow } from '@/data/db/today';
import { saveReview, undoLastReview } from '@/data/db/repo';
import { toChineseMessage } from '@/data/db/errors';
import type { Grade } from '@/data/srs/scheduler';
import { sendMessage } from '@/data/messages';
import { useNow } from '@/components/common/use-now';
import { ReviewCard } from '@/components/review/review-card';
import { SiteSwitch } from './site-switch';
import { PlanLine } from '@/components/common/plan-line';
import { ErrorAlert } from '@/components/common/error-alert';
import { PAGE_HTML_LIMIT, PAGE_IMPORT_KEY, readPageForImport } from '@/lib/browser/page-import';

/** 导入本页: reads the active tab (the click's activeTab grant) and hands it to the dashboard's import page. */
async function importThisPage(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error('没有找到当前网页。');
  let page: ReturnType<typeof readPageForImport> | undefined;
  try {
    const [result] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: readPageForImport });
    page = result?.result as typeof page;
  } catch {
    throw new Error('这个页面不能读取（浏览器自己的页面、扩展商店或 PDF 阅读器）。可以把文件保存后在学习中心导入。');
  }
  if (!page?.html) throw new Error('没有读到这个网页的内容。');
  if (page.html.length > PAGE_HTML_LIMIT) throw new Error('这个网页太大（超过 4 MB），请保存为文件后在学习中心导入。');
  await browser.storage.session.set({ [PAGE_IMPORT_KEY]: { ...page, at: Date.now() } });
  await sendMessage('openDashboard', '#import');
}
import { keepUndo, loadUndo, type KeptUndo } from './undo-store';
import { startedAt, useToday } from './use-today';
import { FIELD, focusedControl } from '@/components/review/keys';

export function PopupApp() {
  // The clock starts when the first read of today's queue did (main.tsx), so that read is the one shown.
  const [now, refreshNow] = useNow(30_000, startedAt());
  const today = useToday(now);
  const [undo, setUndoList] = useState<KeptUndo[]>([]);
  const setUndo = useCallback((next: KeptUndo[]) => {
    void keepUndo(next);
    setUndoList(next);
  }, []);
  // Ratings given before the popup was last closed can still be undone for a few minutes.
  useEffect(() => {
    void loadUndo(Date.now()).then((kept) => setUndoList((list) => (list.length ? list : kept)));
  }, []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const onRate = useCallback(
    async (cardId: string, rating: Grade) => {
      if (!today) return;
      setBusy(true);
      setError('');
      try {
        const result = await saveReview(db, cardId, rating, new Date(), today.settings);
        setUndo([...undo.slice(-19), { ...result.undo, at: Date.now() }]);
        if (result.leech) setError('这张卡片已忘记多次，已暂停并标记为“难点”，可在学习中心修改后恢复。');
      } catch (err) {
        setError(toChineseMessage(err));
      } finally {
        refreshNow();
        setBusy(false);
      }
    },
    [today, undo, refreshNow, setUndo],
  );

  const onUndo = useCallback(async () => {
    const last = undo.at(-1);
    if (!last) return;
    try {
      await undoLastReview(db, last.cardId, last);
    } catch (err) {
      setError(toChineseMessage(err));
    } finally {
      // Undone or refused (a later review of the card came first): either way it is off the list.
      setUndo(undo.filter((u) => u !== last));
      refreshNow();
    }
  }, [undo, refreshNow, setUndo]);

  // On the window: once the day's last card is rated nothing has the focus, and Z must still work. A layout
  // effect, so that a Z pressed right after a rating finds the listener that knows that rating.
  useLayoutEffect(() => {
    function onKey(e: KeyboardEvent) {
      if ((e.key === 'z' || e.key === 'Z') && !e.altKey && !focusedControl(e)?.matches(FIELD)) {
        e.preventDefault();
        void onUndo();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onUndo]);

  const current = today?.queue[0];
  return (
    <main className="popup">
      <header className="popup-header">
        <h1>提法</h1>
        <p className="due">
          今日待复习 <strong data-testid="due-count">{today ? today.counts.total : '…'}</strong> 张
          {today ? (
            <span className="muted small">
              {' '}
              新 {today.counts.new} · 学习 {today.counts.learning} · 复习 {today.counts.review}
            </span>
          ) : null}
        </p>
        <button type="button" onClick={() => void sendMessage('openDashboard', '')} data-testid="open-dashboard">
          学习中心
        </button>
      </header>
      {today?.plan ? <PlanLine plan={today.plan} newPerDay={today.settings.newPerDay} /> : null}
      <ErrorAlert message={error} />
      {!today ? (
        <p className="muted">正在载入…</p>
      ) : current ? (
        <ReviewCard
          cardId={current}
          initial={today.first}
          now={now}
          settings={today.settings}
          onRate={onRate}
          busy={busy}
        />
      ) : (
        <DayDone now={now} doneToday={today.doneToday} />
      )}
      <footer className="popup-footer">
        <button
          type="button"
          onClick={() => void onUndo()}
          disabled={!undo.length}
          title="按 Z 撤销"
          data-testid="undo"
        >
          撤销上一次评分
        </button>
        <button type="button" onClick={() => void sendMessage('openQuiz', undefined)} data-testid="open-quiz">
          学习会测验
        </button>
        <button
          type="button"
          title="考前集中过一遍选定的文件，不影响日常复习进度"
          onClick={() => void sendMessage('openDashboard', '#cram')}
          data-testid="open-cram"
        >
          冲刺
        </button>
        <button type="button" onClick={() => void sendMessage('openDashboard', '#import')} data-testid="open-import">
          导入
        </button>
        <button
          type="button"
          title="读取当前网页的正文，在学习中心预览后加入学习"
          onClick={() => {
            setError('');
            importThisPage()
              .then(() => window.close())
              .catch((err: unknown) =>
                setError(
                  err instanceof Error && /[\u4e00-\u9fff]/.test(err.message)
                    ? err.message
                    : '读取网页失败，请稍后再试。',
                ),
              );
          }}
          data-testid="import-page"
        >
          导入本页
        </button>
        <SiteSwitch />
      </footer>
    </main>
  );
}

function DayDone({ now, doneToday }: { now: Date; doneToday: number }) {
  const tomorrow = useLiveQuery(() => loadTomorrow(db, now), [now]);
  return (
    <section className="done" data-testid="day-done">
      <p className="big">今天的复习已完成 🎉</p>
      <p>
        明天待复习约 <strong data-testid="tomorrow-count">{tomorrow ?? '…'}</strong> 张。
      </p>
      <p className="muted">今天共评分 {doneToday} 次。</p>
    </section>
  );
}
