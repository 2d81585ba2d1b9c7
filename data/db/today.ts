// Today's study, as the popup, the badge and the dashboard see it: one function so the three
// never disagree about the count. It reads only the cards that can be in today's queue
// (learning, reviews due before the day ends, the best new cards) through indexes, so opening
// the popup stays fast with ten thousand cards; the pure queue code then decides as usual.
import Dexie, { type Collection } from 'dexie';
import type { CardRow, TifaDB } from './schema';
import { getSettings, todayCounts } from './repo';
import { logTables } from './logs';
import { forecast, planDay, nextDayStart, queueStableUntil, type DueCounts, type TodayCounts } from '../srs/queue';
import { State } from '../srs/scheduler';
import type { StudySettings } from '../srs/settings';
import { heldBack } from '../knowledge/suspect';
import { shown, toQueueCard } from './queue-card';
import { loadPlanToday } from './plan-today';
import { planOf, planToday, type PlanStatus } from '../srs/plan';

export { shown, toQueueCard };

export interface Today {
  settings: StudySettings;
  /** Card ids to study now, in order. */
  queue: string[];
  counts: DueCounts;
  /** Ratings given today. */
  doneToday: number;
  /** The first card of the queue, as read, so the popup can show it without another query. */
  first?: CardRow;
  /** The 学习会 until its day: today's share, days left, 已掌握 (data/srs/plan.ts). */
  plan?: PlanStatus;
  /** The queue stays as read until then unless the store changes (a learning card coming due, the day's end). */
  until: Date;
}

const live = (c: CardRow) => c.suspended === 0 && c.retired === 0 && !heldBack(c);

/**
 * The first `limit` live cards of an index range, in its order. Read as plain rows (one getAll with a
 * count, no cursor stepping card by card) and filtered here; when some rows read were not live, a
 * longer prefix is read until `limit` live ones are in hand or the range ends.
 */
async function firstLive(range: () => Collection<CardRow, string>, limit: number): Promise<CardRow[]> {
  for (let count = limit; ;) {
    const rows = await range().limit(count).toArray();
    const kept = rows.filter(live);
    if (kept.length >= limit || rows.length < count) return kept.slice(0, limit);
    count += Math.max(count, limit - kept.length);
  }
}

/** Live learning cards: few at any time, all of them take part. */
function readLearning(db: TifaDB): Promise<CardRow[]> {
  return db.cards.where('state').anyOf([State.Learning, State.Relearning]).filter(live).toArray();
}

/** Reviews due before the study day ends, most overdue first, at most `limit`. */
function readReviews(db: TifaDB, end: Date, limit: number): Promise<CardRow[]> {
  return firstLive(
    () => db.cards.where('[state+due]').between([State.Review, Dexie.minKey], [State.Review, end]),
    limit,
  );
}

/** New cards the user asked to learn now ("加入学习"): few, and all of them take part. */
function readWanted(db: TifaDB): Promise<CardRow[]> {
  return db.cards
    .where('wanted')
    .aboveOrEqual(0)
    .filter((c) => live(c) && c.state === State.New)
    .toArray();
}

/**
 * New cards in the queue's order (most important first, then by id), a prefix of it: every card more
 * important than the last one read, and that last level's lowest ids, at most `limit` of them. At
 * least `limit` cards whenever some were left unread, which is how loadToday tells the read was cut.
 */
async function readNew(db: TifaDB, limit: number): Promise<CardRow[]> {
  const news = await firstLive(
    () => db.cards.where('[state+importance]').between([State.New, Dexie.minKey], [State.New, Dexie.maxKey]).reverse(),
    limit,
  );
  // The reversed index gives the highest ids of the last level read, not the lowest the queue takes
  // first (equal index keys come in id order): that level is read again, forwards.
  const last = news.at(-1);
  if (!last || news.length < limit) return news;
  const ties = await firstLive(() => db.cards.where('[state+importance]').equals([State.New, last.importance]), limit);
  return [...news.filter((c) => c.importance !== last.importance), ...ties];
}

/** What was done today, as the queue takes it: limits used, and the cards shown (sibling burying). */
export async function studiedToday(db: TifaDB, now: Date, dayStartHour: number) {
  const done = await todayCounts(db, now, dayStartHour);
  const rated = await db.cards.bulkGet(done.reviewedCardIds);
  const shownToday = rated.flatMap((c) => (c ? [shown(c)] : []));
  const today: TodayCounts = {
    newDone: done.newDone,
    reviewsDone: done.reviewsDone,
    reviewedNoteIdsToday: new Set(done.reviewedNoteIds),
    shownToday,
  };
  return { done, today };
}

