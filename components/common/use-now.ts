import { useEffect, useState } from 'react';

/** The current time (at first `first`, when given), refreshed every `everyMs` and when the page becomes visible again. */
export function useNow(everyMs = 30_000, first?: Date): [Date, () => void] {
  const [now, setNow] = useState(() => first ?? new Date());
  useEffect(() => {
    const tick = () => setNow(new Date());
    const timer = setInterval(tick, everyMs);
    const onVisible = () => document.visibilityState === 'visible' && tick();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [everyMs]);
  return [now, () => setNow(new Date())];
}
