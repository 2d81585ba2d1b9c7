// A 学习资料包 folder over WebDAV (docs/pack.md), through the sync's own client and its Chinese errors.
// The organiser writes the version files and the pointer; a member reads them and writes only its own
// readiness file under members/. Every write is a PUT to a temporary name then a MOVE, so a reader
// never sees half a file; every file read is checked (hash in the name, schema) before it is used.
import {
  MAX_PACK_BYTES,
  MAX_SMALL_BYTES,
  MEMBER_FILE,
  MEMBERS,
  parsePack,
  parsePackFileName,
  parsePointer,
  parseReadiness,
  POINTER,
  type PackFile,
  type PackPointer,
  type Parsed,
  type ReadinessFile,
} from '@/data/pack/format';
import { sha256Hex } from '@/lib/sync/run';
import { SyncError, type DavClient } from '@/lib/sync/webdav';

/** The parsed value, or a SyncError with the problem in Chinese ('newer' for a file from a newer Tifa). */
export function orThrow<T>(parsed: Parsed<T>): T {
  if ('ok' in parsed) return parsed.ok;
  throw new SyncError(`${parsed.problem}。`, parsed.newer ? 'newer' : 'invalid');
}

/** The current version, or undefined when nothing was published in this folder yet. */
export async function readPointer(dav: DavClient): Promise<PackPointer | undefined> {
  let text: string;
  try {
    text = await dav.getText(POINTER, MAX_SMALL_BYTES);
  } catch (err) {
    if (err instanceof SyncError && err.code === 'not-found') return undefined;
    throw err;
  }
  return orThrow(parsePointer(text));
}

/**
 * The current version file, read whole and checked; refused (SyncError) when anything is wrong. Undefined
 * when the folder exists but nothing was published in it yet (a folder that does not exist is an error).
 */
export async function fetchPack(dav: DavClient): Promise<PackFile | undefined> {
  const pointer = await readPointer(dav);
  if (!pointer) {
    await dav.list('');
    return undefined;
  }
  const text = await dav.getText(pointer.file, MAX_PACK_BYTES);
  if ((await sha256Hex(text)).slice(0, 16) !== parsePackFileName(pointer.file)!.hash)
    throw new SyncError('学习资料包没有下载完整或已损坏，已拒绝，本机没有任何改动；请稍后再试。', 'invalid');
  return orThrow(parsePack(text, { pack: pointer.pack }));
}

/** PUT to a temporary name, then MOVE over `path` (a file that may exist: the pointer, a readiness file). */
export async function replaceFile(dav: DavClient, folder: string, name: string, body: string): Promise<void> {
  const prefix = folder ? `${folder}/` : '';
  const temp = `${prefix}.part-${crypto.randomUUID()}`;
  await dav.put(temp, body);
  try {
    await dav.request('MOVE', temp, { headers: { Destination: dav.url(`${prefix}${name}`), Overwrite: 'T' } });
  } catch (err) {
    await dav.remove(temp).catch(() => undefined);
    throw err;
  }
}

/** More members than any branch has; a folder flooded with files is not read to the end. */
const MAX_MEMBERS = 500;

export interface MemberReadiness extends ReadinessFile {
  file: string;
}

/** Every member's readiness file; a broken or hostile one is left out and named in `problems`. */
export async function readReadiness(dav: DavClient): Promise<{ members: MemberReadiness[]; problems: string[] }> {
  const members: MemberReadiness[] = [];
  const problems: string[] = [];
  let entries;
  try {
    entries = await dav.list(MEMBERS);
  } catch (err) {
    if (err instanceof SyncError && err.code === 'not-found') return { members, problems };
    throw err;
  }
  const files = entries.filter((e) => !e.dir && MEMBER_FILE.test(e.name));
  if (files.length > MAX_MEMBERS)
    problems.push(`文件夹里的成员文件太多（${files.length} 个），只读取了前 ${MAX_MEMBERS} 个。`);
  for (const e of files.slice(0, MAX_MEMBERS)) {
    try {
      const text = await dav.getText(`${MEMBERS}/${e.name}`, MAX_SMALL_BYTES);
      members.push({ ...orThrow(parseReadiness(text)), file: e.name });
    } catch (err) {
      if (!(err instanceof SyncError)) throw err;
      problems.push(`一位成员的准备情况文件已忽略：${err.message}`);
    }
  }
  members.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return { members, problems };
}
