import { db } from '@/data/db/schema';
import { addSelectionCard } from '@/data/db/user-cards';
import type { SelectionCardRequest } from '@/data/messages';
import { refreshBadge } from './badge';

const MENU_ID = 'tifa-make-card';

export function setupContextMenu(): void {
  browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({ id: MENU_ID, title: '用所选文字制作卡片', contexts: ['selection'] }),
  );
}

/** Runs in the page (via scripting, granted by activeTab on the menu click): the sentence around the selection. */
function selectionContext(): { sentence: string; selection: string; pageTitle: string; url: string } | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const selection = sel.toString().trim();
  const range = sel.getRangeAt(0);
  let block: Node | null = range.commonAncestorContainer;
  while (block && block.nodeType !== 1) block = block.parentNode;
  const el = block as HTMLElement | null;
  const container = el?.closest('p, li, td, dd, blockquote, h1, h2, h3, h4, div, article, section') ?? el;
  const text = (container?.textContent ?? selection).replace(/\s+/g, ' ');
  const at = text.indexOf(selection);
  if (at < 0) return { sentence: selection, selection, pageTitle: document.title, url: location.href };
  const enders = /[。！？；!?;]/;
  let start = at;
  while (start > 0 && !enders.test(text[start - 1])) start--;
  let end = at + selection.length;
  while (end < text.length && !enders.test(text[end - 1] ?? '')) end++;
  return { sentence: text.slice(start, end).trim(), selection, pageTitle: document.title, url: location.href };
}

export async function makeCardFromSelection(req: SelectionCardRequest): Promise<{ cardId: string; prompt: string }> {
  const card = await addSelectionCard(db, req, new Date());
  if (!card) throw new Error('所选文字不在一个完整的句子里，请选中句子中的一个数字或词语后再试。');
  void refreshBadge();
  return { cardId: card.id, prompt: card.prompt };
}

export function listenContextMenu(): void {
  browser.contextMenus.onClicked.addListener(async (info, tab) => {
    if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
    try {
      const [result] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: selectionContext });
      const req = result?.result as SelectionCardRequest | null | undefined;
      if (!req?.selection) throw new Error('没有选中文字。');
      await makeCardFromSelection(req);
      await browser.action.setBadgeText({ tabId: tab.id, text: '+1' });
      setTimeout(() => void browser.action.setBadgeText({ tabId: tab.id, text: '' }).then(refreshBadge), 2000);
    } catch (err) {
      console.warn('提法：制作卡片失败', err);
    }
  });
}
