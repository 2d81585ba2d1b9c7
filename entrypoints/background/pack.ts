// The member's 学习资料包 in the background (docs/pack.md): on its own alarm and on the sync alarm,
// look for a new version (applied only when the member says so, in 学习中心 → 资料包) and, if the
// member shares readiness, refresh it. Without a subscription nothing runs and nothing is requested.
import { db } from '@/data/db/schema';
import { toChineseMessage } from '@/data/db/errors';
import { DavClient, SyncError } from '@/lib/sync/webdav';
import { findPack, shareReadiness } from '@/lib/pack/member';
import { PACK_ALARM, patchMember, readMember } from '@/lib/pack/store';
import { SYNC_ALARM } from './sync';

let running: Promise<void> | undefined;

async function check(): Promise<void> {
  const member = await readMember();
  if (!member) return;
  const dav = new DavClient(member);
  if (!(await browser.permissions.contains({ origins: [`${dav.origin}/*`] }))) return;
  const now = new Date();
  try {
    // Nothing published yet: the subscription waits, and a later check finds the first version.
    const found = await findPack(dav, member.manifest);
    let share = member.share;
    if (found && share && member.manifest) {
      await shareReadiness(db, dav, member.manifest, share, now);
      share = { ...share, at: now.toISOString() };
    }
    await patchMember({
      checkedAt: now.toISOString(),
      available: found?.fresh ? found.pack.pack : undefined,
      waiting: found ? undefined : true,
      error: undefined,
      share,
    });
  } catch (err) {
    await patchMember({
      checkedAt: now.toISOString(),
      error: err instanceof SyncError ? err.message : toChineseMessage(err),
    });
  }
}

export function watchPack(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== PACK_ALARM && alarm.name !== SYNC_ALARM) return;
    running ??= check().finally(() => (running = undefined));
  });
}
