// Which cards to study today and in what order. Pure: the caller passes the cards, the
// time and what was already done today; the queue is rebuilt after every rating, so a
// learning card that comes due moves to the front by itself.
import { retrievability, reviveState, State, type SrsState } from './scheduler';
import { DEFAULT_SETTINGS, type StudySettings } from './settings';
import { Siblings, type Shown } from './siblings';
import { dayStart } from './day';

export interface QueueCard {
  id: string;
  noteId: string;
  /** 0..1, headline items first among new cards */
  importance: number;
  suspended?: boolean;
  retired?: boolean;
  /** FSRS state, as stored (dates may be ISO strings). */
  state: SrsState | Record<string, unknown>;
  sourceIds?: string[];
  /** The user asked to learn it now ("加入学习"): first among new cards, beyond the daily limit. */
  wanted?: boolean;
  /** 待核实 (or discarded): rests on a document whose years are doubtful; in no queue. */
  held?: boolean;
  /** The answer and everything the card shows (siblings.ts): cards that give it away wait for tomorrow. */
  answer?: string;
  shown?: string;
}

export interface TodayCounts {
  newDone: number;
  reviewsDone: number;
  /** Notes with a card rated today: their other cards wait for tomorrow (sibling burying). */
  reviewedNoteIdsToday?: Set<string>;
  /** 学习会 (plan.ts planToday): its new cards due today come first, beyond the daily limit if need be. */
  plan?: { ids: string[]; crowdedNoteIds?: string[] };
  /** The cards rated today: cards whose answer they show (or that show theirs) wait for tomorrow too. */
  shownToday?: Shown[];
}

export interface DueCounts {
  learning: number;
  review: number;
  new: number;
  total: number;
}

/** Like Anki: when nothing else is left, a learning card due within 20 minutes is shown early. */
export const LEARN_AHEAD_MS = 20 * 60_000;

/** Start of the next study day; calendar arithmetic, so a DST change gives a 23 or 25 h day. */
export function nextDayStart(now: Date, settings: Pick<StudySettings, 'dayStartHour'>): Date {
  const d = dayStart(now, settings.dayStartHour);
  d.setDate(d.getDate() + 1);
  d.setHours(settings.dayStartHour, 0, 0, 0);
  return d;
}

/**
 * Until when the queue built at `now` stays as it is if the store does not change: the day's end, or
 * sooner the moment a learning card comes within the learn-ahead window or comes due (parts() below
 * compares those two times with `now`; nothing else it reads depends on the hour).
 */
export function queueStableUntil(learningDue: readonly Date[], now: Date, end: Date): Date {
  const t = now.getTime();
  let until = end.getTime();
  for (const due of learningDue) {
    for (const at of [due.getTime() - LEARN_AHEAD_MS, due.getTime()]) if (at > t && at < until) until = at;
  }
  return new Date(until);
}

interface Live {
  card: QueueCard;
  s: SrsState;
}

// A card whose stored state cannot be read is left out rather than breaking the whole
// review; the repository layer is where such a card should be reported and repaired.
function live(cards: QueueCard[]): Live[] {
  const out: Live[] = [];
  for (const card of cards) {
    if (card.suspended || card.retired || card.held) continue;
    try {
      out.push({ card, s: reviveState(card.state) });
    } catch {
      /* skipped, see above */
    }
  }
  return out;
}

const byId = (a: Live, b: Live) => (a.card.id < b.card.id ? -1 : a.card.id > b.card.id ? 1 : 0);
const byDue = (a: Live, b: Live) => a.s.due.getTime() - b.s.due.getTime() || byId(a, b);

function take(list: Live[], limit: number, buried: Siblings): Live[] {
  const out: Live[] = [];
  for (const x of list) {
    if (out.length >= limit) break;
    if (buried.buried(x.card)) continue;
    buried.add(x.card);
    out.push(x);
  }
  return out;
}

/** Spreads new cards evenly among reviews, a review first, so a short session still sees some of both. */
function mix<T>(reviews: T[], news: T[]): T[] {
  const out: T[] = [];
  let r = 0;
  news.forEach((n, j) => {
    const upto = Math.ceil(((j + 1) * reviews.length) / (news.length + 1));
    while (r < upto) out.push(reviews[r++]);
    out.push(n);
  });
  while (r < reviews.length) out.push(reviews[r++]);
  return out;
}

/** New cards with a 学习会: the wanted ones, then the session's share for today, then the rest up to the limit. */
function withPlan(
  unseen: Live[],
  wanted: number,
  room: number,
  plan: NonNullable<TodayCounts['plan']>,
  buried: Siblings,
): Live[] {
  const first = take(
    unseen.filter((x) => x.card.wanted),
    wanted,
    buried,
  );
  const crowded = new Set(plan.crowdedNoteIds);
  const byCard = new Map(unseen.map((x) => [x.card.id, x]));
  const picks = plan.ids.flatMap((id) => {
    const x = byCard.get(id);
    return x && !x.card.wanted && (crowded.has(x.card.noteId) || !buried.buried(x.card)) ? [x] : [];
  });
  for (const x of picks) buried.add(x.card);
  const picked = new Set(picks);
  const rest = unseen.filter((x) => !x.card.wanted && !picked.has(x));
  return [...first, ...picks, ...take(rest, Math.max(0, room - first.length - picks.length), buried)];
}

