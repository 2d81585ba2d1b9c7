// The peek is kept only from a read no write has overtaken: a refresh that read the queue before a
// write this context heard of must not put back the peek the write made untrue.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dropPeek, peekMark, keepPeek } from '../../../lib/browser/peek-store';
import { PEEK_KEY } from '../../../data/srs/peek';
import { DEFAULT_SETTINGS } from '../../../data/srs/settings';
import type { Today } from '../../../data/db/today';
import type { CardRow } from '../../../data/db/schema';

const NOW = new Date(2026, 2, 1, 9);
const TODAY: Today = {
  settings: DEFAULT_SETTINGS,
  queue: ['c1'],
  counts: { learning: 0, review: 0, new: 1, total: 1 },
  doneToday: 0,
  first: { id: 'c1', prompt: '“五个一批”是指哪五个？' } as CardRow,
  until: new Date(NOW.getTime() + 3_600_000),
};
const stored = async () => (await fakeBrowser.storage.session.get(PEEK_KEY))[PEEK_KEY];

beforeEach(() => fakeBrowser.reset());

describe('keepPeek', () => {
  it('keeps the peek of a read no write overtook', async () => {
    await keepPeek(TODAY, NOW, peekMark());
    await expect(stored()).resolves.toMatchObject({ total: 1, card: { id: 'c1' } });
  });

  it('drops it when a write is heard, and does not keep a read that began before that write', async () => {
    await keepPeek(TODAY, NOW, peekMark());
    const mark = peekMark();
    await dropPeek();
    expect(await stored()).toBeUndefined();
    await keepPeek(TODAY, NOW, mark);
    expect(await stored()).toBeUndefined();
    await keepPeek(TODAY, NOW, peekMark());
    expect(await stored()).toBeDefined();
  });
});
