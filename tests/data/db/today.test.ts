// loadToday reads only the candidate cards through indexes; it must agree with the pure queue
// run over every card, whatever the mix of siblings, ties, suspended and retired cards.
import { describe, expect, it } from 'vitest';
import { freshDb, SETTINGS, T0, at } from './helpers';
import type { CardRow } from '../../../data/db/schema';
import { loadToday, loadTomorrow, studiedToday, toQueueCard } from '../../../data/db/today';
import { saveReview, saveSettings } from '../../../data/db/repo';
import { buildQueue, dueCounts } from '../../../data/srs/queue';
import { newCardState, rate, Rating, type SrsState } from '../../../data/srs/scheduler';

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeCards(n: number, seed: number): CardRow[] {
  const r = random(seed);
  const cards: CardRow[] = [];
  for (let i = 0; i < n; i++) {
    let fsrs: SrsState = newCardState(at(-30));
    const kind = r();
    if (kind < 0.5) {
      // studied: a few ratings in the past, due anywhere from 20 days ago to 20 days ahead
      for (let k = 0; k < 1 + Math.floor(r() * 3); k++) fsrs = rate(fsrs, Rating.Good, at(-30 + k * 3), SETTINGS).state;
      fsrs = { ...fsrs, due: at(Math.floor(r() * 40) - 20, Math.floor(r() * 24)) };
    } else if (kind < 0.55) {
      fsrs = rate(fsrs, Rating.Again, at(0, -1), SETTINGS).state; // learning
    }
    cards.push({
      id: `c${String(i).padStart(4, '0')}`,
      // Many siblings: several cards share a note.
      noteId: `n${Math.floor(r() * (n / 3))}`,
      kind: 'formulation-cloze',
      prompt: `p${i}`,
      answer: `a${i}`,
      evidence: [],
      // Few distinct values, so ties at the cut are common.
      importance: Math.round(r() * 5) / 5,
      origin: 'bundled',
      sourceIds: ['s1'],
      fsrs,
      due: fsrs.due,
      state: fsrs.state,
      suspended: r() < 0.05 ? 1 : 0,
      retired: r() < 0.05 ? 1 : 0,
      leech: false,
      seen: { count: 0 },
      addedAt: at(-30),
    });
  }
  return cards;
}