/** Candidates beyond the day's limits in the first read: room for a few siblings and cards done today. */
const FIRST_PAD = 20;

/** The reviews and new cards read as candidates for today's queue, and the limits they were read with. */
async function readCandidates(db: TifaDB, end: Date, reviewsLimit: number, newLimit: number) {
  const [reviews, news] = await Promise.all([readReviews(db, end, reviewsLimit), readNew(db, newLimit)]);
  return { reviews, news, reviewsLimit, newLimit };
}

/**
 * Today's queue, read in one read-only transaction: the settings, today's ratings and the candidate
 * cards are a dozen reads, and the queue is built from one consistent state of the store (a rating
 * saved between two of them cannot be half counted). Measured in the popup it neither saves nor costs time.
 */
export function loadToday(db: TifaDB, now: Date): Promise<Today> {
  return db.transaction('r', [db.cards, ...logTables(db), db.settings], () => readToday(db, now));
}

async function readToday(db: TifaDB, now: Date): Promise<Today> {
  // Everything is read as soon as the settings are known, side by side: today's ratings, the learning
  // and wanted cards, the 学习会's cards, and a first set of candidates sized by the daily limits alone.
  const reading = getSettings(db);
  const studying = reading.then((s) => studiedToday(db, now, s.dayStartHour));
  const [settings, learning, wanted, { done, today: studied }, plan, first] = await Promise.all([
    reading,
    readLearning(db),
    readWanted(db),
    studying,
    Promise.all([reading, studying]).then(([s, { done }]) => loadPlanToday(db, now, s, done)),
    reading.then((s) => readCandidates(db, nextDayStart(now, s), s.reviewsPerDay + FIRST_PAD, s.newPerDay + FIRST_PAD)),
  ]);
  const today: TodayCounts = {
    ...studied,
    plan: plan ? { ids: plan.status.todayIds, crowdedNoteIds: plan.status.crowdedNoteIds } : undefined,
  };
  const end = nextDayStart(now, settings);
  const reviewsLeft = Math.max(0, settings.reviewsPerDay - done.reviewsDone);
  const newLeft = Math.max(0, settings.newPerDay - done.newDone);
  // The new cards the queue takes at most from those read (data/srs/queue.ts): the cards the user
  // asked for always fit, and without a 学习会 they use up the day's budget first.
  const newRoom = plan ? newLeft : Math.max(newLeft, wanted.length);

  // What is read is a prefix of each list in the queue's order, and the queue takes from it in that
  // order; sibling burying may skip some, so a read that hit its limit and still left the day short
  // is repeated larger: the result always equals buildQueue over every card, whatever the limits.
  for (let read = first; ;) {
    const { reviews, news: best } = read;
    const have = new Set(best.map((c) => c.id));
    const extra = [...wanted, ...(plan?.rows ?? [])].filter((c) => !have.has(c.id) && have.add(c.id));
    const news = [...extra, ...best];
    const cards = [...learning, ...reviews, ...news].map(toQueueCard);
    const { queue, counts } = planDay(cards, now, settings, today);
    const short =
      (reviews.length >= read.reviewsLimit && counts.review < reviewsLeft) ||
      (best.length >= read.newLimit && counts.new < newRoom);
    if (short) {
      const pad = done.reviewedNoteIds.length + learning.length + wanted.length + FIRST_PAD;
      read = await readCandidates(db, end, read.reviewsLimit * 4 + pad, read.newLimit * 4 + pad);
      continue;
    }
    const doneToday = done.ratings;
    const head = queue.length ? [...learning, ...reviews, ...news].find((c) => c.id === queue[0]) : undefined;
    const until = queueStableUntil(
      learning.map((c) => c.due),
      now,
      end,
    );
    return { settings, queue, counts, doneToday, first: head, until, ...(plan ? { plan: plan.status } : {}) };
  }
}

/** Reviews falling due tomorrow plus tomorrow's new cards; read only when today is done. */
export async function loadTomorrow(db: TifaDB, now: Date): Promise<number> {
  const settings = await getSettings(db);
  const cards = (await db.cards.where('retired').equals(0).toArray()).map(toQueueCard);
  const [, dueTomorrow = 0] = forecast(cards, now, 2, settings);
  const unseen = cards.filter(
    (c) => !c.suspended && !c.held && (c.state as { state?: number }).state === State.New,
  ).length;
  // A 学习会 short of time asks for more new cards than the limit: tomorrow's share, counted as it will be then.
  const share = planToday(cards, planOf(settings), nextDayStart(now, settings), settings, {
    introducedIds: new Set(),
    reviewedNoteIds: new Set(),
  });
  return dueTomorrow + Math.max(Math.min(settings.newPerDay, unseen), share?.todayIds.length ?? 0);
}
