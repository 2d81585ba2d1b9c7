import { useCallback, useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/data/db/schema';
import { getSettings } from '@/data/db/repo';
import { dayKey } from '@/data/srs/day';
import { toQueueCard } from '@/data/db/today';
import { buildCramQueue, cramActive } from '@/data/srs/queue';
import { formatIsoDate } from '@/components/common/format';
import { loadCrammed, saveCrammed } from './cram-store';
import { CramCard } from './cram-card';

interface Session {
  day: string;
  queue: string[];
  crammed: Set<string>;
  remembered: number;
  missed: number;
}

/** #cram: every card of the study session's documents once, without touching FSRS scheduling. */
export function CramSession() {
  const settings = useLiveQuery(() => getSettings(db), []);
  const [session, setSession] = useState<Session | null>(null);

  useEffect(() => {
    if (!settings || session) return;
    let live = true;
    void db.cards
      .where('retired')
      .equals(0)
      .toArray()
      .then((rows) => {
        const now = new Date();
        const day = dayKey(now, settings.dayStartHour);
        const crammed = loadCrammed(day);
        const queue = buildCramQueue(rows.map(toQueueCard), now, settings, crammed);
        if (live) setSession({ day, queue, crammed, remembered: 0, missed: 0 });
      });
    return () => {
      live = false;
    };
  }, [settings, session]);

  const answer = useCallback((remembered: boolean) => {
    setSession((s) => {
      if (!s?.queue.length) return s;
      const [id, ...rest] = s.queue;
      if (!remembered) return { ...s, queue: rest.length ? [...rest, id] : [id], missed: s.missed + 1 };
      const crammed = new Set(s.crammed).add(id);
      saveCrammed(s.day, crammed);
      return { ...s, queue: rest, crammed, remembered: s.remembered + 1 };
    });
  }, []);

  if (!settings) return <p className="muted">正在载入…</p>;
  if (!cramActive(new Date(), settings)) {
    return (
      <section aria-labelledby="cram-title">
        <h2 id="cram-title">冲刺复习</h2>
        <p>
          冲刺模式没有开启。请先在<a href="#settings">设置</a>中设定学习会日期和文件。
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="cram-title" className="cram">
      <h2 id="cram-title">冲刺复习 · {formatIsoDate(settings.cramUntil)}学习会</h2>
      <p className="muted small">
        把学习会文件的卡片全部过一遍，记得最不牢的在前。这里的回答不计入正常复习，不改变复习安排。
      </p>
      {!session ? (
        <p className="muted">正在准备卡片…</p>
      ) : (
        <>
          <p data-testid="cram-progress">
            剩余 <strong>{session.queue.length}</strong> 张 · 今天已过 {session.crammed.size} 张 · 本次没记住{' '}
            {session.missed} 次
          </p>
          {session.queue.length ? (
            <CramCard
              key={`${session.queue[0]}:${session.remembered}:${session.missed}`}
              cardId={session.queue[0]}
              onAnswer={answer}
            />
          ) : (
            <p className="done" data-testid="cram-done">
              今天的冲刺复习已完成 🎉 共过了 {session.crammed.size} 张卡片。
            </p>
          )}
        </>
      )}
    </section>
  );
}
