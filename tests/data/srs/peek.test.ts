// The popup's peek: what it keeps of today's queue, when it stops being true, and what a stored
// peek must look like to be painted.
import { describe, expect, it } from 'vitest';
import { readPeek, toPeek, type Peek } from '../../../data/srs/peek';
import { planDay, queueStableUntil, nextDayStart, LEARN_AHEAD_MS, type QueueCard } from '../../../data/srs/queue';
import { newCardState, State } from '../../../data/srs/scheduler';
import { DEFAULT_SETTINGS } from '../../../data/srs/settings';
import type { Today } from '../../../data/db/today';
import type { CardRow } from '../../../data/db/schema';
import type { PlanStatus } from '../../../data/srs/plan';

const at = (day: number, h: number, m = 0) => new Date(2026, 2, day, h, m);
const NOW = at(1, 9);
const MIN = 60_000;
const S = { ...DEFAULT_SETTINGS, enableFuzz: false };

function learningCard(id: string, due: Date): QueueCard {
  return {
    id,
    noteId: `n-${id}`,
    importance: 0.5,
    state: {
      due,
      stability: 1,
      difficulty: 5,
      elapsed_days: 0,
      scheduled_days: 0,
      learning_steps: 1,
      reps: 1,
      lapses: 0,
      state: State.Learning,
      last_review: new Date(due.getTime() - 10 * MIN),
    },
  };
}
const fresh = (id: string): QueueCard => ({ id, noteId: `n-${id}`, importance: 0.5, state: newCardState(NOW) });

describe('queueStableUntil', () => {
  const end = nextDayStart(NOW, S);
  it('is the day’s end when no learning card is waiting', () => {
    expect(queueStableUntil([], NOW, end)).toEqual(end);
    expect(queueStableUntil([new Date(NOW.getTime() - 5 * MIN)], NOW, end)).toEqual(end);
  });
  it('is the moment the next learning card comes within the learn-ahead window, then due', () => {
    const due = new Date(NOW.getTime() + 45 * MIN);
    expect(queueStableUntil([due], NOW, end)).toEqual(new Date(due.getTime() - LEARN_AHEAD_MS));
    expect(queueStableUntil([due], new Date(due.getTime() - 10 * MIN), end)).toEqual(due);
  });

  // The claim the peek rests on: planDay gives the same queue at every moment before `until` (it may
  // change later than that: `until` is the first moment it could).
  it.each([
    ['a learning card due later, new cards to learn', [45, 90], 3],
    ['learning cards already due and one within the window', [-5, 10], 0],
    ['only learning cards, one ahead', [5, 30], -1],
    ['only a learning card, not yet within the window', [30], -1],
  ] as const)('the queue stays as it is until then: %s', (_, minutes, news) => {
    const cards = [
      ...minutes.map((m, i) => learningCard(`l${i}`, new Date(NOW.getTime() + m * MIN))),
      ...Array.from({ length: Math.max(0, news) }, (_, i) => fresh(`n${i}`)),
    ];
    const settings = news < 0 ? { ...S, newPerDay: 0 } : S;
    const end = nextDayStart(NOW, settings);
    const until = queueStableUntil(
      cards.filter((c) => c.id.startsWith('l')).map((c) => (c.state as { due: Date }).due),
      NOW,
      end,
    );
    const queueAt = (t: number) => planDay(cards, new Date(t), settings, { newDone: 0, reviewsDone: 0 });
    const first = queueAt(NOW.getTime());
    let changed = end.getTime();
    for (let t = NOW.getTime(); t < end.getTime() && changed === end.getTime(); t += MIN) {
      if (JSON.stringify(queueAt(t)) !== JSON.stringify(first)) changed = t;
    }
    // Each case does change within the day (the clock matters here), and not before `until`.
    expect(changed).toBeLessThan(end.getTime());
    expect(until.getTime()).toBeLessThanOrEqual(changed);
    expect(until.getTime()).toBeGreaterThan(NOW.getTime());
  });
});

