// Where the 学习资料包 settings live on this computer: the extension's storage.local, like the sync's.
// The folder's address, user name and app password never go into IndexedDB, a backup or a message.
import type { PackManifest } from '@/data/pack/diff';
import type { PackChoice } from '@/data/db/pack-build';

/** The member's check for new versions, beside the sync alarm (which runs only when sync is on). */
export const PACK_ALARM = 'tifa-pack';
export const PACK_EVERY_MINUTES = 30;

export interface PackConnection {
  url: string;
  user: string;
  password: string;
}

export interface OrganiserState extends PackConnection {
  /** The last choice published, to start the next version from. */
  choice?: PackChoice;
  last?: { pack: number; at: string; documents: number; cards: number };
}

export interface MemberState extends PackConnection {
  /** The version applied here. */
  manifest?: PackManifest;
  /** Readiness sharing, when the member turned it on: the file's random id and the name typed. */
  share?: { id: string; name: string; at?: string };
  checkedAt?: string;
  /** A version in the folder not applied yet (found by the background check). */
  available?: number;
  /** The folder held no version at the last check: the organiser has not published yet. */
  waiting?: boolean;
  /** The last check's failure, in Chinese. */
  error?: string;
}

export const ORGANISER_KEY = 'tifaPackOrganiser';
export const MEMBER_KEY = 'tifaPackMember';

async function read<T>(key: string): Promise<T | undefined> {
  const value = (await browser.storage.local.get(key))[key] as T | undefined;
  return value && typeof value === 'object' && typeof (value as { url?: unknown }).url === 'string' ? value : undefined;
}

export const readOrganiser = () => read<OrganiserState>(ORGANISER_KEY);
export const readMember = () => read<MemberState>(MEMBER_KEY);

export async function saveOrganiser(state: OrganiserState): Promise<void> {
  await browser.storage.local.set({ [ORGANISER_KEY]: state });
}

/** Saves the member's state; undefined forgets the subscription (and its password). */
export async function saveMember(state: MemberState | undefined): Promise<void> {
  if (state) await browser.storage.local.set({ [MEMBER_KEY]: state });
  else await browser.storage.local.remove(MEMBER_KEY);
}

/** Merges a change into the stored member state (the background and the page both write it). */
export async function patchMember(patch: Partial<MemberState>): Promise<MemberState | undefined> {
  const current = await readMember();
  if (!current) return undefined;
  const next = { ...current, ...patch };
  await saveMember(next);
  return next;
}
