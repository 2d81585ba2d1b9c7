// The member's background check (entrypoints/background/pack.ts): on its alarm it finds a new version
// without applying it, refreshes shared readiness, records a failure in Chinese, and with no
// subscription makes no request at all.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { freshDb, makeDeck, at } from '../data/db/helpers';
import { syncDeck } from '../../data/db/deck-sync';
import { applyPack } from '../../data/db/pack-apply';
import type { TifaDB } from '../../data/db/schema';
import { DavClient } from '../../lib/sync/webdav';
import { publishPack } from '../../lib/pack/publish';
import { checkPack } from '../../lib/pack/member';
import { MEMBER_KEY, PACK_ALARM, readMember, type MemberState } from '../../lib/pack/store';
import { watchPack } from '../../entrypoints/background/pack';
import { startDav, type DavServer } from '../sync/dav-server';

const store = vi.hoisted(() => ({ db: undefined as unknown as TifaDB }));
vi.mock('@/data/db/schema', async (original) => ({
  ...(await original<typeof import('../../data/db/schema')>()),
  get db() {
    return store.db;
  },
}));

let dav: DavServer;
let org: TifaDB;
const client = () => new DavClient({ url: dav.url, user: dav.user, password: dav.password }, undefined, 5_000);
const choice = (cards: string[]) => ({ documents: [{ id: 's1', cards }] });

/** Fires the alarm and waits for the check to write its result. */
async function alarm(): Promise<MemberState | undefined> {
  const before = (await readMember())?.checkedAt;
  await fakeBrowser.alarms.onAlarm.trigger({ name: PACK_ALARM, scheduledTime: Date.now() });
  for (let i = 0; i < 200 && (await readMember())?.checkedAt === before; i++)
    await new Promise((r) => setTimeout(r, 20));
  return readMember();
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((async () => true) as never);
  dav = await startDav();
  org = freshDb();
  store.db = freshDb();
  await syncDeck(org, makeDeck(), at(0));
  await syncDeck(store.db, makeDeck(), at(0));
  watchPack();
});

afterEach(async () => {
  org.close();
  store.db.close();
  await dav.close();
});

describe('the background check', () => {
  it('without a subscription, makes no request', async () => {
    await fakeBrowser.alarms.onAlarm.trigger({ name: PACK_ALARM, scheduledTime: Date.now() });
    await new Promise((r) => setTimeout(r, 100));
    expect(dav.requests).toEqual([]);
  });

  it('a subscription made before anything is published waits; a later alarm finds the first version', async () => {
    await fakeBrowser.storage.local.set({
      [MEMBER_KEY]: { url: dav.url, user: dav.user, password: dav.password, waiting: true },
    });
    const waiting = await alarm();
    expect(waiting).toMatchObject({ url: dav.url, waiting: true });
    expect(waiting?.error).toBeUndefined();
    expect(waiting?.available).toBeUndefined();
    await publishPack(org, client(), choice(['c1']), at(1));
    const found = await alarm();
    expect(found).toMatchObject({ url: dav.url, available: 1 });
    expect(found?.waiting).toBeUndefined();
    expect(found?.error).toBeUndefined();
    expect(found?.manifest).toBeUndefined();
  });

  it('finds a new version without applying it, refreshes shared readiness, and records a failure', async () => {
    await publishPack(org, client(), choice(['c1']), at(1));
    const { manifest } = await applyPack(store.db, (await checkPack(client(), undefined)).pack, undefined, at(1), {
      acceptSession: false,
    });
    const share = { id: 'm-0123456789ab', name: '王五' };
    await fakeBrowser.storage.local.set({
      [MEMBER_KEY]: { url: dav.url, user: dav.user, password: dav.password, manifest, share },
    });
    await publishPack(org, client(), choice(['c1', 'c2']), at(2));
    const after = await alarm();
    // Found, not applied (the manifest stays at version 1): the member decides.
    expect(after).toMatchObject({ available: 2, manifest: { pack: 1 }, share: { id: share.id, name: '王五' } });
    expect(after?.error).toBeUndefined();
    const file = join(dav.dir, 'sync', 'members', `${share.id}.json`);
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ name: '王五', pack: 1 });

    dav.fault = '401';
    expect((await alarm())?.error).toMatch(/用户名或应用密码不对/);
  });
});
