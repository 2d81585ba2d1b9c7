import { describe, expect, it } from 'vitest';
import {
  buildCramQueue,
  buildQueue,
  dueCount,
  dueCounts,
  forecast,
  nextDayStart,
  type QueueCard,
} from '../../../data/srs/queue';
import { dayStart } from '../../../data/srs/day';
import { newCardState, State } from '../../../data/srs/scheduler';
import { DEFAULT_SETTINGS, type StudySettings } from '../../../data/srs/settings';

// Local-time constructors: the day boundary is local, so the tests hold in any time zone.
const at = (day: number, h: number, m = 0) => new Date(2026, 2, day, h, m);
const NOW = at(1, 9); // 2026-03-01 09:00 local
const MIN = 60_000;
const S: StudySettings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const NONE = { newDone: 0, reviewsDone: 0 };

const fresh = (id: string, importance = 0.5, noteId = `n-${id}`): QueueCard => ({
  id,
  noteId,
  importance,
  state: newCardState(NOW),
});

function studied(id: string, state: State, due: Date, extra: Partial<QueueCard> = {}): QueueCard {
  // Reviewed three days before it is due, but never in the future.
  const last = new Date(Math.min(due.getTime(), NOW.getTime() - 86_400_000) - 3 * 86_400_000);
  return {
    id,
    noteId: `n-${id}`,
    importance: 0.5,
    // As it comes out of JSON: ISO strings, not Dates.
    state: {
      due: due.toISOString(),
      stability: 3,
      difficulty: 5,
      elapsed_days: 0,
      scheduled_days: 3,
      learning_steps: 0,
      reps: 2,
      lapses: 0,
      state,
      last_review: last.toISOString(),
    },
    ...extra,
  };
}
const review = (id: string, due: Date, extra?: Partial<QueueCard>) => studied(id, State.Review, due, extra);
const learning = (id: string, due: Date, extra?: Partial<QueueCard>) => studied(id, State.Learning, due, extra);

