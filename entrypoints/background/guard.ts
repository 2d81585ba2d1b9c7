// Who may change study data. Web pages cannot message the extension (no externally_connectable),
// but a page can drive what Tifa puts into it; so the background checks each data-changing
// message's sender, and accepts a rating or "加入学习" from a tab only for the card the user
// opened there: getTermCard hands out a one-time ticket per open card and tab, the action must
// present it, and each tab gets a few such actions a minute.
import type { Browser } from 'wxt/browser';

type Sender = Browser.runtime.MessageSender;

/** The words the user sees when a request is refused; nothing more is told to the caller. */
export const REFUSED = '这个请求不是来自提法自己的页面，已拒绝。';
export const STALE = '这张卡片已过期，请把鼠标移开后重新打开它。';
export const TOO_MANY = '操作太频繁，请稍后再试。';

function extensionOrigin(): string {
  return new URL(browser.runtime.getURL('/')).origin;
}

/** A message from the extension's own pages (popup, dashboard, quiz). */
export function isExtensionPage(sender: Sender): boolean {
  return sender.id === browser.runtime.id && !!sender.url && new URL(sender.url).origin === extensionOrigin();
}

/** A message from Tifa's content script in a web page's tab. */
export function isContentScript(sender: Sender): boolean {
  return sender.id === browser.runtime.id && sender.tab?.id !== undefined && !isExtensionPage(sender);
}

/** Wraps a handler so it runs only for senders `allowed` accepts. */
export function only<M extends { sender: Sender }, R>(
  allowed: (sender: Sender) => boolean,
  handler: (message: M) => R,
): (message: M) => R {
  return (message) => {
    if (!allowed(message.sender)) throw new Error(REFUSED);
    return handler(message);
  };
}

export interface Ticket {
  tab: number;
  noteId: string;
  issued: number;
}

/** Where tickets live: storage.session in the extension (it outlives the worker's restarts, and content scripts cannot read it). */
export interface TicketStore {
  get(key: string): Promise<Ticket | undefined>;
  set(key: string, ticket: Ticket): Promise<void>;
  remove(key: string): Promise<void>;
}

export const TICKET_LIFETIME_MS = 60 * 60 * 1000;
export const ACTIONS_PER_MINUTE = 12;

export function sessionTickets(): TicketStore {
  const area = () => browser.storage.session;
  const name = (key: string) => `ticket:${key}`;
  return {
    get: async (key) => (await area().get(name(key)))[name(key)] as Ticket | undefined,
    set: (key, ticket) => area().set({ [name(key)]: ticket }),
    remove: (key) => area().remove(name(key)),
  };
}

export function createTickets(store: TicketStore, random: () => string = () => crypto.randomUUID()) {
  const recent = new Map<number, number[]>();
  return {
    /** A fresh ticket for the card of `noteId` opened in `tab`. */
    async issue(tab: number, noteId: string, now: number): Promise<string> {
      const key = random();
      await store.set(key, { tab, noteId, issued: now });
      return key;
    },
    /** Uses up a ticket; throws a Chinese message unless it was issued to this tab for this note and is fresh. */
    async redeem(key: unknown, tab: number, noteId: string, now: number): Promise<void> {
      const times = (recent.get(tab) ?? []).filter((t) => now - t < 60_000);
      if (times.length >= ACTIONS_PER_MINUTE) throw new Error(TOO_MANY);
      times.push(now);
      recent.set(tab, times);
      const ticket = typeof key === 'string' && key.length <= 64 ? await store.get(key) : undefined;
      if (ticket) await store.remove(key as string);
      if (!ticket || ticket.tab !== tab || ticket.noteId !== noteId || now - ticket.issued > TICKET_LIFETIME_MS)
        throw new Error(STALE);
    },
  };
}
