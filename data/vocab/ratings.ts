// The one vocabulary of a rating: FSRS's number (1–4, 0 for a manual reset), the key that gives
// it, the Chinese label on its button, the test id and the CSS class.

export type RatingNumber = 1 | 2 | 3 | 4;

export interface RatingWord {
  rating: RatingNumber;
  key: string;
  label: string;
  testId: string;
  className: string;
}

export const RATINGS: readonly RatingWord[] = [
  { rating: 1, key: '1', label: '重来', testId: 'rate-again', className: 'rate-1' },
  { rating: 2, key: '2', label: '困难', testId: 'rate-hard', className: 'rate-2' },
  { rating: 3, key: '3', label: '良好', testId: 'rate-good', className: 'rate-3' },
  { rating: 4, key: '4', label: '简单', testId: 'rate-easy', className: 'rate-4' },
];

/** The four buttons' labels, index 0 = rating 1 (重来) … 3 = rating 4 (简单). */
export const RATING_LABELS = RATINGS.map((r) => r.label) as [string, string, string, string];

/** A review log's rating as the history shows it: 0 is a manual reset (手动). */
export function ratingLabel(rating: number): string {
  return rating === 0 ? '手动' : (RATINGS[rating - 1]?.label ?? String(rating));
}
