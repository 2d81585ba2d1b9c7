// This device's sync bookkeeping (schema v7, docs/sync.md): its identity, what it has sent, and how
// far it has read every other device. Device-local: never in a backup.
import type { TifaDB } from './schema';
import type { IdRanges, Stamp } from '../sync/replay';
import type { SyncEdits } from './sync-edits';
import type { SyncDevices } from './sync-devices';
import type { CardField } from '../sync/format';

/** What sync last recorded of a card: [prompt edit, answer edit, suspended, reps, new (1) or not (0)]. */
export type CardPrint = [string | null, string | null, 0 | 1, number, 0 | 1];

export interface SyncSelf {
  key: 'self';
  device: string;
  /** The last file this device uploaded. */
  seq: number;
  /** The highest local review-log id looked at by a push. */
  logCursor: number;
  /** The highest local history id (imported reviews, schema v9) looked at by a push; absent: none yet. */
  historyCursor?: number;
  /** Local ids of this device's own ratings that were sent. */
  pushed: IdRanges;
  cards: Record<string, CardPrint>;
  /** JSON of each setting's value as last synced. */
  settings: Record<string, string>;
  /** Who last wrote each register: "card|prompt", "setting|desiredRetention", "reset|c1". */
  stamps: Record<string, Stamp>;
  /** Each card's last reset (ms): its ratings before that no longer count. */
  resets: Record<string, number>;
  /** Pushes since every card was last compared (sync-push.ts); absent: compare them all now. */
  sinceScan?: number;
  /** Each imported document as last synced (documentPrint); absent before documents were synced. */
  docs?: Record<string, string>;
  /**
   * Card edits that arrived before their card (another device edited a card of a document this device
   * has not received yet), by card id, the latest per field: applied once the card is here.
   */
  waiting?: Record<string, Partial<Record<CardField, string | number | null>>>;
}

/**
 * Tables that belong to this computer only and are never in a backup (records.ts has no schema for
 * them): a backup restored elsewhere must not clone the device. Restoring a backup empties them.
 */
export const DEVICE_LOCAL_TABLES = ['syncState'] as const;

export interface SyncPeer {
  key: `peer:${string}`;
  /** The last of that device's files applied here. */
  seq: number;
  /** That device's local ids of the ratings stored here: a rating sent twice is stored once. */
  received?: IdRanges;
}

/** As stored: the card prints as one JSON string (one string to copy, not 10,000 small arrays). */
export type StoredSelf = Omit<SyncSelf, 'cards'> & { cards: string | Record<string, CardPrint> };

export type SyncStateRow = StoredSelf | SyncPeer | SyncEdits | SyncDevices;

/** The device's bookkeeping as stored (a fresh copy), or undefined before the first sync. */
export async function readSelf(db: TifaDB): Promise<SyncSelf | undefined> {
  const row = (await db.syncState.get('self')) as StoredSelf | undefined;
  if (!row) return undefined;
  return { ...row, cards: typeof row.cards === 'string' ? (JSON.parse(row.cards) as SyncSelf['cards']) : row.cards };
}

export async function writeSelf(db: TifaDB, self: SyncSelf): Promise<void> {
  await db.syncState.put({ ...self, cards: JSON.stringify(self.cards) });
}

function newDeviceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return `d-${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')}`;
}

/** The device's bookkeeping; a device without one (first sync, or after 清除全部数据) becomes a new device. */
export async function getSyncSelf(db: TifaDB): Promise<SyncSelf> {
  return db.transaction('rw', db.syncState, async () => {
    const row = await readSelf(db);
    if (row) return row;
    const self: SyncSelf = {
      key: 'self',
      device: newDeviceId(),
      seq: 0,
      logCursor: 0,
      pushed: [],
      cards: {},
      settings: {},
      stamps: {},
      resets: {},
    };
    await writeSelf(db, self);
    return self;
  });
}

export async function peerSeq(db: TifaDB, device: string): Promise<number> {
  const row = (await db.syncState.get(`peer:${device}`)) as SyncPeer | undefined;
  return row?.seq ?? 0;
}

export function printOf(card: {
  edited?: { prompt?: string; answer?: string };
  suspended: 0 | 1;
  fsrs: { reps: number; state: number };
}): CardPrint {
  return [
    card.edited?.prompt ?? null,
    card.edited?.answer ?? null,
    card.suspended ? 1 : 0,
    card.fsrs.reps,
    card.fsrs.state === 0 ? 1 : 0,
  ];
}