function parts(cards: QueueCard[], now: Date, settings: StudySettings, today: TodayCounts) {
  const t = now.getTime();
  const end = nextDayStart(now, settings).getTime();
  const all = live(cards);
  const learning = all
    .filter(
      (x) =>
        (x.s.state === State.Learning || x.s.state === State.Relearning) && x.s.due.getTime() <= t + LEARN_AHEAD_MS,
    )
    .sort(byDue);
  const buried = new Siblings(today.shownToday, today.reviewedNoteIdsToday);
  for (const x of learning) buried.add(x.card);
  const reviews = take(
    all.filter((x) => x.s.state === State.Review && x.s.due.getTime() < end).sort(byDue),
    Math.max(0, settings.reviewsPerDay - today.reviewsDone),
    buried,
  );
  const unseen = all.filter((x) => x.s.state === State.New);
  const wanted = unseen.filter((x) => x.card.wanted).length;
  unseen.sort(
    (a, b) => Number(!!b.card.wanted) - Number(!!a.card.wanted) || b.card.importance - a.card.importance || byId(a, b),
  );
  const news = today.plan
    ? withPlan(unseen, wanted, Math.max(0, settings.newPerDay - today.newDone), today.plan, buried)
    : // Cards the user asked for always fit; they use up the day's new-card budget first.
      take(unseen, Math.max(0, settings.newPerDay - today.newDone, wanted), buried);
  const dueNow = learning.filter((x) => x.s.due.getTime() <= t);
  // Anki's learn-ahead: a learning card not yet due is offered only once nothing else is left,
  // so rating a card always takes it out of today's count until it comes due.
  const ahead = dueNow.length + reviews.length + news.length === 0 ? learning.filter((x) => x.s.due.getTime() > t) : [];
  return { dueNow, ahead, reviews, news };
}

/** Card ids to study now, in order: learning due, then reviews and new cards mixed, then learning due soon. */
export function buildQueue(cards: QueueCard[], now: Date, settings: StudySettings, today: TodayCounts): string[] {
  return planDay(cards, now, settings, today).queue;
}

export function dueCounts(cards: QueueCard[], now: Date, settings: StudySettings, today: TodayCounts): DueCounts {
  return planDay(cards, now, settings, today).counts;
}

/** buildQueue and dueCounts in one pass (sibling burying compares texts: worth doing once). */
export function planDay(
  cards: QueueCard[],
  now: Date,
  settings: StudySettings,
  today: TodayCounts,
): { queue: string[]; counts: DueCounts } {
  const p = parts(cards, now, settings, today);
  const learning = p.dueNow.length + p.ahead.length;
  return {
    queue: [...p.dueNow, ...mix(p.reviews, p.news), ...p.ahead].map((x) => x.card.id),
    counts: {
      learning,
      review: p.reviews.length,
      new: p.news.length,
      total: learning + p.reviews.length + p.news.length,
    },
  };
}

/** The number the popup and the badge show; always equals buildQueue(...).length. */
export function dueCount(cards: QueueCard[], now: Date, settings: StudySettings, today: TodayCounts): number {
  return dueCounts(cards, now, settings, today).total;
}

/**
 * Cards already studied coming due per study day: [0] is today (overdue included),
 * [i] the i-th day after. New cards are not forecast: the daily new limit decides them.
 */
export function forecast(
  cards: QueueCard[],
  now: Date,
  days = 30,
  settings: Pick<StudySettings, 'dayStartHour'> = DEFAULT_SETTINGS,
): number[] {
  const counts = new Array<number>(days).fill(0);
  const bounds: number[] = [];
  const d = nextDayStart(now, settings);
  for (let i = 0; i < days; i++) {
    bounds.push(d.getTime());
    d.setDate(d.getDate() + 1);
    d.setHours(settings.dayStartHour, 0, 0, 0);
  }
  for (const { s } of live(cards)) {
    if (s.state === State.New) continue;
    const due = s.due.getTime();
    const i = bounds.findIndex((b) => due < b);
    if (i >= 0) counts[i]++;
  }
  return counts;
}

/** Cram (冲刺) is on from now until the end of the study day of settings.cramUntil. */
export function cramActive(now: Date, settings: StudySettings): boolean {
  if (!settings.cramUntil) return false;
  const [y, m, d] = settings.cramUntil.split('-').map(Number);
  return now.getTime() < new Date(y, m - 1, d + 1, settings.dayStartHour).getTime();
}

/**
 * 冲刺: every live card of settings.cramSources (all cards when none are listed; only
 * settings.cramCards of them when those are listed, a 学习资料包's selection) not yet
 * seen today, least likely to be recalled first. Cram answers must NOT be passed to
 * `rate`: the caller only records the card id in `crammedToday`, so FSRS scheduling is
 * untouched. Cards rated normally today (last_review in today) are left out too.
 */
export function buildCramQueue(
  cards: QueueCard[],
  now: Date,
  settings: StudySettings,
  crammedToday: Set<string> = new Set(),
): string[] {
  if (!cramActive(now, settings)) return [];
  const sources = new Set(settings.cramSources ?? []);
  const only = settings.cramCards?.length ? new Set(settings.cramCards) : undefined;
  const start = dayStart(now, settings.dayStartHour).getTime();
  const picked = live(cards)
    .filter(({ card, s }) => !crammedToday.has(card.id) && !(s.last_review && s.last_review.getTime() >= start))
    .filter(({ card }) => sources.size === 0 || (card.sourceIds ?? []).some((id) => sources.has(id)))
    .filter(({ card }) => !only || only.has(card.id))
    .map((x) => ({ ...x, r: retrievability(x.s, now, settings) }));
  picked.sort((a, b) => a.r - b.r || b.card.importance - a.card.importance || byId(a, b));
  return picked.map((x) => x.card.id);
}
