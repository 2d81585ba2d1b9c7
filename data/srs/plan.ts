// 学习会 (study-session) planning. Pure: the caller passes the cards, the time and what was done
// today. Until the session day every card of the session's documents is brought up: the new ones
// are spread evenly over the study days left (the day before the session is the last; on the day
// itself whatever is left), recounted at every day start, so a skipped day raises the next days'
// share instead of losing cards. Reviews keep their FSRS days: a card comes due when its recall
// falls to the desired retention, so one not due before the session is still remembered there.
// After the session day the plan does nothing and the queue is the normal one. Documents chosen
// without a date (先学这些文件, on the welcome page) only put their new cards first within the limit.
import { dayStart } from './day';
import { nextDayStart, type QueueCard } from './queue';
import { retrievability, reviveState, State } from './scheduler';
import type { StudySettings } from './settings';

export interface StudyPlan {
  /** The session's study day, "YYYY-MM-DD" (local); none when documents are chosen without a session. */
  date?: string;
  /** Source ids the session covers; empty means every document. */
  sourceIds: string[];
  /** Only these cards of those documents (a 学习资料包's selection); absent means all of them. */
  cardIds?: ReadonlySet<string>;
}

export interface PlanDone {
  /** Cards first studied today (their first rating was today). */
  introducedIds: ReadonlySet<string>;
  /** Notes with a card rated today: their other cards wait for tomorrow where time allows. */
  reviewedNoteIds: ReadonlySet<string>;
}

export interface PlanStatus {
  date?: string;
  /** Study days from today to the session: 0 on the day itself; null without a session date. */
  daysLeft: number | null;
  /** The session's cards in study (not suspended, retired or 待核实). */
  total: number;
  /** Of those, not studied yet. */
  unseen: number;
  /** New cards of the session to learn each day from today on (counted at the start of today). */
  perDay: number;
  /** perDay is above the daily new-card limit: the time is too short for the limit. */
  tight: boolean;
  /** A formulation has more new cards than days are left: some of its cards share a day. */
  crowded: boolean;
  /** 已掌握: the readiness of the session's cards (see planMastery); null with no card. */
  mastered: number | null;
  /** The session's new cards still to learn today, in order. */
  todayIds: string[];
  /** Notes among todayIds whose cards may be learnt on the same day as a sibling (crowded notes). */
  crowdedNoteIds: string[];
}

/** What the 学习会 line shows (components/common/plan-text.ts), on a day with a session date. */
export type PlanLineFigures = Pick<PlanStatus, 'mastered' | 'unseen' | 'perDay' | 'tight' | 'crowded'> & {
  daysLeft: number;
};

const DAY_MS = 86_400_000;

/** The 学习会 as stored in the settings (its date and documents also drive 冲刺). */
export function planOf(
  settings: Pick<StudySettings, 'cramUntil' | 'cramSources' | 'cramCards'>,
): StudyPlan | undefined {
  const cards = settings.cramCards?.length ? { cardIds: new Set(settings.cramCards) } : {};
  if (settings.cramUntil) return { date: settings.cramUntil, sourceIds: settings.cramSources ?? [], ...cards };
  return settings.cramSources?.length ? { sourceIds: settings.cramSources, ...cards } : undefined;
}

/** Study days from the study day of `now` to `date`: 0 on that day, negative once it has passed. */
export function daysUntil(date: string, now: Date, settings: Pick<StudySettings, 'dayStartHour'>): number {
  const today = dayStart(now, settings.dayStartHour);
  const [y, m, d] = date.split('-').map(Number);
  // Calendar days counted in UTC, so a daylight-saving change never gives a fraction.
  return Math.round(
    (Date.UTC(y, m - 1, d) - Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())) / DAY_MS,
  );
}

export function inPlan(card: Pick<QueueCard, 'sourceIds'> & { id?: string }, plan: StudyPlan): boolean {
  if (plan.cardIds && !plan.cardIds.has(card.id ?? '')) return false;
  return plan.sourceIds.length === 0 || (card.sourceIds ?? []).some((id) => plan.sourceIds.includes(id));
}

interface Live {
  card: QueueCard;
  isNew: boolean;
  recall: number;
}

/** The session's cards that are studied at all, read once; a card whose state cannot be read counts as new. */
function planCards(
  cards: QueueCard[],
  plan: StudyPlan,
  at: Date,
  settings: Pick<StudySettings, 'fsrsWeights'>,
): Live[] {
  const out: Live[] = [];
  for (const card of cards) {
    if (card.suspended || card.retired || card.held || !inPlan(card, plan)) continue;
    let isNew = true;
    let recall = 0;
    try {
      const s = reviveState(card.state);
      isNew = s.state === State.New;
      recall = isNew ? 0 : retrievability(s, at, settings);
    } catch {
      /* unreadable: counted as not yet learnt */
    }
    out.push({ card, isNew, recall });
  }
  return out;
}

