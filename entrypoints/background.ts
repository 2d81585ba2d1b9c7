import { onMessage } from '@/data/messages';
import { openDashboardTab } from '@/components/open-dashboard';

export default defineBackground(() => {
  onMessage('ping', () => ({ version: browser.runtime.getManifest().version }));
  onMessage('openDashboard', ({ data }) => openDashboardTab(data));
});
