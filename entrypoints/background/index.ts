import { onMessage } from '@/data/messages';
import { openDashboardTab, openExtensionPage } from '@/components/open-dashboard';
import { bumpProgress } from '@/components/progress-stamp';
import { installDeck, getTermIndex, forgetTermIndex } from './deck';
import { refreshBadge, watchDayChange } from './badge';
import { getSiteState, setSiteEnabled, restoreUserSites } from './sites';
import { addToStudy, rateFromPage, termCardInfo, termStates, recordSighting } from './term-card';
import { setupContextMenu, listenContextMenu, makeCardFromSelection } from './context-menu';

// Wiring only: each feature's logic lives in its own file beside this one.
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // On install and on every update: the bundled deck may have changed; progress is kept.
    void installDeck(reason).then(refreshBadge);
    setupContextMenu();
  });
  browser.runtime.onStartup.addListener(() => {
    void refreshBadge();
    void restoreUserSites();
  });
  watchDayChange();
  listenContextMenu();

  onMessage('ping', () => ({ version: browser.runtime.getManifest().version }));
  onMessage('openDashboard', ({ data }) => openDashboardTab(data));
  onMessage('openQuiz', () => openExtensionPage('quiz'));
  onMessage('storeChanged', () => (forgetTermIndex(), Promise.all([refreshBadge(), bumpProgress()]).then(() => {})));
  onMessage('getTermIndex', () => getTermIndex());
  onMessage('getTermStates', () => termStates());
  onMessage('getTermCard', ({ data }) => termCardInfo(data));
  onMessage('rateFromPage', ({ data }) => rateFromPage(data.cardId, data.rating));
  onMessage('addToStudy', ({ data }) => addToStudy(data));
  onMessage('recordSighting', ({ data }) => recordSighting(data));
  onMessage('getSiteState', ({ data }) => getSiteState(data));
  onMessage('setSiteEnabled', ({ data }) => setSiteEnabled(data.host, data.enabled));
  onMessage('makeCardFromSelection', ({ data }) => makeCardFromSelection(data));
});
