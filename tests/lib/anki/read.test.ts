// The Anki reader on packages made here with sql.js: schema 11 .apkg, a legacy .colpkg, and the newest
// zstd-compressed collection.anki21b; what each Anki card becomes in Tifa, with its schedule.
import { beforeAll, describe, expect, it } from 'vitest';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { readAnkiPackage } from '../../../lib/anki/read';
import { guessFieldMap, summarize } from '../../../lib/anki/read-plan';
import { buildAnkiRows, type AnkiChoice } from '../../../lib/anki/read-rows';
import { ankiDue } from '../../../lib/anki/read-schedule';
import type { AnkiCollection } from '../../../lib/anki/read-types';
import { latestPackage, legacyPackage, makeCollection } from './make-anki';
import { CRT, DAY, sampleCollection } from './sample';

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await initSqlJs();
});

const NOW = new Date(Date.UTC(2026, 5, 1, 2));

function choiceFor(col: AnkiCollection, keep = true): AnkiChoice {
  const s = summarize(col);
  return { decks: s.decks.map((d) => d.id), maps: Object.fromEntries(s.notetypes.map((nt) => [nt.id, nt.map])), keep };
}

/** The three ways a collection comes: .apkg (anki2), .colpkg (anki21), the newest (anki21b, schema 18). */
function packages(): Array<[string, () => Uint8Array]> {
  return [
    [
      'schema 11 .apkg (collection.anki2)',
      () => legacyPackage(makeCollection(SQL, sampleCollection(11)), 'collection.anki2', 2),
    ],
    [
      'legacy .colpkg (collection.anki21)',
      () => legacyPackage(makeCollection(SQL, sampleCollection(11)), 'collection.anki21', 2),
    ],
    [
      'newest package (zstd collection.anki21b, schema 18, stub anki2 beside it)',
      () => {
        const stub = makeCollection(SQL, {
          crt: CRT,
          decks: [{ id: 1, name: 'Default' }],
          notetypes: [{ id: 1, name: 'Basic', fields: ['Front', 'Back'], qfmts: ['{{Front}}'] }],
          notes: [
            {
              id: 1,
              guid: 'x',
              mid: 1,
              flds: ['Please update to the latest Anki version', 'then import the .colpkg/.apkg file again.'],
            },
          ],
          cards: [{ id: 1, nid: 1, did: 1 }],
        });
        return latestPackage(makeCollection(SQL, sampleCollection(18)), stub, 2);
      },
    ],
  ];
}

