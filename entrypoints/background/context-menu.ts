// "用所选文字制作卡片": selected text on any page becomes a cloze card, the page as its source.
// Where Tifa's content script runs (the news sites, sites the user turned on) it answers with the
// selection and shows the notice; anywhere else the menu click's activeTab grant lets us inject
// the same two functions with scripting.executeScript.
import type { Browser } from 'wxt/browser';
import { readSelection, showPageNotice } from '@/components/content/selection';
import { db } from '@/data/db/schema';
import { addSelectionCard } from '@/data/db/user-cards';
import { sendMessage, type SelectionCardRequest } from '@/data/messages';
import { refreshBadge } from './badge';

const MENU_ID = 'tifa-make-card';

export function setupContextMenu(): void {
  browser.contextMenus
    .removeAll()
    .then(() => browser.contextMenus.create({ id: MENU_ID, title: '用所选文字制作卡片', contexts: ['selection'] }));
}

export async function makeCardFromSelection(req: SelectionCardRequest): Promise<{ cardId: string; prompt: string }> {
  const card = await addSelectionCard(db, req, new Date());
  if (!card) throw new Error('所选文字不在一个完整的句子里。请选中句子中的一个数字或几个词语，再试一次。');
  return { cardId: card.id, prompt: card.prompt };
}

type Tab = Browser.tabs.Tab;
type ClickInfo = Browser.contextMenus.OnClickData;

/** The selection in the tab: from its content script, else injected, else the menu's own copy of the text. */
async function selectionIn(tab: Tab & { id: number }, info: ClickInfo): Promise<SelectionCardRequest | null> {
  try {
    // null when the selection is not in the top frame, where the content script runs.
    const answer = await sendMessage('readSelection', undefined, tab.id);
    if (answer) return answer;
  } catch {
    // No content script in this tab: fall through to injection.
  }
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId: tab.id, frameIds: info.frameId ? [info.frameId] : undefined },
      func: readSelection,
    });
    if (result?.result) return result.result as SelectionCardRequest;
  } catch {
    // A page no extension may script (the browser's own pages, the PDF viewer, the web store).
  }
  const selection = info.selectionText?.trim();
  // Without the page's text there is no sentence to blank the selection out of.
  return selection
    ? { sentence: selection, selection, pageTitle: tab.title ?? '', url: info.pageUrl ?? tab.url ?? '' }
    : null;
}

async function notify(tab: Tab & { id: number }, message: string, kind: 'done' | 'error'): Promise<void> {
  try {
    await sendMessage('showPageNotice', { message, kind }, tab.id);
    return;
  } catch {
    // No content script here.
  }
  try {
    await browser.scripting.executeScript({ target: { tabId: tab.id }, func: showPageNotice, args: [message, kind] });
  } catch {
    // Nowhere to show it in the page: the badge says it instead.
    await browser.action.setBadgeText({ tabId: tab.id, text: kind === 'done' ? '+1' : '!' });
    setTimeout(() => void browser.action.setBadgeText({ tabId: tab.id, text: '' }).then(refreshBadge), 3000);
  }
}

async function onMenuClick(info: ClickInfo, tab: Tab | undefined): Promise<void> {
  if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
  const target = tab as Tab & { id: number };
  try {
    const req = await selectionIn(target, info);
    if (!req) throw new Error('没有读到所选文字。请先在网页上选中一句话中的数字或词语。');
    const { prompt } = await makeCardFromSelection(req);
    await notify(target, `已制作卡片，今天起可在“提法”中复习：\n${prompt}`, 'done');
  } catch (error) {
    const message =
      error instanceof Error && /[\u4e00-\u9fff]/.test(error.message) ? error.message : '制作卡片失败，请稍后再试。';
    console.warn('提法：制作卡片失败', error);
    await notify(target, `提法：${message}`, 'error').catch(() => {});
  }
}

export function listenContextMenu(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab));
}
