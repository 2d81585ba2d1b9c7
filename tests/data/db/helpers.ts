// Shared fixtures for the store tests: a fresh fake IndexedDB per test and a tiny deck.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Card, Deck } from '../../../data/knowledge/types';
import { Rating, State, type Grade } from 'ts-fsrs';
import type { SrsLog } from '../../../data/srs/scheduler';
import { openDb, type TifaDB } from '../../../data/db/schema';
import { syncDeck } from '../../../data/db/deck-sync';
import { editCard, recordSighting, resolveConflict, saveReview, saveSettings } from '../../../data/db/repo';
import { DEFAULT_SETTINGS, type StudySettings } from '../../../data/srs/settings';
import type { TrainReport } from '../../../data/db/fsrs-params';

export const fakeDeps = () => ({ indexedDB: new IDBFactory(), IDBKeyRange });
export const freshDb = () => openDb('tifa-test', fakeDeps());

// Local-time dates, so day boundaries do not depend on the machine's time zone.
export const T0 = new Date(2025, 2, 1, 9, 0, 0);
export const at = (days: number, hours = 0) => new Date(T0.getTime() + days * 86_400_000 + hours * 3_600_000);

export const SETTINGS: StudySettings = { ...DEFAULT_SETTINGS, enableFuzz: false };

/** One review as ts-fsrs logs it (a history's log, or a rating's without its card). */
export const srsLog = (review: Date, rating: Rating = Rating.Good, state: State = State.Review): SrsLog => ({
  rating,
  state,
  due: new Date(review.getTime() + 86_400_000),
  stability: 3,
  difficulty: 5,
  elapsed_days: 0,
  last_elapsed_days: 0,
  scheduled_days: 1,
  learning_steps: 0,
  review,
});

const card = (id: string, noteId: string, prompt: string, answer: string, extra: Partial<Card> = {}): Card => ({
  id,
  noteId,
  kind: 'formulation-list',
  prompt,
  answer,
  evidence: [{ source: 's1', quote: `${prompt}：${answer}` }],
  importance: 0.5,
  ...extra,
});

export function makeDeck(): Deck {
  return {
    version: 1,
    sources: [
      { id: 's1', file: 's1.txt', title: '在打好精准脱贫攻坚战座谈会上的讲话', date: '2017-06-23' },
      { id: 's2', file: 's2.txt', title: '政府工作报告', date: '2020-05-22' },
    ],
    notes: [
      {
        id: 'n1',
        kind: 'formulation',
        name: '六个精准',
        members: ['扶持对象精准', '项目安排精准'],
        evidence: [{ source: 's1', quote: '六个精准' }],
        importance: 1,
      },
      { id: 'n2', kind: 'figure', name: '贫困人口', evidence: [{ source: 's2', quote: '551万' }], importance: 0.6 },
    ],
    cards: [
      card('c1', 'n1', '“六个精准”是哪六个？', '扶持对象精准、项目安排精准', {
        importance: 1,
        members: ['扶持对象精准', '项目安排精准'],
      }),
      card('c2', 'n1', '“扶持对象精准”属于哪个提法？', '六个精准', { kind: 'formulation-member' }),
      card('c3', 'n1', '“六个精准”有几个？', '六个', { kind: 'formulation-count' }),
      card('c4', 'n2', '2019年底农村贫困人口减少到多少？', '551万', {
        kind: 'figure-cloze',
        evidence: [{ source: 's2', quote: '农村贫困人口减少到551万' }],
        conflicts: ['k1'],
      }),
    ],
    conflicts: [
      {
        id: 'k1',
        topic: '脱贫攻坚完成时间',
        values: ['2020年', '2021年'],
        evidence: [
          { source: 's1', quote: '到2020年', value: '2020年' },
          { source: 's2', quote: '2021年', value: '2021年' },
        ],
      },
    ],
    terms: [],
  };
}

/** A training report for `weights` at `when`: the same fitted numbers in every FSRS suite. */
export const trainReport = (weights: number[], when: Date, applied: boolean): TrainReport => ({
  at: when.toISOString(),
  reviews: 800,
  items: 500,
  current: { logLoss: 0.42, rmse: 0.05, count: 500 },
  next: { logLoss: 0.4, rmse: 0.04, count: 500 },
  weights,
  change: 0.12,
  applied,
});

/**
 * The deck synced and a row in every table: the `reviews` (two by default), an edited answer, a sighting,
 * a resolved conflict, settings and a quiz — what the backup tests export and import.
 */
export async function seedEveryTable(
  d: TifaDB,
  reviews: Array<[cardId: string, rating: Grade, when: Date]> = [
    ['c1', Rating.Good, at(0, 1)],
    ['c2', Rating.Again, at(0, 1)],
  ],
): Promise<void> {
  await syncDeck(d, makeDeck(), T0);
  for (const [cardId, rating, when] of reviews) await saveReview(d, cardId, rating, when, SETTINGS);
  await editCard(d, 'c3', { answer: '六条' });
  await recordSighting(d, { noteIds: ['n2'] }, at(0, 2));
  await resolveConflict(d, 'k1', '2020年', at(0, 3));
  await saveSettings(d, { newPerDay: 7, cramUntil: '2025-03-20' });
  await d.quizzes.add({ at: at(0, 4), total: 10, correct: 8, cardIds: ['c1', 'c4'] });
}
