// Tifa's review log as the FSRS optimizer reads it: per card, the ratings with the number of study
// days since the previous rating (0 for the first and for a second rating the same day). A study day
// begins at the user's `dayStartHour`, local time, as in Anki ("next day starts at"), so an answer at
// 01:30 counts for the day before. Pure: the time zone is passed in, never read here.

/** One rating as fsrs-rs reads it: `deltaT` study days since the previous rating of the card. */
export interface FsrsReview {
  rating: number;
  deltaT: number;
}

/** One card's ratings in order, from its first study (or its last reset) on. */
export type CardHistory = FsrsReview[];

/** The few fields of a stored review log that training reads. */
export interface LogForTraining {
  cardId: string;
  rating: number;
  /** ts-fsrs State of the card before this rating: 0 (New) starts a fresh history (a reset card). */
  state: number;
  review: Date | string | number;
}

export interface DayClock {
  /** Local hour at which a study day begins (StudySettings.dayStartHour). */
  dayStartHour: number;
  /** Local time minus UTC, in minutes (China: 480), i.e. `-new Date().getTimezoneOffset()`. */
  utcOffsetMinutes: number;
}

const DAY_MS = 86_400_000;

/** The study day of an instant, as a day count since 1970 in the user's clock. */
export function studyDay(at: number, clock: DayClock): number {
  return Math.floor((at + clock.utcOffsetMinutes * 60_000 - clock.dayStartHour * 3_600_000) / DAY_MS);
}

const timeOf = (v: LogForTraining['review']) => (v instanceof Date ? v.getTime() : new Date(v).getTime());

/**
 * Each card's histories, oldest rating first. Manual entries (rating 0: a schedule set by hand) are
 * skipped; a rating given to a new card (the card was reset, Anki's "forget") closes the history
 * before it and starts another, since the optimizer must see a card's first rating with deltaT 0.
 */
export function cardHistories(logs: Iterable<LogForTraining>, clock: DayClock): CardHistory[] {
  const byCard = new Map<string, Array<{ at: number; rating: number; state: number }>>();
  for (const log of logs) {
    const at = timeOf(log.review);
    if (!(log.rating >= 1 && log.rating <= 4) || !Number.isFinite(at)) continue;
    let list = byCard.get(log.cardId);
    if (!list) byCard.set(log.cardId, (list = []));
    list.push({ at, rating: log.rating, state: log.state });
  }
  const out: CardHistory[] = [];
  for (const list of byCard.values()) {
    list.sort((a, b) => a.at - b.at);
    let history: CardHistory = [];
    let lastDay = 0;
    for (const r of list) {
      const day = studyDay(r.at, clock);
      if (r.state === 0 && history.length) {
        out.push(history);
        history = [];
      }
      history.push({ rating: r.rating, deltaT: history.length ? Math.max(0, day - lastDay) : 0 });
      lastDay = day;
    }
    if (history.length) out.push(history);
  }
  return out;
}

/** Ratings that the optimizer learns from: those with at least one day since the previous one. */
export function longTermReviews(histories: readonly CardHistory[]): number {
  let n = 0;
  for (const h of histories) for (let i = 1; i < h.length; i++) if (h[i].deltaT > 0) n++;
  return n;
}

/** fsrs-browser's `computeParameters` input: every prefix of a history that ends on a rating a day or more after the one before. */
export interface FlatItems {
  ratings: Uint32Array;
  deltaTs: Uint32Array;
  lengths: Uint32Array;
}

/** One FSRS item per long-term rating (fsrs-rs's training set, as Anki builds it from its revlog), flattened. */
export function trainingItems(histories: readonly CardHistory[]): FlatItems {
  let items = 0;
  let total = 0;
  for (const h of histories) {
    for (let i = 1; i < h.length; i++) {
      if (h[i].deltaT > 0) {
        items++;
        total += i + 1;
      }
    }
  }
  const ratings = new Uint32Array(total);
  const deltaTs = new Uint32Array(total);
  const lengths = new Uint32Array(items);
  let at = 0;
  let item = 0;
  for (const h of histories) {
    for (let i = 1; i < h.length; i++) {
      if (h[i].deltaT === 0) continue;
      for (let j = 0; j <= i; j++) {
        ratings[at] = h[j].rating;
        deltaTs[at++] = h[j].deltaT;
      }
      lengths[item++] = i + 1;
    }
  }
  return { ratings, deltaTs, lengths };
}