function today(extra: Partial<Today> = {}): Today {
  const first = { id: 'c1', prompt: '“六个精准”是指哪六个？', answer: '扶持对象精准' } as CardRow;
  return {
    settings: S,
    queue: ['c1', 'c2'],
    counts: { learning: 0, review: 1, new: 1, total: 2 },
    doneToday: 3,
    first,
    until: new Date(NOW.getTime() + 60 * MIN),
    ...extra,
  };
}

const PLAN: PlanStatus = {
  date: '2026-03-10',
  daysLeft: 9,
  total: 40,
  unseen: 30,
  perDay: 4,
  tight: false,
  crowded: false,
  mastered: 0.25,
  todayIds: ['c2'],
  crowdedNoteIds: [],
};

describe('toPeek', () => {
  it('keeps the counts, the time it holds until, and the first card as shown', () => {
    expect(toPeek(today(), NOW)).toEqual({
      at: NOW.getTime(),
      until: NOW.getTime() + 60 * MIN,
      total: 2,
      new: 1,
      learning: 0,
      review: 1,
      doneToday: 3,
      card: { id: 'c1', prompt: '“六个精准”是指哪六个？' },
    });
  });
  it('shows the user’s edit of the prompt', () => {
    const first = { id: 'c1', prompt: '原问题', answer: '答', edited: { prompt: '改过的问题' } } as CardRow;
    expect(toPeek(today({ first }), NOW).card).toEqual({ id: 'c1', prompt: '改过的问题' });
  });
  it('has no card when the day is done, or when the card read is not the queue’s first', () => {
    expect(toPeek(today({ queue: [], first: undefined }), NOW).card).toBeUndefined();
    expect(toPeek(today({ queue: ['c2'] }), NOW).card).toBeUndefined();
  });
  it('keeps the 学习会 line’s figures only, not its card ids', () => {
    expect(toPeek(today({ plan: PLAN }), NOW).plan).toEqual({
      daysLeft: 9,
      mastered: 0.25,
      unseen: 30,
      perDay: 4,
      tight: false,
      crowded: false,
      newPerDay: S.newPerDay,
    });
    expect(toPeek(today({ plan: { ...PLAN, daysLeft: null } }), NOW).plan).toBeUndefined();
  });
});

describe('readPeek', () => {
  const stored: Peek = { ...toPeek(today({ plan: PLAN }), NOW) };
  const t = NOW.getTime();

  it('reads back what was kept while it holds', () => {
    expect(readPeek(JSON.parse(JSON.stringify(stored)), t)).toEqual(stored);
    expect(readPeek(stored, t + 59 * MIN)).toEqual(stored);
  });
  it('is no peek from its `until` on, or before it was read (a clock set back)', () => {
    expect(readPeek(stored, t + 60 * MIN)).toBeUndefined();
    expect(readPeek(stored, t - 1)).toBeUndefined();
  });
  it('outputs only the known fields', () => {
    const read = readPeek({ ...stored, extra: 1, card: { ...stored.card, html: '<b>x</b>' } }, t);
    expect(read).toEqual(stored);
  });
  it.each([
    ['nothing', undefined],
    ['a string', 'peek'],
    ['a count as text', { ...stored, total: '2' }],
    ['a negative count', { ...stored, review: -1 }],
    ['no count of today’s ratings', { ...stored, doneToday: undefined }],
    ['a time that is not a number', { ...stored, until: 'tomorrow' }],
    ['a card without a prompt', { ...stored, card: { id: 'c1' } }],
    ['an empty prompt', { ...stored, card: { id: 'c1', prompt: '' } }],
    ['a card id that is not text', { ...stored, card: { id: 7, prompt: '问' } }],
    ['a prompt too long to be a card', { ...stored, card: { id: 'c1', prompt: '问'.repeat(5001) } }],
    ['a plan with a mastery above 1', { ...stored, plan: { ...stored.plan, mastered: 2 } }],
    ['a plan without its flags', { ...stored, plan: { ...stored.plan, tight: undefined } }],
  ])('refuses %s', (_, raw) => {
    expect(readPeek(raw, t)).toBeUndefined();
  });
});
