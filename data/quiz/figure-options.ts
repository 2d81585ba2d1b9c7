// Distractors for a figure: other figures of the documents in the same unit and of a plausible
// size, else numbers derived from the answer (×0.5, ×1.5, ±10% …) rounded the way it is written.
import type { Figure } from '../knowledge/types';
import { checkFigure, normalizeAnswer } from './answer';
import { formatNumber, roundLike, splitValue } from './quantity';
import { shuffle, type Rand } from './random';

export interface FigureTarget {
  /** The right answer as written: "9899万人". */
  answer: string;
  figure: Figure;
  /** The question text: a figure already visible in it makes a poor distractor. */
  prompt: string;
  /** Values a conflicting document gives for the same fact ("2024年"): never offered as wrong. */
  disputed?: string[];
  /** Figures of the question's own document(s): preferred as distractors (an imported document quizzes on itself first). */
  home?: ReadonlySet<Figure>;
}

const YEAR_STEPS = [-1, 1, -2, 2, -3, 3, -5, 5, -4, 4];
const FACTORS = [0.5, 1.5, 0.9, 1.1, 0.8, 1.2, 0.7, 1.3, 2, 0.6];

const plausible = (x: number, y: number, unit: string) =>
  unit === '年' ? Math.abs(x - y) <= 10 : y > 0 && y / x >= 0.2 && y / x <= 5 && (unit !== '%' || x > 100 || y <= 100);

/** Derived numbers, formatted with the answer's unit and suffix ("290多万名" → "440多万名"). */
function derived(target: FigureTarget, rand: Rand): string[] {
  const v = splitValue(target.figure.value);
  if (!v) return [];
  const { x, suffix, decimals } = v;
  const unit = target.figure.unit;
  const numbers =
    unit === '年'
      ? shuffle(YEAR_STEPS, rand).map((d) => x + d)
      : shuffle(FACTORS, rand).map((f) => roundLike(x * f, target.figure.value));
  // Tiny counts (1户, 2名) round back onto the answer: step by one as a last resort.
  const small = [1, 2, 3, 4, 5].map((d) => x + d * 10 ** -decimals);
  return [...numbers, ...small]
    .filter((n) => n > 0 && plausible(x, n, unit))
    .map((n) => `${formatNumber(n, decimals)}${suffix}${unit}`);
}

/** Three wrong figures, never equal to the answer after normalization (checked with the answer checker). */
export function figureDistractors(target: FigureTarget, pool: readonly Figure[], rand: Rand, want = 3): string[] {
  const self = splitValue(target.figure.value);
  // A range or a date ("5%－5.5%", "2019年5月6日") has no single number to vary: asked as 填空 only.
  if (!self || /[－\-~～—至月/]/.test(target.answer)) return [];
  // Bounds written around the figure ("不少于32学时", "30%以上") go around every option alike.
  const core = `${target.figure.value}${target.figure.unit}`;
  const at = target.answer.indexOf(core);
  const [before, after] = at >= 0 ? [target.answer.slice(0, at), target.answer.slice(at + core.length)] : ['', ''];
  const wrap = (text: string) => `${before}${text}${after}`;
  const promptText = normalizeAnswer(target.prompt);
  const disputed = (target.disputed ?? []).map(normalizeAnswer);
  const out: string[] = [];
  const seen = new Set<string>([normalizeAnswer(target.answer)]);
  const accept = (text: string) => {
    const norm = normalizeAnswer(text);
    if (out.length >= want || seen.has(norm) || disputed.includes(norm) || promptText.includes(norm)) return;
    if (checkFigure(text, target.answer).verdict !== 'wrong') return;
    seen.add(norm);
    out.push(text);
  };
  const others = pool
    .filter((f) => f.unit === target.figure.unit)
    .map((f) => ({ f, v: splitValue(f.value) }))
    .filter(({ v }) => v && v.x !== self.x && plausible(self.x, v.x, target.figure.unit))
    .map(({ f, v }) => ({
      text: `${f.value}${f.unit}`,
      distance: Math.abs(Math.log(v!.x / self.x)),
      own: !!target.home?.has(f),
    }));
  // The nearest few in size, in a random order: plausible, and not the same three every time.
  const nearest = (list: typeof others) =>
    shuffle(
      [...new Map(list.map((o) => [o.text, o])).values()].sort((a, b) => a.distance - b.distance).slice(0, 6),
      rand,
    );
  // The question's own document first, where it states figures of this kind.
  const near = target.home
    ? [...nearest(others.filter((o) => o.own)), ...nearest(others.filter((o) => !o.own))]
    : nearest(others);
  // Half from the documents at most, so a quiz does not teach a table of unrelated numbers.
  for (const o of near.slice(0, 2)) accept(wrap(o.text));
  for (const text of derived(target, rand)) accept(wrap(text));
  for (const o of near) accept(wrap(o.text));
  return out;
}
