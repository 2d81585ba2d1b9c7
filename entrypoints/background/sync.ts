// Sync in the background (docs/sync.md): on a schedule, at browser start and on demand, one at a
// time. The address, user name and app password live only in the extension's storage.local; with
// sync off there is no alarm and no request at all.
import { db } from '@/data/db/schema';
import { toChineseMessage } from '@/data/db/errors';
import type { SyncSetup, SyncStatus } from '@/data/messages';
import { DavClient, SyncError } from '@/lib/sync/webdav';
import { syncOnce, testConnection, type SyncSummary } from '@/lib/sync/run';
import { ensureDeckLoaded } from './deck';

export const SYNC_ALARM = 'tifa-sync';
const CONFIG_KEY = 'tifaSyncConfig';
const STATUS_KEY = 'tifaSyncStatus';
const EVERY_MINUTES = 30;

interface Config extends SyncSetup {
  enabled: boolean;
}

interface Stored {
  lastAt?: string;
  summary?: SyncSummary;
  error?: string;
}

let running: Promise<SyncStatus> | undefined;
/** Cleared before the result is stored, so a page that hears of the new status reads it as finished. */
let busy = false;

async function readConfig(): Promise<Config | undefined> {
  const got = await browser.storage.local.get(CONFIG_KEY);
  const c = got[CONFIG_KEY] as Config | undefined;
  return c && typeof c.url === 'string' && c.enabled ? c : undefined;
}

async function readStored(): Promise<Stored> {
  return ((await browser.storage.local.get(STATUS_KEY))[STATUS_KEY] as Stored | undefined) ?? {};
}

export async function getSyncStatus(): Promise<SyncStatus> {
  const [config, stored] = await Promise.all([readConfig(), readStored()]);
  return { enabled: !!config, url: config?.url, user: config?.user, running: busy, ...stored };
}

const messageOf = (err: unknown) => (err instanceof SyncError ? err.message : toChineseMessage(err));

async function allowed(dav: DavClient): Promise<boolean> {
  return browser.permissions.contains({ origins: [`${dav.origin}/*`] });
}

const NO_PERMISSION = '提法没有访问同步服务器的权限：请在 学习中心 → 设置 → 同步 中重新连接。';

async function run(): Promise<SyncStatus> {
  const config = await readConfig();
  if (!config) return getSyncStatus();
  let result: Stored;
  busy = true;
  try {
    const dav = new DavClient(config);
    if (!(await allowed(dav))) throw new SyncError(NO_PERMISSION, 'permission');
    await ensureDeckLoaded();
    const now = new Date();
    result = { lastAt: now.toISOString(), summary: await syncOnce(db, dav, now) };
  } catch (err) {
    result = { ...(await readStored()), error: messageOf(err) };
  } finally {
    busy = false;
  }
  await browser.storage.local.set({ [STATUS_KEY]: result });
  return getSyncStatus();
}

/** One sync; a sync already under way is joined, not doubled. */
export function syncNow(): Promise<SyncStatus> {
  running ??= run().finally(() => (running = undefined));
  return running;
}

export async function setupSync(input: SyncSetup): Promise<SyncStatus> {
  const config: Config = { url: input.url.trim(), user: input.user.trim(), password: input.password, enabled: true };
  try {
    if (!config.user || !config.password) throw new SyncError('请填写用户名和应用密码。', 'invalid');
    const dav = new DavClient(config);
    config.url = dav.url('');
    if (!(await allowed(dav)))
      throw new SyncError(
        '没有得到访问这个服务器的权限，请再点一次“连接并同步”，在浏览器的提示中选择“允许”。',
        'permission',
      );
    await testConnection(dav);
  } catch (err) {
    throw new Error(messageOf(err));
  }
  await browser.storage.local.set({ [CONFIG_KEY]: config, [STATUS_KEY]: {} });
  await browser.alarms.create(SYNC_ALARM, { periodInMinutes: EVERY_MINUTES, delayInMinutes: EVERY_MINUTES });
  return syncNow();
}

/** Off: the password is forgotten, the schedule removed; the study data stays as it is. */
export async function stopSync(): Promise<SyncStatus> {
  await browser.alarms.clear(SYNC_ALARM);
  await browser.storage.local.remove([CONFIG_KEY, STATUS_KEY]);
  return getSyncStatus();
}

export function watchSync(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void syncNow();
  });
  browser.runtime.onStartup.addListener(() => {
    void readConfig().then((config) => config && syncNow());
  });
}
