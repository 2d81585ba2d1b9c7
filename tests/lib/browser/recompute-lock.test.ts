// One recomputation at a time: the background's sync steps aside while another context holds the
// lock, the settings page's worker waits for it, and without the Web Locks API the work just runs.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recomputeExclusively } from '@/lib/browser/recompute-lock';
import { fakeLocks } from '../../support/fake-locks';

afterEach(() => vi.unstubAllGlobals());

/** A piece of work that runs until `finish` is called, recording when it started. */
function held() {
  let finish = () => {};
  const started = vi.fn();
  const work = () => {
    started();
    return new Promise<string>((done) => (finish = () => done('first')));
  };
  return { work, started, finish: () => finish() };
}

describe('recomputeExclusively', () => {
  it('returns undefined without running the work when asked only if free and the lock is held', async () => {
    vi.stubGlobal('navigator', { locks: fakeLocks() });
    const first = held();
    const running = recomputeExclusively(first.work, false);
    await vi.waitFor(() => expect(first.started).toHaveBeenCalled());
    const second = vi.fn(async () => 'second');
    expect(await recomputeExclusively(second, true)).toBeUndefined();
    expect(second).not.toHaveBeenCalled();
    first.finish();
    expect(await running).toBe('first');
    expect(await recomputeExclusively(second, true)).toBe('second');
  });

  it('runs a waiting piece of work once the holder is done, not before', async () => {
    vi.stubGlobal('navigator', { locks: fakeLocks() });
    const order: string[] = [];
    const first = held();
    const running = recomputeExclusively(async () => order.push(await first.work()), false);
    await vi.waitFor(() => expect(first.started).toHaveBeenCalled());
    const waiting = recomputeExclusively(async () => order.push('second'), false);
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]);
    first.finish();
    await Promise.all([running, waiting]);
    expect(order).toEqual(['first', 'second']);
  });

  it('runs the work at once where there is no Web Locks API', async () => {
    vi.stubGlobal('navigator', undefined);
    expect(await recomputeExclusively(async () => 'ran', true)).toBe('ran');
  });
});
