import { sendMessage } from '@/data/messages';

/** Tells the background the store changed (badge, term states); a sleeping background recomputes on wake. */
export function notifyStore(): void {
  sendMessage('storeChanged', undefined).catch(() => {});
}
