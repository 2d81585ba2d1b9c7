// Who may change study data from outside the extension's pages: the sender checks, and the
// one-time tickets with which the hover card's rating and "加入学习" must come.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  ACTIONS_PER_MINUTE,
  createTickets,
  isContentScript,
  isExtensionPage,
  only,
  REFUSED,
  STALE,
  TICKET_LIFETIME_MS,
  TOO_MANY,
  type Ticket,
  type TicketStore,
} from '../../entrypoints/background/guard';

function memoryStore(): TicketStore & { size(): number } {
  const map = new Map<string, Ticket>();
  return {
    get: async (key) => map.get(key),
    set: async (key, ticket) => void map.set(key, ticket),
    remove: async (key) => void map.delete(key),
    size: () => map.size,
  };
}

beforeEach(() => fakeBrowser.reset());

describe('senders', () => {
  const ownPage = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });
  const ownPageInTab = () => ({ ...ownPage(), tab: { id: 3 } });
  const contentScript = () => ({ id: fakeBrowser.runtime.id, url: 'https://www.people.com.cn/a.html', tab: { id: 3 } });
  const otherExtension = () => ({ id: 'someone-else', url: 'https://www.people.com.cn/a.html', tab: { id: 3 } });

  it.each([
    ['the popup', ownPage, true, false],
    ['the dashboard open in a tab', ownPageInTab, true, false],
    ['the content script in a page', contentScript, false, true],
    ['another extension', otherExtension, false, false],
    ['no sender id', () => ({ url: 'https://x.test/', tab: { id: 1 } }), false, false],
  ])('%s', (_, sender, page, script) => {
    expect(isExtensionPage(sender() as never)).toBe(page);
    expect(isContentScript(sender() as never)).toBe(script);
  });

  it('only() refuses in Chinese and never runs the handler for another sender', () => {
    let ran = 0;
    const handler = only(isExtensionPage, () => ++ran);
    expect(() => handler({ sender: contentScript() } as never)).toThrow(REFUSED);
    expect(ran).toBe(0);
    expect(handler({ sender: ownPage() } as never)).toBe(1);
  });
});

describe('tickets', () => {
  let n = 0;
  const make = () => {
    const store = memoryStore();
    return { store, tickets: createTickets(store, () => `t${++n}`) };
  };
  const NOW = Date.UTC(2026, 0, 5, 8);

  it('a ticket opens one action, for its tab and note, once', async () => {
    const { store, tickets } = make();
    const key = await tickets.issue(7, 'note-a', NOW);
    await expect(tickets.redeem(key, 7, 'note-a', NOW + 1000)).resolves.toBeUndefined();
    await expect(tickets.redeem(key, 7, 'note-a', NOW + 2000)).rejects.toThrow(STALE);
    expect(store.size()).toBe(0);
  });

  it.each([
    ['another tab', 8, 'note-a', 1000],
    ['another note', 7, 'note-b', 1000],
    ['too late', 7, 'note-a', TICKET_LIFETIME_MS + 1],
  ])('refused for %s, and used up all the same', async (_, tab, note, later) => {
    const { store, tickets } = make();
    const key = await tickets.issue(7, 'note-a', NOW);
    await expect(tickets.redeem(key, tab, note, NOW + later)).rejects.toThrow(STALE);
    expect(store.size()).toBe(0);
  });

  it.each([[undefined], [''], ['forged'], [42], ['x'.repeat(10_000)]])('refuses a made-up ticket %#', async (key) => {
    const { tickets } = make();
    await tickets.issue(7, 'note-a', NOW);
    await expect(tickets.redeem(key, 7, 'note-a', NOW)).rejects.toThrow(STALE);
  });

  it(`lets a tab act at most ${ACTIONS_PER_MINUTE} times a minute`, async () => {
    const { tickets } = make();
    for (let i = 0; i < ACTIONS_PER_MINUTE; i++) {
      const key = await tickets.issue(7, 'note-a', NOW);
      await tickets.redeem(key, 7, 'note-a', NOW + i);
    }
    const key = await tickets.issue(7, 'note-a', NOW);
    await expect(tickets.redeem(key, 7, 'note-a', NOW + 100)).rejects.toThrow(TOO_MANY);
    // Another tab is not held back, and a minute later this one may act again.
    await tickets.redeem(await tickets.issue(9, 'note-a', NOW), 9, 'note-a', NOW + 100);
    await tickets.redeem(await tickets.issue(7, 'note-a', NOW + 61_000), 7, 'note-a', NOW + 61_000);
  });
});
