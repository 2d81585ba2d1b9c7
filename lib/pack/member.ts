// A member's side of a 学习资料包 (docs/pack.md): check for a new version and what it changes, apply it
// on the member's word, and — only if the member opts in — share readiness per document under
// members/<random id>.json. Nothing else about the member's study leaves the computer.
import type { TifaDB } from '@/data/db/schema';
import { packReadiness } from '@/data/db/pack-apply';
import { MEMBERS, PACK_VERSION, READINESS_FORMAT, type PackFile, type ReadinessFile } from '@/data/pack/format';
import { packChanges, type PackChanges, type PackManifest } from '@/data/pack/diff';
import { SyncError, type DavClient } from '@/lib/sync/webdav';
import { fetchPack, replaceFile } from './folder';

export interface PackCheck {
  pack: PackFile;
  changes: PackChanges;
  /** True when the folder holds a version not applied here yet. */
  fresh: boolean;
}

/** The folder's current version and what it changes here; null while the organiser has published nothing. */
export async function findPack(dav: DavClient, manifest: PackManifest | undefined): Promise<PackCheck | null> {
  const pack = await fetchPack(dav);
  if (!pack) return null;
  return { pack, changes: packChanges(pack, manifest), fresh: pack.pack !== manifest?.pack };
}

/** findPack, for a folder that must hold a version: an error (in Chinese) while it holds none. */
export async function checkPack(dav: DavClient, manifest: PackManifest | undefined): Promise<PackCheck> {
  const found = await findPack(dav, manifest);
  if (!found) throw new SyncError(NOT_YET, 'not-found');
  return found;
}

/** What a member sees while the folder holds no version yet; the subscription stays. */
export const NOT_YET = '组织者还没有发布资料包，发布后会自动收到';

/** A new random id for this member's readiness file (m-…): it says nothing about who the member is. */
export function newMemberId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return `m-${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')}`;
}

/** Writes (or replaces) this member's readiness: the name the member typed, and per document only 已掌握, due, count. */
export async function shareReadiness(
  db: TifaDB,
  dav: DavClient,
  manifest: PackManifest,
  share: { id: string; name: string },
  now: Date,
): Promise<ReadinessFile> {
  const file: ReadinessFile = {
    format: READINESS_FORMAT,
    version: PACK_VERSION,
    name: share.name.trim().slice(0, 40),
    at: now,
    pack: manifest.pack,
    documents: await packReadiness(db, manifest, now),
  };
  await dav.ensureFolder(MEMBERS);
  await replaceFile(dav, MEMBERS, `${share.id}.json`, JSON.stringify(file));
  return file;
}

export async function stopSharing(dav: DavClient, id: string): Promise<void> {
  await dav.remove(`${MEMBERS}/${id}.json`);
}
