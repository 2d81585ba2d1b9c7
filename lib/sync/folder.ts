// One device's folder on the server (docs/sync.md): its files by seq, its snapshots (compaction),
// leftover uploads; whole-file uploads (temporary name, then MOVE) and checked downloads.
import { MAX_FILE_BYTES, parseFileName, parseSyncFile, type ParsedFile } from '@/data/sync/format';
import { parseSnapshotName } from '@/data/sync/snapshot';
import { SyncError, type DavClient } from './webdav';

export const ROOT = 'tifa-sync/v1';
export const DEVICES = `${ROOT}/devices`;

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface Snapshot {
  name: string;
  from: number;
  to: number;
  hash: string;
}

export interface DeviceFolder {
  /** Complete files by seq. */
  files: Map<number, string>;
  /** Snapshots, each standing for the files from…to. */
  snapshots: Snapshot[];
  /** Uploads cut before their MOVE. */
  parts: string[];
}

export async function listDevice(dav: DavClient, device: string): Promise<DeviceFolder> {
  const folder: DeviceFolder = { files: new Map(), snapshots: [], parts: [] };
  for (const entry of await dav.list(`${DEVICES}/${device}`)) {
    if (entry.dir) continue;
    const file = parseFileName(entry.name);
    const snap = parseSnapshotName(entry.name);
    if (file) folder.files.set(file.seq, entry.name);
    else if (snap) folder.snapshots.push({ name: entry.name, ...snap });
    else if (entry.name.startsWith('.part-')) folder.parts.push(entry.name);
  }
  return folder;
}

/** The last seq a device's folder stands for. */
export const lastSeq = (f: DeviceFolder) => Math.max(0, ...f.files.keys(), ...f.snapshots.map((s) => s.to));

/**
 * Uploads under a temporary name, then MOVEs it to its name: the name appears with all its bytes or
 * not at all. A content-addressed name already there (412) holds these very bytes: fine.
 */
export async function uploadWhole(
  dav: DavClient,
  device: string,
  name: string,
  body: string,
  overwrite = false,
): Promise<void> {
  const temp = `${DEVICES}/${device}/.part-${crypto.randomUUID()}`;
  await dav.put(temp, body);
  try {
    await dav.move(temp, `${DEVICES}/${device}/${name}`, overwrite);
  } catch (err) {
    await dav.remove(temp).catch(() => undefined);
    if (!overwrite && err instanceof SyncError && err.status === 412) return;
    throw err;
  }
}

/** Reads a file or snapshot, checks its hash against its name, and parses it (a problem in Chinese). */
export async function readSyncFile(
  dav: DavClient,
  device: string,
  name: string,
  expect: { seq: number; from?: number; hash: string },
): Promise<ParsedFile & { bytes: number }> {
  const text = await dav.getText(`${DEVICES}/${device}/${name}`, MAX_FILE_BYTES);
  const bytes = new TextEncoder().encode(text).length;
  if ((await sha256Hex(text)).slice(0, 16) !== expect.hash) return { problem: '同步文件不完整或已损坏', bytes };
  return { ...parseSyncFile(text, { device, seq: expect.seq, from: expect.from }), bytes };
}
