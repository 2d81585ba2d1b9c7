// Cards crammed today, kept per tab session: cramming records nothing in the store, so FSRS
// scheduling stays exactly as the normal reviews left it.
const key = (day: string) => `tifa-cram:${day}`;

export function loadCrammed(day: string, storage: Storage = sessionStorage): Set<string> {
  try {
    const list: unknown = JSON.parse(storage.getItem(key(day)) ?? '[]');
    return new Set(Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

export function saveCrammed(day: string, ids: Set<string>, storage: Storage = sessionStorage): void {
  try {
    storage.setItem(key(day), JSON.stringify([...ids]));
  } catch {
    // A full or disabled session storage only means the next visit starts over.
  }
}
