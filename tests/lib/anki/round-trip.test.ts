// Tifa → Anki → Tifa: the .apkg Tifa writes, read back by Tifa's own Anki importer, into a fresh store
// and into the store it came from. Every card keeps its id, text, evidence and schedule; no card and
// no review is doubled; reviews made in Anki after the export come back as newer progress.
import { describe, expect, it } from 'vitest';
import { writeAnkiImport } from '../../../data/db/anki-import';
import { allLogs } from '../../../data/db/logs';
import type { CardRow, ReviewLogRow, TifaDB } from '../../../data/db/schema';
import { readAnkiPackage } from '../../../lib/anki/read';
import { summarize } from '../../../lib/anki/read-plan';
import { buildAnkiRows, type AnkiChoice } from '../../../lib/anki/read-rows';
import type { AnkiCollection } from '../../../lib/anki/read-types';
import { studyDay } from '../../../lib/anki/schedule';
import { readAnkiExport } from '../../../data/db/anki-export';
import { buildApkg } from '../../../lib/anki/export';
import { freshDb, SETTINGS } from '../../data/db/helpers';
import { BEIJING, loadSql, NOW, storeWithHistory } from './fixture';

const CLOCK = { rollover: SETTINGS.dayStartHour, utcOffsetMinutesWest: BEIJING };
const DAY_MS = 86_400_000;

function choiceFor(col: AnkiCollection): AnkiChoice {
  const s = summarize(col);
  return {
    decks: s.decks.map((d) => d.id),
    maps: Object.fromEntries(s.notetypes.map((nt) => [nt.id, nt.map])),
    keep: true,
  };
}

/** The store with history, one card's evidence marked (the answer inside the quote), exported and read back. */
async function roundTrip() {
  const db = await storeWithHistory();
  await db.cards.update('c2', {
    evidence: [{ source: 's1', quote: '“扶持对象精准”是六个精准之一', marks: [[7, 11]] }],
  });
  const data = await readAnkiExport(db, { kind: 'all' });
  const apkg = buildApkg(await loadSql(), data, NOW, BEIJING);
  const col = await readAnkiPackage(apkg.bytes, await loadSql());
  return { db, data, col };
}

const rowsOf = (col: AnkiCollection) => buildAnkiRows(col, choiceFor(col), 'tifa.apkg', NOW);

const reviews = (logs: ReviewLogRow[], cardId: string) =>
  logs
    .filter((l) => l.cardId === cardId)
    .map((l) => ({ rating: l.rating, state: l.state, review: l.review.getTime() }))
    .sort((a, b) => a.review - b.review);

async function tables(db: TifaDB) {
  return {
    cards: await db.cards.toArray(),
    logs: await allLogs(db),
    notes: await db.notes.toArray(),
    sources: await db.sources.toArray(),
  };
}

/** What Anki's format can carry of a card: text, evidence's quote and marks, and the schedule (days for due, 3 places for s and d). */
function expectSameCard(got: CardRow, want: CardRow) {
  expect(got.id).toBe(want.id);
  expect(got.kind).toBe(want.kind);
  expect(got.prompt).toBe(want.edited?.prompt ?? want.prompt);
  expect(got.answer).toBe(want.edited?.answer ?? want.answer);
  // A list card comes back as a list card with its members (the 成员 field), in order.
  expect(got.members).toEqual(want.members);
  expect(got.evidence[0].quote).toBe(want.evidence[0].quote);
  expect(got.evidence[0].marks).toEqual(want.evidence[0].marks);
  expect(got.suspended).toBe(want.suspended);
  const [g, w] = [got.fsrs, want.fsrs];
  expect({ state: g.state, reps: g.reps, lapses: g.lapses }).toEqual({
    state: w.state,
    reps: w.reps,
    lapses: w.lapses,
  });
  if (w.state === 0) return;
  expect(g.stability).toBeCloseTo(w.stability, 3);
  expect(g.difficulty).toBeCloseTo(w.difficulty, 3);
  expect(studyDay(g.due, CLOCK)).toBe(studyDay(w.due, CLOCK));
  if (w.state === 2) expect(g.scheduled_days).toBe(Math.max(1, Math.round(w.scheduled_days)));
  expect(g.last_review?.getTime()).toBe(w.last_review?.getTime());
}

