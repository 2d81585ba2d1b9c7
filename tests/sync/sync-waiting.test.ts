// An edit can arrive before its card: a third computer edited a card of a document this one has
// not received yet (device folders are read in any order). The edit is held and applied once the
// card is here, not dropped — else the two computers would show that card differently for good.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { at, makeDeck } from '../data/db/helpers';
import { syncDeck } from '../../data/db/deck-sync';
import { applySyncFile } from '../../data/db/sync-apply';
import { getSyncSelf } from '../../data/db/sync-state';
import type { TifaDB } from '../../data/db/schema';
import type { SyncFile, SyncOp } from '../../data/sync/format';
import type { DavServer } from './dav-server';
import { closeDevices, twoDevices } from './devices';

let dav: DavServer;
let a: TifaDB;
let b: TifaDB;

/** File `seq` of another computer, with these ops. */
const file = (seq: number, ops: SyncOp[]) =>
  ({ format: 'tifa-sync', version: 1, device: 'd-thirdcomputer', seq, ops }) as unknown as SyncFile;
const edit = (value: string, when: Date): SyncOp => ({ t: 'field', card: 'c3', field: 'prompt', value, at: when });
const prompt = async () => (await b.cards.get('c3'))?.edited?.prompt;

beforeEach(async () => {
  ({ dav, a, b } = await twoDevices());
  await getSyncSelf(b);
  // c3 is not on this computer yet.
  await b.cards.delete('c3');
});

afterEach(() => closeDevices(dav, a, b));

describe('an edit that arrives before its card', () => {
  it('is held, applied when the card arrives, and an older edit read later does not replace it', async () => {
    await applySyncFile(b, file(1, [edit('“六个精准”具体指什么？', at(3))]));
    expect((await getSyncSelf(b)).waiting).toEqual({ c3: { prompt: '“六个精准”具体指什么？' } });
    await syncDeck(b, makeDeck(), at(4)); // the card arrives
    const counts = await applySyncFile(b, file(2, []));
    expect(counts.edits).toBe(1);
    expect(await prompt()).toBe('“六个精准”具体指什么？');
    expect((await getSyncSelf(b)).waiting).toBeUndefined();
    await applySyncFile(b, file(3, [edit('旧的问题', at(2))]));
    expect(await prompt()).toBe('“六个精准”具体指什么？');
  });

  it('keeps only the latest edit per field while it waits', async () => {
    await applySyncFile(b, file(1, [edit('第一次', at(3)), edit('第二次', at(5)), edit('更早的', at(1))]));
    await syncDeck(b, makeDeck(), at(6));
    await applySyncFile(b, file(2, []));
    expect(await prompt()).toBe('第二次');
  });
});