describe('buildQueue', () => {
  it.each([
    [30, 0, 20],
    [30, 15, 5],
    [30, 25, 0],
    [7, 0, 7],
  ])('%i new cards, %i already learnt today → %i new', (n, newDone, expected) => {
    const cards = Array.from({ length: n }, (_, i) => fresh(`c${String(i).padStart(2, '0')}`));
    expect(buildQueue(cards, NOW, S, { newDone, reviewsDone: 0 })).toHaveLength(expected);
  });

  it('puts headline cards first among new cards, ties by id', () => {
    const cards = [fresh('b', 0.2), fresh('z', 1), fresh('a', 0.2), fresh('m', 0.9)];
    expect(buildQueue(cards, NOW, S, NONE)).toEqual(['z', 'm', 'a', 'b']);
  });

  it('puts cards the user asked for (加入学习) first among new cards, even past the daily limit', () => {
    const cards = [fresh('z', 1), fresh('m', 0.9), { ...fresh('w', 0.1), wanted: true }];
    expect(buildQueue(cards, NOW, S, NONE)).toEqual(['w', 'z', 'm']);
    // The day's 20 new cards are done: only the wanted one is still offered.
    expect(buildQueue(cards, NOW, S, { newDone: 20, reviewsDone: 0 })).toEqual(['w']);
    // Limit 2, one wanted: it takes one of the two places.
    expect(buildQueue(cards, NOW, { ...S, newPerDay: 2 }, NONE)).toEqual(['w', 'z']);
    expect(dueCount(cards, NOW, S, { newDone: 20, reviewsDone: 0 })).toBe(1);
  });

  it('orders learning due, then reviews and new; learning not yet due waits while anything else is left', () => {
    const cards = [
      fresh('new'),
      review('rev', at(1, 8)),
      learning('soon', new Date(NOW.getTime() + 5 * MIN)),
      learning('later', new Date(NOW.getTime() + 30 * MIN)),
      learning('learn', new Date(NOW.getTime() - MIN)),
      studied('relearn', State.Relearning, NOW),
    ];
    expect(buildQueue(cards, NOW, S, NONE)).toEqual(['learn', 'relearn', 'rev', 'new']);
    expect(dueCount(cards, NOW, S, NONE)).toBe(4);
  });

  it('offers learning due within 20 minutes once nothing else is left (learn ahead)', () => {
    const cards = [
      learning('soon', new Date(NOW.getTime() + 5 * MIN)),
      learning('later', new Date(NOW.getTime() + 30 * MIN)),
    ];
    expect(buildQueue(cards, NOW, S, NONE)).toEqual(['soon']);
  });

  it('takes reviews most overdue first, up to the remaining review limit', () => {
    const cards = [review('r1', at(1, 8)), review('r2', at(1, 7)), review('r3', at(2, 2)), review('r4', at(2, 5))];
    expect(buildQueue(cards, NOW, S, NONE)).toEqual(['r2', 'r1', 'r3']);
    expect(buildQueue(cards, NOW, { ...S, reviewsPerDay: 10 }, { newDone: 0, reviewsDone: 8 })).toEqual(['r2', 'r1']);
  });

  it('spreads new cards among reviews, a review first', () => {
    const cards = [
      review('r1', at(1, 1)),
      review('r2', at(1, 2)),
      review('r3', at(1, 3)),
      review('r4', at(1, 4)),
      fresh('n1'),
    ];
    expect(buildQueue(cards, NOW, S, NONE)).toEqual(['r1', 'r2', 'n1', 'r3', 'r4']);
  });

  it('buries siblings: one card per note, none for notes already reviewed today', () => {
    const cards = [
      fresh('a1', 0.9, 'A'),
      fresh('a2', 0.8, 'A'),
      review('b-rev', at(1, 8), { noteId: 'B' }),
      fresh('b-new', 1, 'B'),
      fresh('c1', 1, 'C'),
      learning('d-learn', NOW, { noteId: 'D' }),
      fresh('d-new', 1, 'D'),
    ];
    const q = buildQueue(cards, NOW, S, { ...NONE, reviewedNoteIdsToday: new Set(['C']) });
    expect(q.sort()).toEqual(['a1', 'b-rev', 'd-learn']);
  });

  describe('cards that give each other away wait for tomorrow (siblings across notes)', () => {
    // Two figure clozes of one sentence, from two notes: each prompt shows the other's answer.
    const quote = '贫困人口从2012年年底的9899 万人减到2019年年底的551 万人。';
    const first = {
      answer: '9899万人',
      shown: ['贫困人口从2012年年底的____减到2019年年底的551万人', '9899万人', quote].join('\n'),
    };
    const second = {
      answer: '551万人',
      shown: ['贫困人口从2012年年底的9899万人减到2019年年底的____', '551万人', quote].join('\n'),
    };
    const list = { answer: '不愁吃、不愁穿', shown: '“两不愁”指什么？\n不愁吃、不愁穿' };
    const member = { answer: '不愁穿', shown: '“两不愁”：不愁吃、____\n不愁穿' };

    it('takes one of two clozes whose prompts show each other’s answer, and the other tomorrow', () => {
      const cards = [fresh('f1', 0.9, 'F1'), fresh('f2', 0.8, 'F2'), fresh('x', 0.1, 'X')];
      Object.assign(cards[0], first);
      Object.assign(cards[1], second);
      expect(buildQueue(cards, NOW, S, NONE)).toEqual(['f1', 'x']);
      // Tomorrow f1 is no longer shown today: f2 comes.
      expect(buildQueue(cards.slice(1), at(2, 9), S, NONE)).toEqual(['f2', 'x']);
    });

    it('holds back a card given away by one rated earlier today, whichever way round', () => {
      const cards = [
        { ...fresh('m', 0.9, 'M'), ...member },
        { ...review('r', at(1, 8), { noteId: 'R' }), ...second },
        fresh('x', 0.1, 'X'),
      ];
      expect(
        buildQueue(cards, NOW, S, {
          ...NONE,
          shownToday: [
            { noteId: 'L', ...list },
            { noteId: 'F1', ...first },
          ],
        }),
      ).toEqual(['x']);
      expect(buildQueue(cards, NOW, S, NONE).sort()).toEqual(['m', 'r', 'x']);
    });

    it('lets a learning card bury the new cards it gives away', () => {
      const cards = [
        { ...learning('l', NOW, { noteId: 'L' }), ...list },
        { ...fresh('m', 0.9, 'M'), ...member },
      ];
      expect(buildQueue(cards, NOW, S, NONE)).toEqual(['l']);
    });

    it('ignores one-character answers, which any sentence holds', () => {
      const cards = [
        { ...fresh('a', 0.9, 'A'), answer: '六', shown: '几个？\n六' },
        { ...fresh('b', 0.8, 'B'), answer: '精准扶贫', shown: '六个精准是____的要求\n精准扶贫' },
      ];
      expect(buildQueue(cards, NOW, S, NONE)).toEqual(['a', 'b']);
      expect(dueCount(cards, NOW, S, NONE)).toBe(2);
    });
  });

  it('leaves out suspended and retired cards, and cards whose stored state is unreadable', () => {
    const cards = [
      fresh('ok'),
      { ...fresh('s'), suspended: true },
      { ...fresh('r'), retired: true },
      review('rs', at(1, 8), { suspended: true }),
      { ...fresh('bad'), state: { due: 'garbage' } },
    ];
    expect(buildQueue(cards, NOW, S, NONE)).toEqual(['ok']);
  });

  it('dueCount always equals the queue length', () => {
    const cards = [fresh('n1'), fresh('n2'), review('r', at(1, 8)), learning('l', NOW), fresh('s', 1, 'n-r')];
    expect(dueCounts(cards, NOW, S, NONE)).toEqual({ learning: 1, review: 1, new: 2, total: 4 });
    expect(dueCount(cards, NOW, S, NONE)).toBe(buildQueue(cards, NOW, S, NONE).length);
  });
});

