// An independent reader: Debian's sqlite3 CLI opens the exported collection and finds every note,
// card, due date and review-log row that Tifa holds.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnkiExportData } from '../../../data/db/anki-export';
import { BEIJING, exportOf } from './fixture';

type Row = Record<string, number | string>;
let file: string;
let data: AnkiExportData;
let names: string[];

const query = (sql: string): Row[] =>
  JSON.parse(execFileSync('sqlite3', ['-json', file, sql], { encoding: 'utf8' }) || '[]') as Row[];
/** The study day (rollover 4:00, Beijing) of a moment, as a date string. */
const beijingDay = (d: Date) => new Date(d.getTime() - BEIJING * 60_000 - 4 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  const out = await exportOf();
  data = out.data;
  names = Object.keys(out.files).sort();
  file = join(mkdtempSync(join(tmpdir(), 'tifa-anki-')), 'collection.anki21');
  writeFileSync(file, out.files['collection.anki21']);
});

describe('the exported collection, read by sqlite3', () => {
  it('is a whole SQLite database inside a zip with the collection and an empty media map', () => {
    expect(names).toEqual(['collection.anki21', 'media']);
    expect(query('pragma integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });

  it('holds one note per card, with its question, answer and tags, found by guid', () => {
    expect(data.cards).toHaveLength(4);
    for (const card of data.cards) {
      const [note] = query(`select flds, tags, sfld from notes where guid = 'tifa-${card.id}'`);
      expect(note, card.id).toBeDefined();
      const fields = String(note.flds).split('\x1f');
      expect(fields).toHaveLength(5);
      expect(fields[0]).toBe(card.prompt.replace(/"/g, '&quot;'));
      expect(fields[1]).toBe(card.answer);
      expect(note.sfld).toBe(card.prompt);
      expect(String(note.tags)).toContain('提法文件::');
    }
  });

  it('gives each card its state, reps, lapses and due day', () => {
    const rows = query(
      `select n.guid, c.type, c.queue, c.reps, c.lapses, c.ivl, c.data,
              date(col.crt + c.due * 86400 - ${BEIJING * 60} - 4 * 3600, 'unixepoch') as dueDay, c.due
       from cards c join notes n on n.id = c.nid, col`,
    );
    expect(rows).toHaveLength(data.cards.length);
    for (const card of data.cards) {
      const row = rows.find((r) => r.guid === `tifa-${card.id}`)!;
      expect(row.reps, card.id).toBe(card.fsrs.reps);
      expect(row.lapses, card.id).toBe(card.fsrs.lapses);
      expect(row.type, card.id).toBe(card.fsrs.state);
      if (card.suspended) expect(row.queue).toBe(-1);
      if (card.fsrs.state === 2) {
        expect(row.queue).toBe(2);
        expect(row.dueDay, card.id).toBe(beijingDay(card.fsrs.due));
        expect(row.ivl).toBe(card.fsrs.scheduled_days);
      }
      if (card.fsrs.state !== 0) {
        const mem = JSON.parse(String(row.data)) as { s: number; d: number; dr: number };
        expect(mem.s).toBeCloseTo(card.fsrs.stability, 3);
        expect(mem.d).toBeCloseTo(card.fsrs.difficulty, 3);
        expect(mem.dr).toBe(0.9);
      }
    }
    // Each of the four kinds of card is in the fixture: review, relearning, learning, and new (suspended).
    expect(rows.map((r) => r.type).sort()).toEqual([0, 1, 2, 3]);
  });

  it('finds every review-log row, at its moment, with its rating and kind', () => {
    const rows = query(
      `select r.id, r.ease, r.type, n.guid from revlog r join cards c on c.id = r.cid join notes n on n.id = c.nid order by r.id`,
    );
    expect(rows).toHaveLength(data.logs.length);
    for (const card of data.cards) {
      const logs = data.logs
        .filter((l) => l.cardId === card.id)
        .sort((a, b) => a.review.getTime() - b.review.getTime());
      const mine = rows.filter((r) => r.guid === `tifa-${card.id}`);
      expect(mine, card.id).toHaveLength(logs.length);
      logs.forEach((log, i) => {
        // The id is the review's moment in ms; c1 and c2 were first rated in the same ms, so one moved by 1 ms.
        expect(Number(mine[i].id) - log.review.getTime()).toBeGreaterThanOrEqual(0);
        expect(Number(mine[i].id) - log.review.getTime()).toBeLessThan(5);
        expect(mine[i].ease).toBe(log.rating);
        expect(mine[i].type).toBe(log.state === 2 ? 1 : log.state === 3 ? 2 : 0);
      });
    }
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });
});
