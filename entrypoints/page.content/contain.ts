// Errors of a content feature stay in the feature: nothing reaches the page's console as an
// error. When the extension is reloaded or updated, every call to it fails with "Extension
// context invalidated"; that is not a bug, so it stops Tifa on this page once, quietly.

const INVALIDATED = /Extension context invalidated/i;

export function isContextInvalidated(error: unknown): boolean {
  return INVALIDATED.test(error instanceof Error ? error.message : String(error));
}

export interface Containment {
  /** Runs a feature (sync or async); a failure is logged at debug level and ends only that feature. */
  run(name: string, feature: () => unknown): void;
  /** Wraps a listener the same way. */
  guard<A extends unknown[]>(name: string, listener: (...args: A) => unknown): (...args: A) => void;
  report(name: string, error: unknown): void;
}

export function createContainment(onInvalidated: () => void): Containment {
  let stopped = false;
  const report = (name: string, error: unknown) => {
    if (isContextInvalidated(error)) {
      if (!stopped) {
        stopped = true;
        onInvalidated();
      }
      return;
    }
    if (stopped) return;
    console.debug(`[Tifa] ${name} failed`, error);
  };
  const run = (name: string, feature: () => unknown) => {
    try {
      const result = feature();
      if (result instanceof Promise) result.catch((error: unknown) => report(name, error));
    } catch (error) {
      report(name, error);
    }
  };
  return {
    run,
    report,
    guard:
      (name, listener) =>
      (...args) =>
        run(name, () => listener(...args)),
  };
}