describe('the study day starts at 4:00 local time', () => {
  it.each([
    [at(2, 3, 59), at(1, 4), at(2, 4)],
    [at(2, 4, 0), at(2, 4), at(3, 4)],
    [at(1, 23, 30), at(1, 4), at(2, 4)],
  ])('%s is in the day %s – %s', (now, start, next) => {
    expect(dayStart(now, S.dayStartHour)).toEqual(start);
    expect(nextDayStart(now, S)).toEqual(next);
  });

  it('a review due at 3:00 belongs to the evening before; one due at 5:00 to the next day', () => {
    const cards = [review('early', at(2, 3)), review('late', at(2, 5))];
    expect(buildQueue(cards, at(1, 23), S, NONE)).toEqual(['early']);
    expect(buildQueue(cards, at(2, 3, 59), S, NONE)).toEqual(['early']);
    expect(buildQueue(cards, at(2, 4), S, NONE)).toEqual(['early', 'late']);
  });
});

describe('forecast', () => {
  it('counts studied cards per study day, overdue in today, new and suspended left out', () => {
    const cards = [
      review('overdue', at(1, 2) /* before today's 4:00 */),
      review('today', at(2, 3)),
      review('d1a', at(2, 4)),
      review('d1b', at(2, 20)),
      learning('d1c', at(3, 3, 59)),
      review('d5', at(6, 12)),
      review('d29', at(30, 12)),
      review('beyond', at(31, 12)),
      review('susp', at(2, 12), { suspended: true }),
      fresh('new'),
    ];
    const f = forecast(cards, NOW, 30, S);
    expect(f).toHaveLength(30);
    expect([f[0], f[1], f[5], f[29]]).toEqual([2, 3, 1, 1]);
    expect(f.reduce((a, b) => a + b, 0)).toBe(7);
    expect(forecast(cards, NOW, 7, S).reduce((a, b) => a + b, 0)).toBe(6);
  });
});

describe('cram (冲刺)', () => {
  const C: StudySettings = { ...S, cramUntil: '2026-03-03', cramSources: ['doc1'] };
  const cards: QueueCard[] = [
    review('weak', at(1, 8), { sourceIds: ['doc1'] }),
    review('strong', at(20, 8), { sourceIds: ['doc1', 'doc2'] }),
    { ...fresh('unseen'), sourceIds: ['doc1'] },
    review('other', at(1, 8), { sourceIds: ['doc2'] }),
    review('susp', at(1, 8), { sourceIds: ['doc1'], suspended: true }),
    { ...review('rated-today', at(4, 9), { sourceIds: ['doc1'] }) },
  ];
  (cards[5].state as Record<string, unknown>).last_review = at(1, 8).toISOString();
  (cards[1].state as Record<string, unknown>).stability = 100; // same last review, far better kept

  it('gives every card of the chosen documents, least likely recalled first', () => {
    expect(buildCramQueue(cards, NOW, C)).toEqual(['unseen', 'weak', 'strong']);
  });

  it('skips cards crammed today; covers all documents when none are chosen', () => {
    expect(buildCramQueue(cards, NOW, C, new Set(['weak']))).toEqual(['unseen', 'strong']);
    expect(buildCramQueue(cards, NOW, { ...C, cramSources: [] })).toEqual(['unseen', 'other', 'weak', 'strong']);
  });

  it('is on until the end of the session day, and off without a date', () => {
    expect(buildCramQueue(cards, at(4, 3, 59), C)).not.toEqual([]);
    expect(buildCramQueue(cards, at(4, 4), C)).toEqual([]);
    expect(buildCramQueue(cards, NOW, { ...C, cramUntil: undefined })).toEqual([]);
  });

  it('does not change any FSRS state', () => {
    const before = JSON.stringify(cards);
    buildCramQueue(cards, NOW, C);
    expect(JSON.stringify(cards)).toBe(before);
  });
});

describe('cards held back as 待核实', () => {
  it('are in no queue and no count, new or due', () => {
    const cards = [
      fresh('ok', 0.5),
      fresh('held-new', 0.9, 'n-held'),
      { ...studied('held-due', State.Review, at(1, 8)), held: true },
    ];
    cards[1] = { ...cards[1], held: true };
    const queue = buildQueue(cards, NOW, S, NONE);
    expect(queue).toEqual(['ok']);
    expect(dueCount(cards, NOW, S, NONE)).toBe(1);
    expect(forecast(cards, NOW, 3, S).reduce((a, b) => a + b, 0)).toBe(0);
    expect(buildCramQueue(cards, NOW, { ...S, cramUntil: '2026-03-05' })).toEqual(['ok']);
  });
});
