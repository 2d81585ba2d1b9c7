// A Web Locks API stand-in for Node (which has none): exclusive locks by name, granted in request order,
// `ifAvailable` answered with null while the name is held — what lib/browser/recompute-lock.ts relies on.
export function fakeLocks(): Pick<LockManager, 'request'> {
  const tails = new Map<string, Promise<void>>();
  async function request<T>(
    name: string,
    options: LockOptions,
    callback: (lock: Lock | null) => T | Promise<T>,
  ): Promise<T> {
    const before = tails.get(name);
    if (options.ifAvailable && before) return callback(null);
    let release = () => {};
    const mine = (before ?? Promise.resolve()).then(() => new Promise<void>((done) => (release = done)));
    tails.set(name, mine);
    await before;
    try {
      return await callback({ name, mode: 'exclusive' });
    } finally {
      release();
      if (tails.get(name) === mine) tails.delete(name);
    }
  }
  return { request } as Pick<LockManager, 'request'>;
}
