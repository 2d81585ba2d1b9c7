// Registers (card fields, settings) carry the time the user changed them, not the time of the sync
// that sent them: two computers changing the same field offline end with the later change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { at } from '../data/db/helpers';
import { editCard, saveSettings, setSuspended } from '../../data/db/repo';
import type { TifaDB } from '../../data/db/schema';
import { DavClient } from '../../lib/sync/webdav';
import { ROOT, syncOnce } from '../../lib/sync/run';
import { getSyncSelf } from '../../data/db/sync-state';
import { readEdits } from '../../data/db/sync-edits';
import type { DavServer } from './dav-server';
import { closeDevices, twoDevices } from './devices';

let dav: DavServer;
let a: TifaDB;
let b: TifaDB;
const client = () => new DavClient({ url: dav.url, user: dav.user, password: dav.password }, undefined, 5_000);
const sync = (db: TifaDB, when: Date) => syncOnce(db, client(), when);

/** The newest file a device uploaded, read from the server's disk. */
async function lastFile(db: TifaDB): Promise<{ ops: unknown[] }> {
  const { device } = await getSyncSelf(db);
  const folder = join(dav.dir, 'sync', ROOT, 'devices', device);
  const name = readdirSync(folder)
    .filter((f) => /^\d{8}-/.test(f))
    .sort()
    .pop()!;
  return JSON.parse(readFileSync(join(folder, name), 'utf8')) as { ops: unknown[] };
}

beforeEach(async () => {
  ({ dav, a, b } = await twoDevices());
  await saveSettings(a, { enableFuzz: false }, at(0));
  await sync(a, at(1));
  await sync(b, at(1));
});

afterEach(() => closeDevices(dav, a, b));

describe('edit stamps', { timeout: 60_000 }, () => {
  it('the later edit wins on both computers, whichever syncs last', async () => {
    // Offline: B edits first, A later; A syncs first and B last (the old stamps made B win).
    await editCard(b, 'c1', { prompt: 'B 的提问' }, at(3));
    await saveSettings(b, { desiredRetention: 0.8 }, at(3));
    await editCard(a, 'c1', { prompt: 'A 的提问' }, at(4));
    await saveSettings(a, { desiredRetention: 0.85 }, at(4));
    await sync(a, at(5));
    await sync(b, at(6));
    await sync(a, at(7));
    for (const db of [a, b]) {
      expect((await db.cards.get('c1'))!.edited?.prompt).toBe('A 的提问');
      expect((await db.settings.get('desiredRetention'))?.value).toBe(0.85);
    }
  });

  it('an edit made after another computer’s was applied wins, even with this computer’s clock behind', async () => {
    await editCard(b, 'c1', { prompt: 'B 的提问' }, at(5));
    await sync(b, at(5));
    await sync(a, at(6));
    expect((await a.cards.get('c1'))!.edited?.prompt).toBe('B 的提问');
    // A's clock says an earlier time than B's edit, but A's user changed it after seeing B's.
    await editCard(a, 'c1', { prompt: 'A 改回的提问' }, at(4));
    await sync(a, at(7));
    await sync(b, at(8));
    for (const db of [a, b]) expect((await db.cards.get('c1'))!.edited?.prompt).toBe('A 改回的提问');
  });

  it('a suspension travels with its own time too; the noted times are forgotten once sent', async () => {
    await setSuspended(a, 'c2', true, at(4));
    await setSuspended(b, 'c2', true, at(3));
    await setSuspended(b, 'c2', false, at(3, 1));
    await editCard(b, 'c2', { answer: '新的答案' }, at(3, 2));
    expect(Object.keys(await readEdits(b))).toEqual(['card|c2|suspended', 'card|c2|answer']);
    await sync(a, at(5));
    // The file says when the user suspended the card, not when it was sent.
    const sent = await lastFile(a);
    expect(sent.ops).toContainEqual({ t: 'field', card: 'c2', field: 'suspended', value: 1, at: at(4).toISOString() });
    await sync(b, at(6));
    await sync(a, at(7));
    expect(await readEdits(a)).toEqual({});
    expect(await readEdits(b)).toEqual({});
    for (const db of [a, b]) {
      expect((await db.cards.get('c2'))!.suspended).toBe(1);
      expect((await db.cards.get('c2'))!.edited?.answer).toBe('新的答案');
    }
  });
});
