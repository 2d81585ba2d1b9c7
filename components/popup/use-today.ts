// Today's queue for the popup, as a live query (it follows every write to the store). The first
// read starts as soon as the popup's script runs (main.tsx), before React renders, so the database
// opens and the cards are read while React sets up; later ones start when `now` changes (after a
// rating, every 30 s). Like dexie-react-hooks' useLiveQuery, the last result stays until the next
// one arrives, and a failure is thrown to the error boundary.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import { db } from '@/data/db/schema';
import { loadToday, type Today } from '@/data/db/today';

interface Result {
  today?: Today;
  error?: unknown;
}

/** Records how long the queue took, for `npm run bench`. */
async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  performance.measure(name, { start, end: performance.now() });
  return result;
}

function watchToday(now: Date) {
  let result: Result | undefined;
  let listener: ((result: Result) => void) | undefined;
  const set = (next: Result) => {
    result = next;
    listener?.(next);
  };
  const subscription = liveQuery(() => timed('tifa:today', () => loadToday(db, now))).subscribe({
    next: (today) => set({ today }),
    error: (error: unknown) => set({ error }),
  });
  return {
    now,
    /** Hears the result already read, if any, then every later one. */
    listen(to: (result: Result) => void) {
      listener = to;
      if (result) to(result);
    },
    stop() {
      listener = undefined;
      subscription.unsubscribe();
    },
  };
}

let early: ReturnType<typeof watchToday> | undefined;

/** Starts reading today's queue as of `now`; the first `useToday(now)` with the same `now` takes it over. */
export function startToday(now: Date): void {
  early = watchToday(now);
}

/** The `now` of the read started by startToday and not yet taken over, for the popup's clock to start from. */
export function startedAt(): Date | undefined {
  return early?.now;
}

export function useToday(now: Date): Today | undefined {
  const [result, setResult] = useState<Result>({});
  useEffect(() => {
    const query = early?.now === now ? early : watchToday(now);
    early = undefined;
    query.listen(setResult);
    return () => query.stop();
  }, [now]);
  if (result.error) throw result.error;
  return result.today;
}
