import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/data/db/schema';
import { saveSettings } from '@/data/db/repo';
import { loadPlanStatus, saveStudyPlan } from '@/data/db/study-plan';
import { toChineseMessage } from '@/data/db/errors';
import { sourceDateText } from '@/components/common/format';
import { PlanLine } from '@/components/common/plan-line';
import { PlanDocuments } from '@/components/common/plan-documents';
import { dayKey } from '@/data/srs/day';
import { loadWelcome, type WelcomeData } from './welcome-data';

/** Opened once, on install: what Tifa does, where its icon is, and three choices to start with. */
export function WelcomeApp() {
  const data = useLiveQuery(() => loadWelcome(db), []);
  return (
    <main className="welcome">
      <header>
        <h1>欢迎使用提法</h1>
        <p className="lead">把政策文件里的重要提法和数字，变成每天几分钟的记忆卡片。</p>
      </header>
      <section aria-labelledby="what-title">
        <h2 id="what-title">提法能做什么</h2>
        <ol className="three" data-testid="welcome-what">
          <li>把文件里的重要提法（如“六个精准”）和数字做成卡片，每张卡片都能看到原文出处。</li>
          <li>每天点工具栏上的“提法”图标复习几分钟：快要忘的卡片再出现，记牢的隔得越来越久。</li>
          <li>浏览人民网、新华网等网站时，标出学过的提法，鼠标移上去就能看到成员和原文。</li>
        </ol>
        <p className="muted">所有内容和学习记录只存在这台电脑的浏览器里，不会上传。</p>
      </section>
      <section aria-labelledby="pin-title">
        <h2 id="pin-title">把“提法”图标固定到工具栏</h2>
        <ul className="pin" data-testid="welcome-pin">
          <li>
            <strong>Chrome、Edge：</strong>点地址栏右边拼图形状的“扩展程序”按钮，再点“提法”右边的图钉。
          </li>
          <li>
            <strong>Firefox：</strong>点工具栏上拼图形状的“扩展”按钮，在“提法”右边的齿轮菜单里选“固定到工具栏”。
          </li>
        </ul>
      </section>
      {data ? <StartForm data={data} /> : <p className="muted">正在载入文件…</p>}
    </main>
  );
}

function StartForm({ data }: { data: WelcomeData }) {
  const { docs, settings } = data;
  const sources = docs.map((d) => d.source);
  const [picked, setPicked] = useState(
    () => new Set(settings.cramSources?.length ? settings.cramSources : sources.map((s) => s.id)),
  );
  const [limit, setLimit] = useState(String(settings.newPerDay));
  const [date, setDate] = useState(settings.cramUntil ?? '');
  const [message, setMessage] = useState('');
  const [saved, setSaved] = useState(false);
  const status = useLiveQuery(() => (saved ? loadPlanStatus(db, new Date()) : null), [saved]);
  const today = dayKey(new Date(), settings.dayStartHour);

  async function onSubmit() {
    setSaved(false);
    const n = Number(limit);
    if (!/^\s*\d+\s*$/.test(limit) || n > 200) return setMessage('每天学几张新卡片：请填 0 到 200 之间的整数。');
    if (docs.length && !picked.size) return setMessage('请至少选一份要学的文件。');
    if (date && date < today) return setMessage('学习会日期已经过去，请选择今天或以后的日期。');
    try {
      const all = picked.size === docs.length;
      // Every document ticked and no date: nothing to plan, the normal queue over every document.
      await saveStudyPlan(db, { date: date || undefined, sourceIds: all && !date ? [] : [...picked] }, new Date());
      await saveSettings(db, { newPerDay: n });
      setSaved(true);
      setMessage(
        `已保存：每天学 ${n} 张新卡片${date ? '，学习会前会把选中文件的卡片全部学完' : ''}。点工具栏上的“提法”图标开始今天的复习。`,
      );
    } catch (err) {
      setMessage(toChineseMessage(err));
    }
  }

  return (
    <form
      className="start"
      noValidate
      aria-labelledby="start-title"
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      <h2 id="start-title">开始之前，设定三件事</h2>
      <fieldset>
        <legend>1. 要学哪些文件</legend>
        {docs.length ? null : <p className="muted">还没有文件：可以先导入。</p>}
        <PlanDocuments sources={sources} picked={picked} onPick={setPicked} testId="welcome-doc">
          {(source, i) => (
            <span>
              《{source.title}》
              <span className="muted small">
                {sourceDateText(source) ? `${sourceDateText(source)} · ` : ''}
                <span data-testid="welcome-doc-cards">{docs[i].cards}</span> 张卡片
              </span>
            </span>
          )}
        </PlanDocuments>
        <p className="small">
          有自己的文件（PDF、Word、网页）？
          <a href="dashboard.html#import" data-testid="welcome-import">
            导入文件
          </a>
          ，提法会从中做出卡片，加入前可以先预览。
        </p>
      </fieldset>
      <fieldset>
        <legend>2. 每天学几张新卡片</legend>
        <div className="field">
          <label htmlFor="welcome-limit">新卡片张数</label>
          <input
            id="welcome-limit"
            data-testid="welcome-limit"
            inputMode="numeric"
            value={limit}
            aria-describedby="welcome-limit-hint"
            onChange={(e) => setLimit(e.target.value)}
          />
          <span id="welcome-limit-hint" className="muted small">
            学过的卡片之后还要按时复习几次，新卡片越多，以后每天要复习的也越多。一般每天 10 到 20 张。
          </span>
        </div>
      </fieldset>
      <fieldset>
        <legend>3. 学习会日期（可不填）</legend>
        <div className="field">
          <label htmlFor="welcome-date">学习会日期</label>
          <input
            id="welcome-date"
            type="date"
            data-testid="welcome-date"
            min={today}
            value={date}
            aria-describedby="welcome-date-hint"
            onChange={(e) => setDate(e.target.value)}
          />
          <span id="welcome-date-hint" className="muted small">
            要准备学习会、考试或座谈时填上：在那天之前，每天的复习会把选中文件的卡片全部学一遍，新卡片平均分到剩下的每一天。以后可在学习中心的“设置”里修改。
          </span>
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" data-testid="welcome-save">
          保存，开始学习
        </button>
        <a href="dashboard.html" data-testid="welcome-dashboard">
          打开学习中心
        </a>
      </div>
      <p role="status" data-testid="welcome-message">
        {message}
      </p>
      {saved && status ? <PlanLine plan={status} newPerDay={Number(limit)} /> : null}
    </form>
  );
}
