// The collection writer's batched INSERTs (20 rows a statement, the rest one by one) and the revlog ids
// of reviews in the same ms: every row written is read back as it was mapped, none lost or doubled.
import { describe, expect, it } from 'vitest';
import { claimId, toAnkiRows, type ExportCard, type ExportLog } from '../../../lib/anki/map';
import { writeCollection } from '../../../lib/anki/write';
import { loadSql } from './fixture';

const NOW = new Date(Date.UTC(2026, 5, 1, 2));
const DAY = 86_400_000;

function input(cardCount: number) {
  const cards: ExportCard[] = [];
  const logs: ExportLog[] = [];
  for (let i = 0; i < cardCount; i++) {
    const state = i % 3 === 0 ? 0 : 2;
    const last = NOW.getTime() - 10 * DAY;
    cards.push({
      id: `statement:c${i}`,
      kind: 'statement',
      prompt: `第${i}问`,
      answer: `第${i}答`,
      evidence: [{ source: 's', quote: `第${i}答在此` }],
      sourceIds: ['s'],
      importance: i / cardCount,
      suspended: 0,
      fsrs: {
        due: new Date(last + 5 * DAY),
        stability: state ? 5 : 0,
        difficulty: state ? 5 : 0,
        scheduled_days: state ? 5 : 0,
        learning_steps: 0,
        reps: state ? 3 : 0,
        lapses: 0,
        state,
      },
    });
    // Every studied card's three reviews fall in the same three ms as every other card's.
    if (state)
      for (let k = 0; k < 3; k++)
        logs.push({
          cardId: `statement:c${i}`,
          rating: 3,
          state: k ? 2 : 0,
          scheduled_days: k,
          review: new Date(last - (3 - k) * DAY),
        });
  }
  return {
    cards,
    logs,
    sources: [{ id: 's', file: 's.txt', title: '测试' }],
    now: NOW,
    clock: { rollover: 4, utcOffsetMinutesWest: -480 },
    desiredRetention: 0.9,
    learningSteps: 2,
    relearningSteps: 1,
  };
}

describe('writeCollection', () => {
  it.each([1, 19, 20, 47, 203])('writes all rows of %i cards, batched or not, as mapped', async (n) => {
    const SQL = await loadSql();
    const rows = toAnkiRows(input(n));
    const db = new SQL.Database(writeCollection(SQL, rows));
    try {
      const all = (sql: string) => db.exec(sql)[0]?.values ?? [];
      expect(all('select id, guid, flds, sfld, csum from notes order by id')).toEqual(
        [...rows.notes].sort((a, b) => a.id - b.id).map((r) => [r.id, r.guid, r.flds, r.sfld, r.csum]),
      );
      expect(all('select id, nid, type, queue, due, ivl, data from cards order by id')).toEqual(
        [...rows.cards].sort((a, b) => a.id - b.id).map((r) => [r.id, r.nid, r.type, r.queue, r.due, r.ivl, r.data]),
      );
      expect(all('select id, cid, ease, ivl, lastIvl, type from revlog order by id')).toEqual(
        [...rows.revlog].sort((a, b) => a.id - b.id).map((r) => [r.id, r.cid, r.ease, r.ivl, r.lastIvl, r.type]),
      );
      expect(rows.revlog).toHaveLength(3 * (n - Math.ceil(n / 3)));
    } finally {
      db.close();
    }
  });

  it('gives reviews in the same ms consecutive free ids, as probing one by one would', () => {
    const taken = new Map<number, number>();
    const probe = new Set<number>();
    const wants = [5, 5, 5, 7, 6, 5, 100, 99, 99, 8, 5, 12, 9];
    for (const w of wants) {
      let id = w;
      while (probe.has(id)) id++;
      probe.add(id);
      expect(claimId(w, taken)).toBe(id);
    }
  });
});
