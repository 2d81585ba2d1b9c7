// Tifa's FSRS schedule in Anki's card and revlog columns. Days: Anki counts review (and day-learning)
// `due` in days since the collection's creation `crt`, with the day starting at the rollover hour
// (rslib/src/scheduler/timing.rs); intraday learning `due` is a unix time in seconds.
import { CardQueue, CardType, RevlogKind, type AnkiCardColumns } from './schema';

/** ts-fsrs State / Rating as numbers (pure code here does not import ts-fsrs). */
const State = { New: 0, Learning: 1, Review: 2, Relearning: 3 } as const;

export interface FsrsLike {
  due: Date;
  stability: number;
  difficulty: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
}

export interface LogLike {
  rating: number;
  state: number;
  scheduled_days: number;
  review: Date;
}

export interface DayClock {
  rollover: number;
  utcOffsetMinutesWest: number;
}

const DAY = 86_400;
const I32_MAX = 2_147_483_647;

/** Which study day (counted from 1970) a moment falls in, in the user's zone and rollover hour. */
export function studyDay(at: Date, clock: DayClock): number {
  const local = Math.floor(at.getTime() / 1000) - clock.utcOffsetMinutesWest * 60 - clock.rollover * 3600;
  return Math.floor(local / DAY);
}

/** The unix second at which study day `day` begins: Anki's `crt` when the collection starts that day. */
export function dayStartSecs(day: number, clock: DayClock): number {
  return day * DAY + clock.utcOffsetMinutesWest * 60 + clock.rollover * 3600;
}

export interface CardSchedule extends AnkiCardColumns {
  left: number;
  data: string;
}

/** Anki rounds s and d to 3 places and dr to 2 when it writes cards.data (rslib/src/storage/card/data.rs convert_to_json). */
function round(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

export function cardData(fsrs: FsrsLike, desiredRetention: number): string {
  if (fsrs.state === State.New || !(fsrs.stability > 0) || !(fsrs.difficulty >= 1)) return '{}';
  return JSON.stringify({
    s: round(fsrs.stability, 3),
    d: round(Math.min(10, fsrs.difficulty), 3),
    dr: round(desiredRetention, 2),
  });
}

export interface ScheduleContext {
  clock: DayClock;
  /** The study day of `crt`. */
  crtDay: number;
  desiredRetention: number;
  /** Learning and relearning steps in Tifa's settings: their count gives Anki's steps left. */
  learningSteps: number;
  relearningSteps: number;
  /** The export's moment: learning due before the next day begins stays in the intraday queue. */
  now: Date;
}

export function cardSchedule(
  fsrs: FsrsLike,
  suspended: boolean,
  newPosition: number,
  ctx: ScheduleContext,
): CardSchedule {
  const base = { reps: fsrs.reps, lapses: fsrs.lapses, data: cardData(fsrs, ctx.desiredRetention) };
  const dueDay = studyDay(fsrs.due, ctx.clock) - ctx.crtDay;
  let s: Omit<CardSchedule, 'reps' | 'lapses' | 'data'>;
  if (fsrs.state === State.New) {
    s = { type: CardType.New, queue: CardQueue.New, due: newPosition, ivl: 0, factor: 0, left: 0 };
  } else if (fsrs.state === State.Review) {
    s = {
      type: CardType.Review,
      queue: CardQueue.Review,
      due: dueDay,
      ivl: Math.max(1, Math.round(fsrs.scheduled_days)),
      factor: 2500,
      left: 0,
    };
  } else {
    const relearn = fsrs.state === State.Relearning;
    const steps = relearn ? ctx.relearningSteps : ctx.learningSteps;
    const remaining = Math.max(1, steps - fsrs.learning_steps);
    // Due before the next day starts: the intraday queue (seconds); later: the day-learning queue (days).
    const intraday = dueDay <= studyDay(ctx.now, ctx.clock) - ctx.crtDay || fsrs.scheduled_days < 1;
    s = {
      type: relearn ? CardType.Relearn : CardType.Learn,
      queue: intraday ? CardQueue.Learn : CardQueue.DayLearn,
      due: intraday ? Math.floor(fsrs.due.getTime() / 1000) : dueDay,
      ivl: relearn ? Math.max(1, Math.round(fsrs.scheduled_days)) : 0,
      factor: 2500,
      // v2 reads the steps left today in the thousands, v3 only `left % 1000`.
      left: remaining * 1000 + remaining,
    };
  }
  return { ...s, ...base, queue: suspended ? CardQueue.Suspended : s.queue };
}

export interface RevlogFields {
  ease: number;
  ivl: number;
  lastIvl: number;
  factor: number;
  time: number;
  type: number;
}

function revlogKind(log: LogLike): number {
  if (log.rating === 0) return RevlogKind.Manual;
  if (log.state === State.Review) return RevlogKind.Review;
  if (log.state === State.Relearning) return RevlogKind.Relearning;
  return RevlogKind.Learning;
}

const clampI32 = (n: number) => Math.max(-I32_MAX - 1, Math.min(I32_MAX, Math.round(n)));

/**
 * One card's logs, oldest first, as revlog rows. ts-fsrs logs hold the card as it was before each
 * rating; the interval a rating gave is read from the next log (or from the card, after the last):
 * days once the card is in review, otherwise negative seconds until it came (or comes) due.
 */
export function revlogFields(logs: LogLike[], fsrs: FsrsLike): RevlogFields[] {
  const out: RevlogFields[] = [];
  let lastIvl = 0;
  logs.forEach((log, i) => {
    const next = logs[i + 1];
    const afterState = next ? next.state : fsrs.state;
    const afterDays = next ? next.scheduled_days : fsrs.scheduled_days;
    const until = next ? next.review : fsrs.due;
    const ivl =
      afterState === State.Review
        ? Math.max(1, Math.round(afterDays))
        : -Math.max(0, Math.round((until.getTime() - log.review.getTime()) / 1000));
    const type = revlogKind(log);
    out.push({
      ease: log.rating,
      ivl: clampI32(ivl),
      lastIvl: clampI32(lastIvl),
      factor: type === RevlogKind.Learning ? 0 : 2500,
      time: 0,
      type,
    });
    lastIvl = ivl;
  });
  return out;
}
