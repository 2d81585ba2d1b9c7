// Messages between the dashboard and its Anki export worker.
import type { AnkiScope } from '@/data/db/anki-export';

export interface AnkiExportRequest {
  scope: AnkiScope;
  /** ms since 1970: the export's moment (the worker reads no clock). */
  now: number;
  /** Date#getTimezoneOffset at the export: Anki counts days in the user's zone. */
  utcOffsetMinutesWest: number;
}

export interface AnkiExportProgress {
  label: string;
  done?: number;
  total?: number;
}

export type AnkiExportReply =
  | ({ type: 'progress' } & AnkiExportProgress)
  /** The .apkg as a Blob made in the worker: its bytes never enter the page's heap (no copy, no GC pause). */
  | { type: 'done'; file: Blob; notes: number; revlog: number }
  | { type: 'error'; message: string };
