// The context menu's "用所选文字制作卡片" where Tifa's content script is not running (any site the
// user has not turned on): the e2e suite cannot grant the menu click's activeTab, so this path is
// checked here, against a stand-in browser: no content script answers, the selection is read by
// injecting readSelection, the notice by injecting showPageNotice; when even injection is refused
// (the browser's own pages), the menu's selectionText is used and the badge tells the outcome.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSelection, showPageNotice } from '../../components/content/selection';
import { getDb } from '../../data/db/schema';
import { listenContextMenu } from '../../entrypoints/background/context-menu';

type Listener = (info: Record<string, unknown>, tab: Record<string, unknown>) => void;

const TAB = { id: 7, title: '国务院新闻办发布会--中国政府网', url: 'https://example.org/news/1.html' };
const PAGE_SELECTION = {
  sentence: '贫困人口从2012年年底的9899万人减到2019年年底的551万人。',
  selection: '551万人',
  pageTitle: TAB.title,
  url: TAB.url,
};

let clicked: Listener;
let executeScript: ReturnType<typeof vi.fn>;
let setBadgeText: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fakeBrowser.reset();
  const stand = fakeBrowser as unknown as Record<string, unknown>;
  stand.contextMenus = {
    removeAll: async () => {},
    create: () => {},
    onClicked: { addListener: (listener: Listener) => (clicked = listener) },
  };
  executeScript = vi.fn();
  stand.scripting = { executeScript };
  setBadgeText = vi.fn(async () => {});
  stand.action = { setBadgeText, setBadgeBackgroundColor: async () => {}, setTitle: async () => {} };
  // No content script in the tab: the message finds no receiver.
  const runtime: { lastError?: { message: string } } = {};
  vi.stubGlobal('chrome', {
    runtime,
    tabs: {
      sendMessage: (_tab: number, _message: unknown, _options: unknown, reply: (answer: unknown) => void) => {
        runtime.lastError = { message: 'Could not establish connection. Receiving end does not exist.' };
        reply(undefined);
      },
    },
  });
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  listenContextMenu();
});

afterEach(async () => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  // The background's one database: emptied, not deleted (a deleted Dexie instance stays closed).
  const db = getDb();
  await Promise.all(db.tables.map((table) => table.clear()));
});

/** Clicks the menu item, then waits until the outcome has been shown (in the page or on the badge). */
async function click(info: Record<string, unknown>): Promise<void> {
  clicked({ menuItemId: 'tifa-make-card', pageUrl: TAB.url, ...info }, TAB);
  await vi.waitFor(() =>
    expect(
      executeScript.mock.calls.some(([call]) => call.func === showPageNotice) || setBadgeText.mock.calls.length > 0,
    ).toBe(true),
  );
}

describe('context menu without a content script', () => {
  it('injects readSelection, makes the card, and injects the notice', async () => {
    executeScript.mockImplementation(async ({ func }: { func: unknown }) => [
      { result: func === readSelection ? PAGE_SELECTION : undefined },
    ]);
    await click({ selectionText: '551万人' });
    const [[read], [notice]] = executeScript.mock.calls;
    expect(read).toMatchObject({ target: { tabId: 7 }, func: readSelection });
    expect(notice).toMatchObject({ target: { tabId: 7 }, func: showPageNotice });
    expect(notice.args[1]).toBe('done');
    expect(notice.args[0]).toContain('已制作卡片');
    const cards = await getDb().cards.toArray();
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ answer: '551万人' });
    expect(cards[0].prompt).toBe('贫困人口从2012年年底的9899万人减到2019年年底的＿＿＿＿。');
  });

  it('reads the selection of the frame that was clicked', async () => {
    executeScript.mockImplementation(async ({ func }: { func: unknown }) => [
      { result: func === readSelection ? PAGE_SELECTION : undefined },
    ]);
    await click({ selectionText: '551万人', frameId: 3 });
    expect(executeScript.mock.calls[0][0].target).toEqual({ tabId: 7, frameIds: [3] });
  });

  it('where nothing may be injected, falls back on the menu’s own text, and says on the badge why no card was made', async () => {
    executeScript.mockRejectedValue(new Error('Cannot access a chrome:// URL'));
    await click({ selectionText: '551万人' });
    // The menu gives the selection alone, without its sentence: no cloze can be made from it.
    expect(await getDb().cards.count()).toBe(0);
    expect(setBadgeText).toHaveBeenCalledWith({ tabId: 7, text: '!' });
    expect(console.warn).toHaveBeenCalledWith(
      '提法：制作卡片失败',
      expect.objectContaining({ message: expect.stringContaining('完整的句子') }),
    );
  });

  it('with nothing selected anywhere, makes nothing and says so', async () => {
    executeScript.mockImplementation(async ({ func }: { func: unknown }) => [
      { result: func === readSelection ? null : undefined },
    ]);
    await click({ selectionText: '' });
    expect(await getDb().cards.count()).toBe(0);
    const notice = executeScript.mock.calls.find(([call]) => call.func === showPageNotice)![0];
    expect(notice.args).toEqual(['提法：没有读到所选文字。请先在网页上选中一句话中的数字或词语。', 'error']);
  });
});
