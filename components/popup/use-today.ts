// Today's queue for the popup, as a live query (it follows every write to the store). The first
// read starts as soon as the popup's script runs (main.tsx), before React renders, so the database
// opens and the cards are read while React sets up; later ones start when `now` changes (after a
// rating, every 30 s). Like dexie-react-hooks' useLiveQuery, the last result stays until the next
// one arrives, and a failure is thrown to the error boundary.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import { db } from '@/data/db/schema';
import { loadToday, type Today } from '@/data/db/today';
import { peekMark, keepPeek } from '@/lib/browser/peek-store';

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
  let answered: () => void = () => {};
  const ready = new Promise<void>((resolve) => (answered = resolve));
  const subscription = liveQuery(() => {
    const mark = peekMark();
    return timed('tifa:today', () => loadToday(db, now)).then((today) => ({ today, mark }));
  }).subscribe({
    next: ({ today, mark }) => {
      set({ today });
      answered();
      // The peek of each read, for the next opening: right after a rating here it holds the next
      // card even if the popup is closed before the badge's refresh (peek-store.ts) has run.
      void keepPeek(today, now, mark);
    },
    error: (error: unknown) => {
      set({ error });
      answered();
    },
  });
  return {
    now,
    /** Settles when the first result (or failure) is in. */
    ready,
    /** The result read so far, if any. */
    current: () => result,
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

/**
 * Starts reading today's queue as of `now`; the first `useToday(now)` with the same `now` takes it over.
 * Returns the read's first answer (a queue or a failure).
 */
export function startToday(now: Date): Promise<Today | undefined> {
  early = watchToday(now);
  const read = early;
  return read.ready.then(() => read.current()?.today);
}

/** The `now` of the read started by startToday and not yet taken over, for the popup's clock to start from. */
export function startedAt(): Date | undefined {
  return early?.now;
}

export function useToday(now: Date): Today | undefined {
  // A result the early read already has is the first render's: the popup's first paint is its card.
  const [result, setResult] = useState<Result>(() => (early?.now === now ? early.current() : undefined) ?? {});
  useEffect(() => {
    const query = early?.now === now ? early : watchToday(now);
    early = undefined;
    query.listen(setResult);
    return () => query.stop();
  }, [now]);
  if (result.error) throw result.error;
  return result.today;
}
