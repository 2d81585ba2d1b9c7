import { useEffect, useRef, useState } from 'react';

/**
 * Seconds left for the current question (`key` changes per question); calls `onExpire` once
 * at zero. `seconds` 0 or `running` false: no timer, null.
 */
export function useCountdown(seconds: number, running: boolean, key: unknown, onExpire: () => void): number | null {
  const [left, setLeft] = useState(seconds);
  const expire = useRef(onExpire);
  useEffect(() => {
    expire.current = onExpire;
  });
  useEffect(() => {
    if (!seconds || !running) return;
    const end = Date.now() + seconds * 1000;
    setLeft(seconds);
    const timer = setInterval(() => {
      const rest = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      setLeft(rest);
      if (rest === 0) {
        clearInterval(timer);
        expire.current();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [seconds, running, key]);
  return seconds && running ? left : null;
}
