// public/open-early.js opens the database as the popup starts, before Dexie has loaded. It must
// name the same database, and on a fresh profile it must create nothing: Dexie creates the
// database with its schema on first run, and a database made here at version 1 would be taken
// for an old one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DB_NAME } from '@/data/db/name';
import { openDb } from '@/data/db/schema';

const source = readFileSync(join(import.meta.dirname, '../../public/open-early.js'), 'utf8');

/** Runs the script against `indexedDB` and resolves once its open request has settled. */
async function runEarly(indexedDB: IDBFactory): Promise<void> {
  const opened: IDBOpenDBRequest[] = [];
  const spy = {
    open: (...args: [string, number?]) => {
      const request = indexedDB.open(...args);
      opened.push(request);
      return request;
    },
  };
  new Function('indexedDB', source)(spy);
  expect(opened).toHaveLength(1);
  const request = opened[0];
  await new Promise<void>((settled) => {
    const [success, error] = [request.onsuccess, request.onerror];
    request.onsuccess = (e) => (success?.call(request, e), settled());
    request.onerror = (e) => (error?.call(request, e), settled());
  });
}

describe('open-early.js', () => {
  it('opens the database Dexie opens', () => {
    expect(source).toContain(`indexedDB.open('${DB_NAME}')`);
  });

  it('creates nothing on a fresh profile, and Dexie then creates the database with its schema', async () => {
    const indexedDB = new IDBFactory();
    await runEarly(indexedDB);
    expect(await indexedDB.databases()).toEqual([]);
    const db = openDb(DB_NAME, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBeGreaterThan(1);
    expect(db.tables.map((t) => t.name)).toContain('cards');
    await db.cards.put({ id: 'x' } as never);
    expect(await db.cards.count()).toBe(1);
    db.close();
  });

  it('opens an existing database and lets it go at once: a later upgrade is not blocked', async () => {
    const indexedDB = new IDBFactory();
    const db = openDb(DB_NAME, { indexedDB, IDBKeyRange });
    await db.open();
    db.close();
    await runEarly(indexedDB);
    const { version } = (await indexedDB.databases())[0];
    const upgrade = indexedDB.open(DB_NAME, version! + 1);
    await new Promise((done, fail) => {
      upgrade.onsuccess = done;
      upgrade.onblocked = () => fail(new Error('blocked by the early connection'));
      upgrade.onerror = fail;
    });
    upgrade.result.close();
  });
});
