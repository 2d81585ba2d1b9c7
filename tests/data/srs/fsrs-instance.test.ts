// Every FSRS curve Tifa shows or schedules with follows the user's trained parameters (设置 → 优化参数):
// one function builds FSRS instances (data/srs/scheduler.ts makeScheduler), and the places that
// once built their own or used the default curve (the study plan's 已掌握, the card detail's
// retrievability, the quiz's 薄弱项, an Anki import's replay, the optimizer's evaluation) pass the set.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { planMastery, type StudyPlan } from '../../../data/srs/plan';
import type { QueueCard } from '../../../data/srs/queue';
import { makeScheduler, newCardState, rate, Rating, retrievability } from '../../../data/srs/scheduler';
import { DEFAULT_SETTINGS } from '../../../data/srs/settings';
import { ankiSchedule } from '../../../lib/anki/read-schedule';

const ROOT = join(import.meta.dirname, '../../..');
const DAY = 86_400_000;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** A trained set whose forgetting curve (w20) falls slower than the default one. */
const TRAINED = [...default_w];
TRAINED[20] = 0.8;
const S = { ...DEFAULT_SETTINGS, enableFuzz: false };
const T = { ...S, fsrsWeights: TRAINED };

describe('one function builds FSRS instances', () => {
  const files = ['data', 'lib', 'components', 'entrypoints']
    .flatMap((d) => walk(join(ROOT, d)))
    .map((f) => relative(ROOT, f))
    .filter((f) => f !== 'data/srs/scheduler.ts');

  it.each(files)('%s builds no FSRS instance of its own', (file) => {
    const source = readFileSync(join(ROOT, file), 'utf8');
    if (!/from\s+['"]ts-fsrs['"]/.test(source)) return;
    expect(source).not.toMatch(/\bfsrs\s*\(|new\s+FSRS\s*\(|\bfsrs\s*,|\{\s*fsrs\s*\}/);
  });

  it('makeScheduler follows the trained set, and keeps one instance per set', () => {
    expect(makeScheduler(T)).toBe(makeScheduler({ ...T }));
    expect(makeScheduler(T)).not.toBe(makeScheduler(S));
    expect(makeScheduler(T).parameters.w[20]).toBeCloseTo(0.8, 6);
  });
});

describe('the trained parameters reach every curve', () => {
  const now = new Date(2026, 2, 1, 9);
  const learnt = rate(newCardState(now), Rating.Easy, now, S).state;
  const later = new Date(now.getTime() + 30 * DAY);

  it('retrievability: the trained decay, not the default one', () => {
    expect(retrievability(learnt, later, T)).not.toBeCloseTo(retrievability(learnt, later, S), 3);
  });

  it('the study plan’s 已掌握 (planMastery) uses the trained curve', () => {
    const card: QueueCard = { id: 'a', noteId: 'n', importance: 0.5, state: learnt, sourceIds: ['d'] };
    const plan: StudyPlan = { sourceIds: ['d'] };
    const tomorrow = new Date(now.getTime() + 20 * DAY);
    const trained = planMastery([card], plan, tomorrow, T)!;
    const plain = planMastery([card], plan, tomorrow, S)!;
    expect(trained).not.toBeCloseTo(plain, 3);
  });

  it('an Anki import’s memory state replayed from the revlog uses the trained set', () => {
    const card = {
      id: 1,
      nid: 1,
      did: 1,
      ord: 0,
      type: 2,
      queue: 2,
      due: 40,
      ivl: 30,
      factor: 2500,
      reps: 3,
      lapses: 0,
    };
    const revlog = [
      { id: 0, cid: 1, ease: 3, ivl: 1, type: 0 },
      { id: 2 * DAY, cid: 1, ease: 3, ivl: 6, type: 1 },
      { id: 10 * DAY, cid: 1, ease: 3, ivl: 30, type: 1 },
    ];
    const weights = [...default_w];
    weights[0] = 1; // first-rating stability for 重来; [2] is 良好's
    weights[2] = 8;
    const plain = ankiSchedule(card, revlog, 0, new Date(40 * DAY), true);
    const trained = ankiSchedule(card, revlog, 0, new Date(40 * DAY), true, weights);
    expect(trained.fsrs.stability).not.toBeCloseTo(plain.fsrs.stability, 2);
  });
});