describe('round trip Tifa → Anki → Tifa', () => {
  it('into a fresh store: every card under its own id, with its text, evidence, schedule and reviews', async () => {
    const { data, col } = await roundTrip();
    const store = freshDb();
    const counts = await writeAnkiImport(store, rowsOf(col));
    const after = await tables(store);
    expect(counts).toMatchObject({ added: data.cards.length, existing: 0, logs: data.logs.length });
    expect(after.cards).toHaveLength(data.cards.length);
    expect(new Set(after.cards.map((c) => c.id))).toEqual(new Set(data.cards.map((c) => c.id)));
    // The fixture covers every state: new, learning, review, relearning, and a suspended card.
    expect(new Set(data.cards.map((c) => c.fsrs.state))).toEqual(new Set([0, 1, 2, 3]));
    expect(data.cards.some((c) => c.suspended)).toBe(true);
    for (const want of data.cards) {
      expectSameCard(
        after.cards.find((c) => c.id === want.id)!,
        want,
      );
      // Anki keys a review by its ms: two at the same ms (c1's and c2's first) move apart by one.
      const [got, exp] = [reviews(after.logs, want.id), reviews(data.logs, want.id)];
      expect(got.map(({ rating, state }) => ({ rating, state }))).toEqual(
        exp.map(({ rating, state }) => ({ rating, state })),
      );
      got.forEach((g, i) => expect(Math.abs(g.review - exp[i].review)).toBeLessThan(5));
    }
    expect(after.cards.find((c) => c.id === 'c2')!.evidence[0].marks).toEqual([[7, 11]]);
    expect(after.cards.find((c) => c.id === 'c1')).toMatchObject({
      kind: 'formulation-list',
      members: ['扶持对象精准', '项目安排精准'],
    });
  });

  it('into the store it came from: nothing added, nothing changed, no review doubled', async () => {
    const { db, col } = await roundTrip();
    const before = await tables(db);
    const counts = await writeAnkiImport(db, rowsOf(col));
    expect(counts).toMatchObject({ added: 0, existing: before.cards.length, logs: 0, documents: 0 });
    expect(await tables(db)).toEqual(before);
  });

  it('reviews made in Anki after the export come back: the newer schedule and only the new review', async () => {
    const { db, col } = await roundTrip();
    const before = await tables(db);
    const c1 = before.cards.find((c) => c.id === 'c1')!;
    const anki = col.cards.find((c) => col.notes.find((n) => n.id === c.nid)?.guid === 'tifa-c1')!;
    // Reviewed in Anki five days after the export: Good, next in 60 days.
    const reviewed = NOW.getTime() + 5 * DAY_MS;
    col.revlog.push({ id: reviewed, cid: anki.id, ease: 3, ivl: 60, type: 1 });
    Object.assign(anki, {
      due: Math.floor((reviewed - col.created * 1000) / DAY_MS) + 60,
      ivl: 60,
      reps: anki.reps + 1,
      stability: 80,
      difficulty: 4.5,
      lastReview: reviewed / 1000,
    });
    const counts = await writeAnkiImport(db, rowsOf(col));
    const after = await tables(db);
    expect(counts).toMatchObject({ added: 0, existing: before.cards.length, logs: 1 });
    const merged = after.cards.find((c) => c.id === 'c1')!;
    expect(merged).toMatchObject({ noteId: c1.noteId, prompt: c1.prompt, evidence: c1.evidence });
    expect(merged.fsrs).toMatchObject({ stability: 80, difficulty: 4.5, reps: c1.fsrs.reps + 1, scheduled_days: 60 });
    expect(merged.fsrs.last_review?.getTime()).toBe(reviewed);
    // Every other card as it was; c1's reviews are its old ones and the one from Anki, under c1's own note.
    expect(after.cards.filter((c) => c.id !== 'c1')).toEqual(before.cards.filter((c) => c.id !== 'c1'));
    expect(after.logs.slice(0, before.logs.length)).toEqual(before.logs);
    expect(after.logs.slice(before.logs.length)).toEqual([
      expect.objectContaining({ cardId: 'c1', noteId: c1.noteId, rating: 3, review: new Date(reviewed) }),
    ]);
  });

  it('an Anki note with a tifa- guid but another note type is an ordinary Anki note', async () => {
    const { col } = await roundTrip();
    const nt = col.notetypes.find((n) => col.notes.some((x) => x.mid === n.id))!;
    nt.name = 'Basic';
    const rows = rowsOf(col);
    expect(rows.cards.every((c) => c.id.startsWith('anki-'))).toBe(true);
  });
});
