// Messages between the import page and its worker.
import type { ExtractedDocument, ExtractErrorCode } from '@/lib/extract/types';
import type { Deck } from '@/data/knowledge/types';

export type WorkerRequest =
  | { type: 'file'; name: string; bytes: ArrayBuffer; mime?: string; sourceId?: string }
  | { type: 'text'; doc: ExtractedDocument; sourceId?: string };

/** What the worker is sent: an import, or `warm` (load pdf.js and run the engine once on a few lines, ahead of the first file; no reply). */
export type WorkerMessage = WorkerRequest | { type: 'warm' };

export interface ImportProgress {
  label: string;
  pages?: number;
  totalPages?: number;
  sentences?: number;
  cards?: number;
}

export type WorkerReply =
  | ({ type: 'progress' } & ImportProgress)
  | { type: 'done'; doc: ExtractedDocument; deck: Deck; sentences: number }
  | { type: 'error'; code: ExtractErrorCode; message: string };
