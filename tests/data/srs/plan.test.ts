import { describe, expect, it } from 'vitest';
import { buildQueue, dueCounts, type QueueCard } from '../../../data/srs/queue';
import {
  daysUntil,
  inPlan,
  planMastery,
  planOf,
  planToday,
  type PlanDone,
  type StudyPlan,
} from '../../../data/srs/plan';
import { newCardState, rate, Rating, retrievability, State, type SrsState } from '../../../data/srs/scheduler';
import { DEFAULT_SETTINGS, validateSettings, type StudySettings } from '../../../data/srs/settings';

// Local-time constructors: the study day is local, so the tests hold in any time zone.
const at = (day: number, h: number, m = 0) => new Date(2026, 2, day, h, m);
const NOW = at(1, 9); // 2026-03-01 09:00 local, a Sunday
const S: StudySettings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const NONE: PlanDone = { introducedIds: new Set(), reviewedNoteIds: new Set() };
const plan = (date: string, sourceIds = ['doc-a']): StudyPlan => ({ date, sourceIds });

const pad = (i: number) => String(i).padStart(3, '0');
/** `n` new cards of one document, each its own note unless `perNote` groups them. */
function doc(source: string, n: number, perNote = 1, importance = 0.5): QueueCard[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${source}-${pad(i)}`,
    noteId: `${source}-note-${pad(Math.floor(i / perNote))}`,
    importance,
    state: newCardState(NOW),
    sourceIds: [source],
  }));
}

describe('daysUntil and planOf', () => {
  it('counts study days, the day starting at 4:00', () => {
    expect(daysUntil('2026-03-01', NOW, S)).toBe(0);
    expect(daysUntil('2026-03-11', NOW, S)).toBe(10);
    expect(daysUntil('2026-02-28', NOW, S)).toBe(-1);
    // 03:30 on 2 March still belongs to 1 March; 04:00 starts 2 March.
    expect(daysUntil('2026-03-02', at(2, 3, 30), S)).toBe(1);
    expect(daysUntil('2026-03-02', at(2, 4), S)).toBe(0);
    // Across the end of March (daylight saving in many zones) the count stays whole.
    expect(daysUntil('2026-04-05', at(28, 12), S)).toBe(8);
  });

  it('reads the session from the settings (the same date and documents as 冲刺)', () => {
    expect(planOf(S)).toBeUndefined();
    expect(planOf({ ...S, cramUntil: '2026-03-11' })).toEqual({ date: '2026-03-11', sourceIds: [] });
    expect(planOf({ ...S, cramUntil: '2026-03-11', cramSources: ['a'] })).toEqual({
      date: '2026-03-11',
      sourceIds: ['a'],
    });
    // Documents chosen without a date (先学这些文件).
    expect(planOf({ ...S, cramSources: ['a'] })).toEqual({ sourceIds: ['a'] });
    expect(planOf({ ...S, cramSources: [] })).toBeUndefined();
  });

  it('covers every document when none is chosen', () => {
    expect(inPlan({ sourceIds: ['x'] }, plan('2026-03-11', []))).toBe(true);
    expect(inPlan({ sourceIds: ['x'] }, plan('2026-03-11', ['a']))).toBe(false);
    expect(inPlan({ sourceIds: ['x', 'a'] }, plan('2026-03-11', ['a']))).toBe(true);
  });

  it("covers only a 学习资料包's chosen cards when the settings name them", () => {
    const p = planOf({ ...S, cramUntil: '2026-03-11', cramSources: ['a'], cramCards: ['c1'] })!;
    expect([...(p.cardIds ?? [])]).toEqual(['c1']);
    expect(inPlan({ id: 'c1', sourceIds: ['a'] }, p)).toBe(true);
    expect(inPlan({ id: 'c2', sourceIds: ['a'] }, p)).toBe(false);
    expect(inPlan({ id: 'c1', sourceIds: ['b'] }, p)).toBe(false);
    // Read back from any input: ids only, no empty list.
    expect(validateSettings({ cramCards: ['c1', 'c1', 3, ''] }).cramCards).toEqual(['c1']);
    expect(validateSettings({ cramCards: [] }).cramCards).toBeUndefined();
  });
});

describe('planToday', () => {
  it('spreads the new cards over the days before the session, within the daily limit', () => {
    const cards = [...doc('doc-a', 30), ...doc('doc-b', 40, 1, 0.9)];
    const p = planToday(cards, plan('2026-03-11'), NOW, S, NONE)!;
    expect(p).toMatchObject({
      daysLeft: 10,
      total: 30,
      unseen: 30,
      perDay: 3,
      tight: false,
      crowded: false,
      mastered: 0,
    });
    expect(p.todayIds).toEqual(['doc-a-000', 'doc-a-001', 'doc-a-002']);
    // The queue: the session's three first (though doc-b's cards are more important), then the rest up to 20.
    const queue = buildQueue(cards, NOW, S, { newDone: 0, reviewsDone: 0, plan: { ids: p.todayIds } });
    expect(queue).toHaveLength(20);
    expect(queue.slice(0, 3)).toEqual(p.todayIds);
    expect(queue.slice(3).every((id) => id.startsWith('doc-b'))).toBe(true);
  });

  it('keeps the day share fixed while the day goes on', () => {
    const cards = doc('doc-a', 30);
    const learnt = cards.slice(0, 2).map((c) => ({ ...c, state: rate(c.state, Rating.Good, NOW, S).state }));
    const done: PlanDone = {
      introducedIds: new Set(learnt.map((c) => c.id)),
      reviewedNoteIds: new Set(learnt.map((c) => c.noteId)),
    };
    const p = planToday([...learnt, ...cards.slice(2)], plan('2026-03-11'), at(1, 10), S, done)!;
    expect(p.perDay).toBe(3);
    expect(p.todayIds).toEqual(['doc-a-002']);
    expect(p.unseen).toBe(28);
  });

  it('says honestly when the time is too short for the daily limit, and goes above it', () => {
    const cards = doc('doc-a', 100);
    const p = planToday(cards, plan('2026-03-03'), NOW, S, NONE)!;
    expect(p).toMatchObject({ daysLeft: 2, perDay: 50, tight: true });
    const counts = dueCounts(cards, NOW, S, { newDone: 0, reviewsDone: 0, plan: { ids: p.todayIds } });
    expect(counts.new).toBe(50);
  });

  it('on the session day brings up everything left; after it, nothing', () => {
    const cards = doc('doc-a', 30);
    const p = planToday(cards, plan('2026-03-01'), NOW, S, NONE)!;
    expect(p).toMatchObject({ daysLeft: 0, perDay: 30, tight: true });
    expect(p.todayIds).toHaveLength(30);
    expect(planToday(cards, plan('2026-02-28'), NOW, S, NONE)).toBeNull();
    expect(planToday(cards, undefined, NOW, S, NONE)).toBeNull();
    // With no session the queue is the normal one.
    expect(buildQueue(cards, NOW, S, { newDone: 0, reviewsDone: 0 })).toHaveLength(20);
  });

  it('handles a session whose documents were deleted, and no cards at all', () => {
    const gone = planToday(doc('doc-b', 10), plan('2026-03-11', ['doc-deleted']), NOW, S, NONE)!;
    expect(gone).toMatchObject({ total: 0, unseen: 0, perDay: 0, tight: false, mastered: null, todayIds: [] });
    expect(planToday([], plan('2026-03-11', []), NOW, S, NONE)).toMatchObject({
      total: 0,
      mastered: null,
      todayIds: [],
    });
    // One of two documents deleted: the other's cards are still planned.
    expect(planToday(doc('doc-a', 10), plan('2026-03-11', ['doc-a', 'doc-deleted']), NOW, S, NONE)!.total).toBe(10);
  });

  it('leaves out suspended, retired and 待核实 cards', () => {
    const [a, b, c, ...rest] = doc('doc-a', 8);
    const cards = [{ ...a, suspended: true }, { ...b, retired: true }, { ...c, held: true }, ...rest];
    const p = planToday(cards, plan('2026-03-06'), NOW, S, NONE)!;
    expect(p.total).toBe(5);
    expect(p.todayIds).not.toContain(a.id);
  });

  it('learns one card of a formulation a day while time allows, siblings together when it does not', () => {
    // 2 notes of 3 cards, 3 days: one card of each note a day.
    const roomy = planToday(doc('doc-a', 6, 3), plan('2026-03-04'), NOW, S, NONE)!;
    expect(roomy).toMatchObject({ perDay: 2, crowded: false, crowdedNoteIds: [] });
    expect(roomy.todayIds).toEqual(['doc-a-000', 'doc-a-003']);
    // 1 note of 6 cards, 2 days: three a day, and the queue takes all three.
    const cards = doc('doc-a', 6, 6);
    const tight = planToday(cards, plan('2026-03-03'), NOW, S, NONE)!;
    expect(tight).toMatchObject({ perDay: 3, crowded: true, crowdedNoteIds: ['doc-a-note-000'] });
    expect(
      buildQueue(cards, NOW, S, {
        newDone: 0,
        reviewsDone: 0,
        plan: { ids: tight.todayIds, crowdedNoteIds: tight.crowdedNoteIds },
      }),
    ).toEqual(tight.todayIds);
  });

  it('waits for tomorrow with a note rated today when there is time', () => {
    const cards = doc('doc-a', 4, 2);
    const done: PlanDone = { introducedIds: new Set(), reviewedNoteIds: new Set(['doc-a-note-000']) };
    expect(planToday(cards, plan('2026-03-11'), NOW, S, done)!.todayIds).toEqual(['doc-a-002']);
  });

  it('puts cards the user asked for (加入学习) before the session share', () => {
    const cards = [{ ...doc('doc-b', 1)[0], wanted: true }, ...doc('doc-a', 10)];
    const p = planToday(cards, plan('2026-03-06'), NOW, S, NONE)!;
    expect(buildQueue(cards, NOW, S, { newDone: 0, reviewsDone: 0, plan: { ids: p.todayIds } }).slice(0, 3)).toEqual([
      'doc-b-000',
      'doc-a-000',
      'doc-a-001',
    ]);
  });
});

describe('documents chosen without a session date', () => {
  it('puts their new cards first within the daily limit, one card of a note a day, no countdown', () => {
    const cards = [...doc('doc-a', 30, 2, 0.1), ...doc('doc-b', 30, 1, 0.9)];
    const p = planToday(cards, { sourceIds: ['doc-a'] }, NOW, S, NONE)!;
    expect(p).toMatchObject({ daysLeft: null, total: 30, unseen: 30, tight: false });
    expect(p.todayIds).toHaveLength(15);
    const queue = buildQueue(cards, NOW, S, { newDone: 0, reviewsDone: 0, plan: { ids: p.todayIds } });
    expect(queue).toHaveLength(20);
    expect(queue.slice(0, 15).every((id) => id.startsWith('doc-a'))).toBe(true);
    // 18 new cards learnt today: two places left, both for doc-a.
    const done: PlanDone = {
      introducedIds: new Set(Array.from({ length: 18 }, (_, i) => `x${i}`)),
      reviewedNoteIds: new Set(),
    };
    expect(planToday(cards, { sourceIds: ['doc-a'] }, NOW, S, done)!.todayIds).toEqual(['doc-a-000', 'doc-a-002']);
  });
});

describe('planMastery (已掌握)', () => {
  it('is the mean recall at the end of today, new cards counting 0, suspended ones left out', () => {
    const [a, b, c] = doc('doc-a', 3);
    const learnt = { ...a, state: rate(a.state, Rating.Easy, at(1, 8), S).state };
    const end = at(2, 4);
    const cards = [learnt, b, { ...c, suspended: true }];
    expect(planMastery(cards, plan('2026-03-11'), NOW, S)).toBeCloseTo(
      retrievability(learnt.state as SrsState, end, S) / 2,
      10,
    );
    expect(planMastery([], plan('2026-03-11'), NOW, S)).toBeNull();
  });
});

describe('a session simulated day by day', () => {
  /** Each day: the queue is worked through, every card rated 良好, until it is empty. */
  function simulate(cards: QueueCard[], p: StudyPlan, days: number, settings = S) {
    const byId = new Map(cards.map((c) => [c.id, { ...c }]));
    const perDay: { planNew: number; allNew: number; status: ReturnType<typeof planToday> }[] = [];
    for (let d = 0; d < days; d++) {
      const now = at(1 + d, 9);
      const introduced = new Set<string>();
      const rated = new Set<string>();
      const status = planToday([...byId.values()], p, now, settings, {
        introducedIds: introduced,
        reviewedNoteIds: rated,
      });
      let planNew = 0;
      for (let step = 0; step < 2000; step++) {
        const t = new Date(now.getTime() + step * 60_000);
        const live = planToday([...byId.values()], p, t, settings, {
          introducedIds: introduced,
          reviewedNoteIds: rated,
        });
        const queue = buildQueue([...byId.values()], t, settings, {
          newDone: introduced.size,
          reviewsDone: 0,
          reviewedNoteIdsToday: rated,
          plan: live ? { ids: live.todayIds, crowdedNoteIds: live.crowdedNoteIds } : undefined,
        });
        if (!queue.length) break;
        const card = byId.get(queue[0])!;
        const s = card.state as SrsState;
        if (s.state === State.New) {
          introduced.add(card.id);
          if (inPlan(card, p)) planNew++;
        }
        rated.add(card.noteId);
        card.state = rate(s, Rating.Good, t, settings).state;
      }
      perDay.push({ planNew, allNew: introduced.size, status });
    }
    return { cards: [...byId.values()], perDay };
  }

  it('brings every card of the documents up before the session, no day above the limit', () => {
    const cards = [...doc('doc-a', 60, 4), ...doc('doc-b', 80, 1, 0.9)];
    const p = plan('2026-03-11');
    const { cards: after, perDay } = simulate(cards, p, 10);
    const planned = after.filter((c) => inPlan(c, p));
    expect(planned.every((c) => (c.state as SrsState).state !== State.New)).toBe(true);
    expect(perDay.every((d) => d.allNew <= S.newPerDay)).toBe(true);
    expect(perDay.every((d) => !d.status!.tight)).toBe(true);
    // Spread: the day's share of 6 while doc-b fills the rest of the limit; once doc-b has no new
    // card left, the free places go to the session's cards, which then finish early.
    expect(perDay.slice(0, 5).map((d) => d.planNew)).toEqual([6, 6, 6, 6, 6]);
    expect(perDay.every((d) => d.planNew >= d.status!.perDay)).toBe(true);
    // On the session day: nothing new is left, and most is remembered.
    const last = planToday(after, p, at(11, 9), S, NONE)!;
    expect(last.unseen).toBe(0);
    expect(last.mastered).toBeGreaterThan(0.8);
  });

  it('when time is short: above the limit, said so, and still every card before the session', () => {
    const cards = doc('doc-a', 90, 9);
    const p = plan('2026-03-04');
    const { cards: after, perDay } = simulate(cards, p, 3);
    expect(perDay.map((d) => d.status!.perDay)).toEqual([30, 30, 30]);
    expect(perDay.every((d) => d.status!.tight && d.status!.crowded)).toBe(true);
    expect(after.every((c) => (c.state as SrsState).state !== State.New)).toBe(true);
  });

  it('recounts after a skipped day', () => {
    const cards = doc('doc-a', 40);
    const p = plan('2026-03-11');
    expect(planToday(cards, p, NOW, S, NONE)!.perDay).toBe(4);
    // Nothing studied for five days: 40 cards over the 5 days left.
    expect(planToday(cards, p, at(6, 9), S, NONE)!.perDay).toBe(8);
  });
});