describe.each(packages())('%s', (_name, make) => {
  it('reads decks, note types, notes as plain text, cards and the review log', async () => {
    const col = await readAnkiPackage(make(), SQL);
    expect(col.media).toBe(2);
    expect(col.decks.find((d) => d.id === 1001)?.name).toBe('理论学习::全会精神');
    const qa = col.notetypes.find((nt) => nt.id === 10)!;
    expect(qa.fields).toEqual(['问题', '答案', '原文']);
    expect(col.notetypes.find((nt) => nt.id === 12)?.kind).toBe(1);
    expect(col.notetypes.find((nt) => nt.id === 11)?.templates).toEqual([['Front'], ['Back']]);
    expect(col.notes).toHaveLength(5);
    expect(col.notes[0].fields[1]).toBe('坚决维护核心地位、坚决维护集中统一领导');
    // HTML never survives: the script's and the image's content are gone, entities decoded.
    expect(col.notes[3].fields[0]).toBe('什么是新发展理念？');
    expect(col.notes[3].fields[1]).toBe('创新、协调、绿色、开放、共享 的发展理念');
    expect(col.cards).toHaveLength(7);
    expect(col.revlog).toHaveLength(4);
    // The filtered deck's card counts in its home deck, with its own due there.
    expect(col.cards.find((c) => c.id === 206)).toMatchObject({ did: 1002, due: 55 });
    expect(col.cards.find((c) => c.id === 201)).toMatchObject({ stability: 31.5, difficulty: 6.2 });
  });

  it('becomes Tifa cards with their schedule and review logs (保留复习进度)', async () => {
    const col = await readAnkiPackage(make(), SQL);
    const rows = buildAnkiRows(col, choiceFor(col), 'deck.apkg', NOW);
    expect(new Set(rows.sources.map((s) => s.title))).toEqual(new Set(['理论学习 › 全会精神', '时政数字']));
    expect(rows.skipped).toBe(1); // the note without an answer
    const byId = new Map(rows.cards.map((c) => [c.id, c]));
    expect(rows.cards).toHaveLength(6);
    const two = rows.cards.find((c) => c.prompt === '“两个维护”指的是什么？')!;
    expect(two.answer).toBe('坚决维护核心地位、坚决维护集中统一领导');
    expect(two.evidence[0].quote).toContain('会上强调');
    const [a, b] = two.evidence[0].marks![0];
    expect(two.evidence[0].quote.slice(a, b)).toBe(two.answer);
    // The FSRS memory state Anki keeps in cards.data is taken as it stands; due counts days from col.crt.
    expect(two.fsrs).toMatchObject({
      stability: 31.5,
      difficulty: 6.2,
      state: 2,
      scheduled_days: 30,
      reps: 5,
      lapses: 1,
    });
    expect(two.due.getTime()).toBe(CRT * 1000 + 100 * DAY);
    expect(two.fsrs.last_review?.getTime()).toBe(CRT * 1000 + 70 * DAY);
    // Basic (and reversed card): card 2 asks the other way.
    const forward = [...byId.values()].find((c) => c.prompt === '全面建成小康社会的目标年份')!;
    const reverse = [...byId.values()].find((c) => c.prompt === '2020年')!;
    expect(reverse.answer).toBe('全面建成小康社会的目标年份');
    // No memory state in cards.data: recomputed from the review log (three "good"), which comes along.
    expect(forward.fsrs.state).toBe(2);
    expect(forward.fsrs.stability).toBeGreaterThan(1);
    expect(forward.due.getTime()).toBe(CRT * 1000 + 40 * DAY);
    const logs = rows.logs.filter((l) => l.cardId === forward.id);
    expect(logs.map((l) => [l.rating, l.review.getTime()])).toEqual([
      [3, CRT * 1000 + DAY],
      [3, CRT * 1000 + DAY + 600_000],
      [3, CRT * 1000 + 2 * DAY],
    ]);
    expect(reverse.fsrs.state).toBe(0);
    // Cloze: one card per number, hint shown, the others revealed.
    const c1 = rows.cards.find((c) => c.answer === '2035年')!;
    expect(c1.prompt).toBe('填空：到＿＿＿＿基本实现社会主义现代化。');
    expect(c1.fsrs.state).toBe(1);
    expect(c1.due.getTime()).toBe((CRT + 3 * 86400 + 600) * 1000);
    const c2 = rows.cards.find((c) => c.answer === '社会主义现代化')!;
    expect(c2.prompt).toBe('填空：到2035年基本实现［四个字加五个字］。');
    expect(c2.suspended).toBe(1);
    // Neither cards.data nor a log: estimated from the interval (stability) and ease (difficulty).
    expect(c2.fsrs).toMatchObject({ stability: 10, difficulty: 5, state: 2 });
    const filtered = rows.cards.find((c) => c.prompt === '什么是新发展理念？')!;
    expect(filtered.due.getTime()).toBe(CRT * 1000 + 55 * DAY);
    expect(filtered.fsrs.lapses).toBe(2);
  });

  it('从新开始: every card new, no logs', async () => {
    const col = await readAnkiPackage(make(), SQL);
    const rows = buildAnkiRows(col, choiceFor(col, false), 'deck.apkg', NOW);
    expect(rows.cards.every((c) => c.fsrs.state === 0 && c.due.getTime() === NOW.getTime() && c.suspended === 0)).toBe(
      true,
    );
    expect(rows.logs).toHaveLength(0);
  });
});

describe('choices', () => {
  it('imports only the chosen decks, with the field mapping the user set', async () => {
    const col = await readAnkiPackage(legacyPackage(makeCollection(SQL, sampleCollection())), SQL);
    const choice = choiceFor(col);
    choice.decks = [1002];
    choice.maps[10] = { question: 1, answer: 0, quote: -1 };
    const rows = buildAnkiRows(col, choice, 'deck.apkg', NOW);
    expect(rows.sources.map((s) => s.title)).toEqual(['时政数字']);
    expect(rows.cards.map((c) => c.prompt).sort()).toEqual(
      ['2020年', '全面建成小康社会的目标年份', '创新、协调、绿色、开放、共享 的发展理念'].sort(),
    );
    expect(rows.cards.find((c) => c.prompt.startsWith('创新'))?.answer).toBe('什么是新发展理念？');
  });

  it('guesses 问题/答案/原文 from field names', () => {
    expect(guessFieldMap({ fields: ['问题', '答案', '原文'], kind: 0 })).toEqual({ question: 0, answer: 1, quote: 2 });
    expect(guessFieldMap({ fields: ['Front', 'Back'], kind: 0 })).toEqual({ question: 0, answer: 1, quote: -1 });
    expect(guessFieldMap({ fields: ['Back', 'Front', 'Extra'], kind: 0 })).toEqual({
      question: 1,
      answer: 0,
      quote: 2,
    });
    expect(guessFieldMap({ fields: ['Text', 'Back Extra'], kind: 1 })).toEqual({ question: 0, answer: 0, quote: 1 });
    expect(guessFieldMap({ fields: ['词条'], kind: 0 })).toEqual({ question: 0, answer: 0, quote: -1 });
  });

  it('reads learning due dates in seconds and review due dates in days', () => {
    expect(ankiDue({ type: 1, queue: 1, due: 1_800_000_000 }, CRT).getTime()).toBe(1_800_000_000_000);
    expect(ankiDue({ type: 1, queue: 3, due: 7 }, CRT).getTime()).toBe(CRT * 1000 + 7 * DAY);
    expect(ankiDue({ type: 2, queue: -1, due: 7 }, CRT).getTime()).toBe(CRT * 1000 + 7 * DAY);
  });
});
