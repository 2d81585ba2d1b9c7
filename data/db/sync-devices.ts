// What this device knows of the others for compaction (docs/sync.md): how far it has read each one
// (published as its cursors.json), when it last published that, and the devices the user chose to
// forget (not seen for a long time, they no longer hold compaction back). Device-local (syncState).
import type { TifaDB } from './schema';
import type { SyncPeer } from './sync-state';

export interface SyncDevices {
  key: 'devices';
  /** The read positions last published, and when. */
  published?: { at: number; read: string };
  /** Forgotten devices → the time they were last seen then (ms; 0 if never): a later sign of life brings one back. */
  forgotten: Record<string, number>;
}

export async function readDevices(db: TifaDB): Promise<SyncDevices> {
  return ((await db.syncState.get('devices')) as SyncDevices | undefined) ?? { key: 'devices', forgotten: {} };
}

/** The last file of each other device applied here. */
export async function readPositions(db: TifaDB): Promise<Record<string, number>> {
  const peers = (await db.syncState.where('key').startsWith('peer:').toArray()) as SyncPeer[];
  return Object.fromEntries(peers.filter((p) => p.seq > 0).map((p) => [p.key.slice(5), p.seq]));
}

export async function notePublished(db: TifaDB, at: Date, read: string): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    await db.syncState.put({ ...(await readDevices(db)), published: { at: at.getTime(), read } });
  });
}

/** 忘记这台设备: it no longer holds compaction back, unless it syncs again after `lastSeen`. */
export async function forgetSyncDevice(db: TifaDB, device: string, lastSeen: Date | undefined): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    const row = await readDevices(db);
    await db.syncState.put({ ...row, forgotten: { ...row.forgotten, [device]: lastSeen?.getTime() ?? 0 } });
  });
}
