// Messages between the import page and the Anki import worker.
import type { AnkiSummary } from '@/lib/anki/read-plan';
import type { AnkiChoice } from '@/lib/anki/read-rows';
import type { AnkiImportResult } from '@/lib/anki/read-session';

export type AnkiRequest =
  { type: 'open'; name: string; bytes: ArrayBuffer } | { type: 'write'; choice: AnkiChoice; now: number };

export type AnkiReply =
  | { type: 'progress'; label: string; done?: number; total?: number }
  | { type: 'summary'; summary: AnkiSummary }
  | { type: 'written'; result: AnkiImportResult }
  | { type: 'error'; message: string };