describe('loadToday', () => {
  it.each([
    [1, 60, {}],
    [2, 400, {}],
    [3, 400, { newPerDay: 3, reviewsPerDay: 5 }],
    [4, 1500, { newPerDay: 50, reviewsPerDay: 40 }],
    [5, 300, { newPerDay: 0 }],
    // fake-indexeddb is slow with 1,500 cards on a busy 2-core machine: the default 5 s is too tight.
  ])(
    'seed %i, %i cards, %j: same queue and counts as buildQueue over all cards',
    { timeout: 30_000 },
    async (seed, n, limits) => {
      const db = freshDb();
      const settings = await saveSettings(db, { ...limits, enableFuzz: false });
      const cards = makeCards(n, seed);
      await db.cards.bulkPut(cards);
      // Some ratings today, so reviewed notes are buried and limits partly used.
      for (const card of cards.slice(0, 5)) await saveReview(db, card.id, Rating.Good, T0, settings);

      const now = at(0, 1);
      const got = await loadToday(db, now);
      const { today } = await studiedToday(db, now, settings.dayStartHour);
      expect(today.shownToday?.map((s) => s.answer)).toEqual(cards.slice(0, 5).map((c) => c.answer));
      const all = (await db.cards.toArray()).map(toQueueCard);
      expect(got.queue).toEqual(buildQueue(all, now, settings, today));
      expect(got.counts).toEqual(dueCounts(all, now, settings, today));
      expect(got.doneToday).toBe(5);
      db.close();
    },
  );

  it('includes the cards the user asked for (加入学习), beyond the limit, as the queue does', async () => {
    const db = freshDb();
    const settings = await saveSettings(db, { newPerDay: 3, enableFuzz: false });
    // Wanted cards among the least important new ones, so only the wanted index can find them.
    const cards = makeCards(400, 11).map((c, i) =>
      c.state === 0 && c.importance <= 0.2 && i % 3 === 0 ? { ...c, wanted: i } : c,
    );
    expect(cards.filter((c) => c.wanted !== undefined).length).toBeGreaterThan(3);
    await db.cards.bulkPut(cards);
    const now = at(0, 1);
    const all = (await db.cards.toArray()).map(toQueueCard);
    const none = { newDone: 0, reviewsDone: 0 };
    const got = await loadToday(db, now);
    expect(got.queue).toEqual(buildQueue(all, now, settings, none));
    expect(got.counts).toEqual(dueCounts(all, now, settings, none));
    expect(got.counts.new).toBeGreaterThan(3);
    db.close();
  });

  it('leaves out the cards held back as 待核实 until the user confirms them, as the queue does', async () => {
    const db = freshDb();
    const settings = await saveSettings(db, { newPerDay: 5, enableFuzz: false });
    // The most important new cards and some due reviews are held: today's queue must skip them.
    const cards = makeCards(200, 5).map((c, i) =>
      i % 4 === 0 ? { ...c, held: 's3', importance: c.state === 0 ? 1 : c.importance } : c,
    );
    await db.cards.bulkPut(cards);
    const now = at(0, 1);
    const none = { newDone: 0, reviewsDone: 0 };
    const held = new Set(cards.filter((c) => c.held).map((c) => c.id));
    let got = await loadToday(db, now);
    expect(got.queue.length).toBeGreaterThan(0);
    expect(got.queue.filter((id) => held.has(id))).toEqual([]);
    expect(got.queue).toEqual(buildQueue((await db.cards.toArray()).map(toQueueCard), now, settings, none));
    // Confirmed, a held card is studied like any other; discarded, it stays out.
    const [first, second] = cards.filter((c) => c.held && c.state === 0 && !c.suspended && !c.retired);
    // Alone on its note and most important, so nothing else can keep it from today's new cards.
    await db.cards.update(first.id, { verdict: 'confirmed', noteId: 'n-confirmed', importance: 1.5 });
    await db.cards.update(second.id, { verdict: 'discarded' });
    got = await loadToday(db, now);
    expect(got.queue).toContain(first.id);
    expect(got.queue).not.toContain(second.id);
    expect(got.queue).toEqual(buildQueue((await db.cards.toArray()).map(toQueueCard), now, settings, none));
    db.close();
  });

  it('reads past long runs of suspended, retired and held cards at the head of each range, as the queue does', async () => {
    const db = freshDb();
    const settings = await saveSettings(db, { newPerDay: 4, reviewsPerDay: 6, enableFuzz: false });
    // The most important new cards, the most overdue reviews and the lowest ids of the tied level
    // are not live: the rows read first are mostly skipped, and a longer prefix must be read.
    const cards = makeCards(600, 13).map((c, i): CardRow => {
      const dead = i % 7 !== 0;
      if (c.state === 0 && i < 300)
        return { ...c, importance: dead ? 1 : 0.8, suspended: dead ? 1 : 0, retired: 0, noteId: c.id };
      if (c.state === 0) return { ...c, importance: 0.6, held: i % 5 ? 's3' : undefined, noteId: c.id };
      if (c.state === 2 && i < 400) return { ...c, due: at(-40), fsrs: { ...c.fsrs, due: at(-40) }, retired: 1 };
      return c;
    });
    await db.cards.bulkPut(cards);
    const now = at(0, 1);
    const all = (await db.cards.toArray()).map(toQueueCard);
    const none = { newDone: 0, reviewsDone: 0 };
    const got = await loadToday(db, now);
    expect(got.counts.new).toBe(4);
    expect(got.counts.review).toBe(6);
    expect(got.queue).toEqual(buildQueue(all, now, settings, none));
    expect(got.counts).toEqual(dueCounts(all, now, settings, none));
    db.close();
  });

  it('breaks ties among equally important new cards by id, as the queue does', async () => {
    const db = freshDb();
    const settings = await saveSettings(db, { newPerDay: 5, enableFuzz: false });
    const cards = makeCards(300, 7).map((c) => ({
      ...c,
      importance: 0.5,
      noteId: c.id,
      suspended: 0 as const,
      retired: 0 as const,
    }));
    await db.cards.bulkPut(cards);
    const now = at(0, 1);
    const all = (await db.cards.toArray()).map(toQueueCard);
    const none = { newDone: 0, reviewsDone: 0 };
    expect((await loadToday(db, now)).queue).toEqual(buildQueue(all, now, settings, none));
    db.close();
  });

  it('tomorrow counts reviews falling due tomorrow plus the new-card limit', async () => {
    const db = freshDb();
    await saveSettings(db, { newPerDay: 4, enableFuzz: false });
    const cards = makeCards(100, 9);
    await db.cards.bulkPut(cards);
    expect(await loadTomorrow(db, at(0, 1))).toBeGreaterThanOrEqual(4);
    db.close();
  });
});
