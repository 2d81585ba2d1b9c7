import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/data/db/schema';
import type { Question } from '@/data/quiz';
import type { SourceInfo } from '@/components/common/evidence-quote';
import { bestStreak, prepareQuiz, recentQuizzes } from '@/data/db/quizzes';
import type { QuizConfig } from '@/data/quiz/run';
import { QuizRunner } from './quiz-runner';
import { SetupScreen } from './setup-screen';
import { SummaryView } from './summary-view';
import type { QuizResult } from '@/data/quiz/run';
import { ErrorAlert } from '@/components/common/error-alert';

type Screen =
  | { at: 'setup' }
  | { at: 'run'; config: QuizConfig; questions: Question[]; key: number; best: number }
  | { at: 'summary'; result: QuizResult; best: number };

/** 学习会测验: setup → questions with feedback → summary; past quizzes kept in db.quizzes. */
export function QuizApp() {
  const [screen, setScreen] = useState<Screen>({ at: 'setup' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const sourceRows = useLiveQuery(() => db.sources.toArray(), []);
  const recent = useLiveQuery(() => recentQuizzes(db), []) ?? [];
  const best = useLiveQuery(() => bestStreak(db), []) ?? 0;
  const sources = useMemo(() => new Map<string, SourceInfo>((sourceRows ?? []).map((s) => [s.id, s])), [sourceRows]);

  async function start(config: QuizConfig) {
    setBusy(true);
    setError(undefined);
    try {
      const questions = await prepareQuiz(db, config, new Date());
      if (!questions.length) setError('所选文件和题型下没有可出的题，请换一换。');
      else setScreen({ at: 'run', config, questions, key: Date.now(), best });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="quiz-page">
      <header className="quiz-header">
        <h1>提法 · 学习会测验</h1>
        <a href="dashboard.html" className="muted">
          学习中心
        </a>
      </header>
      <ErrorAlert message={error} />
      {screen.at === 'setup' ? (
        sourceRows ? (
          <SetupScreen sources={sourceRows} recent={recent} best={best} busy={busy} onStart={(c) => void start(c)} />
        ) : (
          <p className="muted">正在载入…</p>
        )
      ) : screen.at === 'run' ? (
        <QuizRunner
          key={screen.key}
          config={screen.config}
          questions={screen.questions}
          sources={sources}
          best={screen.best}
          onDone={(result) => setScreen({ at: 'summary', result, best: screen.best })}
          onQuit={() => setScreen({ at: 'setup' })}
        />
      ) : (
        <SummaryView
          result={screen.result}
          best={screen.best}
          onAgain={() => void start(screen.result.config)}
          onSetup={() => setScreen({ at: 'setup' })}
        />
      )}
    </main>
  );
}
