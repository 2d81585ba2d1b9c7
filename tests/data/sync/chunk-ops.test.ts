// Sync files stay readable: at most OPS_PER_FILE ops, and imported documents spread over files so no
// file grows past what a receiver accepts.
import { describe, expect, it } from 'vitest';
import {
  chunkOps,
  DOCUMENT_BYTES,
  MAX_FILE_BYTES,
  OPS_PER_FILE,
  opBytes,
  SYNC_VERSION,
  serializeFile,
  type SyncOp,
} from '../../../data/sync/format';
import { MAX_HISTORY_LOGS } from '../../../data/db/records-study';

const setting = (i: number): SyncOp => ({ t: 'setting', key: 'dailyNewLimit', value: i, at: new Date(0) });
const doc = (chars: number): SyncOp => ({
  t: 'document',
  doc: { text: { text: '提'.repeat(chars) } } as never,
  at: new Date(0),
});

/** A card's imported history as large as a row may be (MAX_HISTORY_LOGS reviews). */
const history = (i: number): SyncOp => ({
  t: 'history',
  uid: `d-00000000aaaa/h${i}`,
  history: {
    cardId: `anki-${i}`,
    noteId: `anki-n${i}`,
    last: new Date(0),
    logs: Array.from({ length: MAX_HISTORY_LOGS }, () => ({
      rating: 3,
      state: 2,
      due: new Date(0),
      stability: 12.5,
      difficulty: 5.25,
      elapsed_days: 3,
      last_elapsed_days: 2,
      scheduled_days: 12,
      learning_steps: 0,
      review: new Date(0),
    })),
  },
});

describe('chunkOps', () => {
  it('splits by count', () => {
    const chunks = chunkOps(Array.from({ length: OPS_PER_FILE * 2 + 1 }, (_, i) => setting(i)));
    expect(chunks.map((c) => c.length)).toEqual([OPS_PER_FILE, OPS_PER_FILE, 1]);
    expect(chunkOps([])).toEqual([]);
  });

  it('gives large documents files of their own, each under the size a receiver reads', () => {
    // Two fit in one file, not three.
    const big = Math.floor((DOCUMENT_BYTES / 3 / 2) * 0.9);
    const ops = [setting(1), doc(big), doc(big), doc(big), setting(2), doc(10)];
    const chunks = chunkOps(ops);
    expect(chunks.flat()).toEqual(ops);
    expect(chunks.map((c) => c.length)).toEqual([3, 3]);
    for (const chunk of chunks) {
      expect(chunk.reduce((n, op) => n + opBytes(op), 0)).toBeLessThanOrEqual(DOCUMENT_BYTES);
      const body = serializeFile({
        format: 'tifa-sync',
        version: 1,
        device: 'd-00000000aaaa',
        seq: 1,
        createdAt: new Date(0),
        ops: chunk,
      });
      expect(Buffer.byteLength(body)).toBeLessThan(MAX_FILE_BYTES);
    }
  });

  it('spreads the largest imported histories over files, each under the size a receiver reads', () => {
    const ops = Array.from({ length: 120 }, (_, i) => history(i));
    const chunks = chunkOps(ops);
    expect(chunks.flat()).toEqual(ops);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      const body = serializeFile({
        format: 'tifa-sync',
        version: SYNC_VERSION,
        device: 'd-00000000aaaa',
        seq: 1,
        createdAt: new Date(0),
        ops: chunk,
      });
      expect(Buffer.byteLength(body)).toBeLessThan(MAX_FILE_BYTES);
    }
  });
});
