import { onMessage } from '@/data/messages';
import { openDashboardTab, openExtensionPage } from '@/lib/browser/open-dashboard';
import { ensureDeckLoaded, installDeck, getTermIndex } from './deck';
import { followStore } from './store-watch';
import { refreshBadge, watchDayChange } from './badge';
import { getSiteState, setSiteEnabled, setStateColours, restoreUserSites } from './sites';
import { addToStudy, openTermCard, rateFromPage, termStates, recordSighting } from './term-card';
import { isContentScript, isExtensionPage, only } from './guard';
import { setupContextMenu, listenContextMenu, makeCardFromSelection } from './context-menu';
import { openWelcome } from './welcome';
import { getSyncStatus, setupSync, stopSync, syncNow, watchSync } from './sync';
import { watchPack } from './pack';

// Wiring only: each feature's logic lives in its own file beside this one.

type Message = Parameters<typeof onMessage>[0];

/** A message only the extension's own pages (popup, dashboard, quiz) may send. */
function fromPages<K extends Message>(type: K, handler: Parameters<typeof onMessage<K>>[1]): void {
  onMessage(type, only(isExtensionPage, handler));
}

/** A message only Tifa's content script in a tab may send. */
function fromTabs<K extends Message>(type: K, handler: Parameters<typeof onMessage<K>>[1]): void {
  onMessage(type, only(isContentScript, handler));
}

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // On install and on every update: the bundled deck may have changed; progress is kept.
    // A fresh install then opens the welcome page (after the deck, so it lists the documents).
    void installDeck(reason).then(() => Promise.all([refreshBadge(), openWelcome(reason)]));
    setupContextMenu();
  });
  browser.runtime.onStartup.addListener(() => {
    void refreshBadge();
    void restoreUserSites();
  });
  // Every time the worker starts: a first install that failed is retried (cheap when the deck is there).
  void ensureDeckLoaded();
  followStore();
  watchDayChange();
  listenContextMenu();
  watchSync();
  watchPack();

  onMessage('ping', () => ({ version: browser.runtime.getManifest().version }));
  onMessage('openDashboard', ({ data }) => openDashboardTab(data));
  onMessage('openQuiz', () => openExtensionPage('quiz'));
  // Data-changing messages come only from the extension's own pages or its content script in a tab.
  onMessage('getTermIndex', () => getTermIndex());
  onMessage('getTermStates', () => termStates());
  fromTabs('getTermCard', ({ data, sender }) => openTermCard(data, sender.tab!.id!));
  fromTabs('rateFromPage', ({ data, sender }) => rateFromPage(data, sender.tab!.id!));
  fromTabs('addToStudy', ({ data, sender }) => addToStudy(data, sender.tab!.id!));
  fromTabs('recordSighting', ({ data }) => recordSighting(data));
  onMessage('getSiteState', ({ data }) => getSiteState(data));
  fromPages('setSiteEnabled', ({ data }) => setSiteEnabled(data.host, data.enabled));
  fromPages('setStateColours', ({ data }) => setStateColours(data));
  fromPages('makeCardFromSelection', ({ data }) => makeCardFromSelection(data));
  fromPages('getSyncStatus', () => getSyncStatus());
  fromPages('setupSync', ({ data }) => setupSync(data));
  fromPages('syncNow', () => syncNow());
  fromPages('stopSync', () => stopSync());
});
