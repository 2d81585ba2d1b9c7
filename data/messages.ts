// The one message protocol between content scripts, extension pages and the background.
// Every message is declared here once; handlers live in entrypoints/background.ts.
import { defineExtensionMessaging } from '@webext-core/messaging';

export interface PingResult {
  version: string;
}

interface ProtocolMap {
  /** Liveness and version check, used by pages and tests. */
  ping(): PingResult;
  /** Opens (or focuses) the dashboard tab, optionally at a section like "#cards". */
  openDashboard(hash?: string): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
