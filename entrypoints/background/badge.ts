import { DAY_ALARM, refreshBadge } from '@/lib/browser/badge';

export { refreshBadge };

export function watchDayChange(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DAY_ALARM) void refreshBadge();
  });
}