/**
 * 已掌握: the share of the session's cards you would recall at the end of today — the mean FSRS
 * recall probability, a new card counting 0 — exactly the dashboard's 准备程度 of a document,
 * taken over the session's cards (each once). Null when the session has no card in study.
 */
export function planMastery(
  cards: QueueCard[],
  plan: StudyPlan,
  now: Date,
  settings: Pick<StudySettings, 'dayStartHour' | 'fsrsWeights'>,
): number | null {
  return mean(planCards(cards, plan, nextDayStart(now, settings), settings));
}

const mean = (live: Live[]) => (live.length ? live.reduce((sum, x) => sum + x.recall, 0) / live.length : null);

const byImportance = (a: Live, b: Live) =>
  b.card.importance - a.card.importance || (a.card.id < b.card.id ? -1 : a.card.id > b.card.id ? 1 : 0);

/** Today's share of the session; null when there is no session or its day has passed. */
export function planToday(
  cards: QueueCard[],
  plan: StudyPlan | undefined,
  now: Date,
  settings: StudySettings,
  done: PlanDone,
): PlanStatus | null {
  if (!plan) return null;
  const daysLeft = plan.date === undefined ? null : daysUntil(plan.date, now, settings);
  if (daysLeft !== null && daysLeft < 0) return null;
  const live = planCards(cards, plan, nextDayStart(now, settings), settings);
  if (daysLeft === null) return firstThese(live, settings, done);
  // The days before the session; on the day itself, that day.
  const days = Math.max(1, daysLeft);

  // Per note: new cards at the start of today (those learnt today included), and today's share.
  const notes = new Map<string, { atStart: number; today: number; unseen: Live[] }>();
  const note = (id: string) => notes.get(id) ?? notes.set(id, { atStart: 0, today: 0, unseen: [] }).get(id)!;
  for (const x of live) {
    if (x.isNew) {
      const n = note(x.card.noteId);
      n.atStart++;
      n.unseen.push(x);
    } else if (done.introducedIds.has(x.card.id)) {
      const n = note(x.card.noteId);
      n.atStart++;
      n.today++;
    }
  }
  let atStart = 0;
  let introduced = 0;
  let crowded = false;
  for (const n of notes.values()) {
    atStart += n.atStart;
    introduced += n.today;
    if (n.atStart > days) crowded = true;
  }
  const perDay = Math.ceil(atStart / days);

  // Notes with the most new cards left go first, so those that need every remaining day get them.
  const order = [...notes.entries()]
    .filter(([, n]) => n.unseen.length)
    .sort(([a, x], [b, y]) => y.unseen.length - x.unseen.length || (a < b ? -1 : 1));
  const todayIds: string[] = [];
  const crowdedNoteIds: string[] = [];
  let left = Math.max(0, perDay - introduced);
  for (const [noteId, n] of order) {
    if (left <= 0) break;
    const cap = Math.ceil(n.atStart / days);
    // One card of a formulation a day, so siblings never give the answer away, unless time is short.
    if (cap === 1 && done.reviewedNoteIds.has(noteId)) continue;
    const take = n.unseen.sort(byImportance).slice(0, Math.min(left, cap - n.today));
    if (!take.length) continue;
    if (cap > 1) crowdedNoteIds.push(noteId);
    todayIds.push(...take.map((x) => x.card.id));
    left -= take.length;
  }
  return {
    date: plan.date,
    daysLeft,
    total: live.length,
    unseen: live.filter((x) => x.isNew).length,
    perDay,
    tight: perDay > settings.newPerDay,
    crowded,
    mastered: mean(live),
    todayIds,
    crowdedNoteIds,
  };
}

/** Documents chosen without a session date: their new cards first, within the daily limit, one per note. */
function firstThese(live: Live[], settings: StudySettings, done: PlanDone): PlanStatus {
  const unseen = live.filter((x) => x.isNew).sort(byImportance);
  const notes = new Set(done.reviewedNoteIds);
  const todayIds: string[] = [];
  const room = Math.max(0, settings.newPerDay - done.introducedIds.size);
  for (const x of unseen) {
    if (todayIds.length >= room) break;
    if (notes.has(x.card.noteId)) continue;
    notes.add(x.card.noteId);
    todayIds.push(x.card.id);
  }
  return {
    daysLeft: null,
    total: live.length,
    unseen: unseen.length,
    perDay: 0,
    tight: false,
    crowded: false,
    mastered: mean(live),
    todayIds,
    crowdedNoteIds: [],
  };
}
