// Distractors for formulations. A wrong option is never secretly right: a formulation offered
// for a member never holds that member, and a member offered for a formulation never belongs to it.
import type { Note } from '../knowledge/types';
import { normalizeAnswer } from './answer';
import { isNamed, sourcesOf, trueMembers, type QuizContext } from './context';
import { shuffle, type Rand } from './random';

const overlaps = (a: string, b: string) => a.includes(b) || b.includes(a);

/** Formulations that do not hold `member`: siblings from the same documents first. */
export function formulationDistractors(ctx: QuizContext, note: Note, member: string, rand: Rand, want = 3): string[] {
  const m = normalizeAnswer(member);
  const holders = ctx.formulations.filter((f) => trueMembers(ctx, f).has(m)).map((f) => normalizeAnswer(f.name));
  const home = sourcesOf(note);
  const candidates = ctx.formulations.filter((f) => {
    const name = normalizeAnswer(f.name);
    return isNamed(f) && !trueMembers(ctx, f).has(m) && !holders.some((h) => overlaps(h, name)) && !overlaps(name, m);
  });
  const sibling = (f: Note) => [...sourcesOf(f)].some((s) => home.has(s));
  const ordered = [
    ...shuffle(candidates.filter(sibling), rand),
    ...shuffle(
      candidates.filter((f) => !sibling(f)),
      rand,
    ),
  ];
  const names = [...new Map(ordered.map((f) => [normalizeAnswer(f.name), f.name])).values()];
  return names.slice(0, want);
}

/**
 * Members of other formulations that are not members of `note` (nor contain or sit inside one),
 * of a similar length and from the same documents where possible.
 */
export function memberDistractors(ctx: QuizContext, note: Note, rand: Rand, want: number): string[] {
  const own = trueMembers(ctx, note);
  const home = sourcesOf(note);
  const avg = (note.members ?? []).reduce((s, m) => s + m.length, 0) / Math.max(1, note.members?.length ?? 1);
  const seen = new Set<string>();
  const scored: Array<{ text: string; score: number }> = [];
  for (const f of shuffle(ctx.formulations, rand)) {
    if (f.id === note.id) continue;
    const sibling = [...sourcesOf(f)].some((s) => home.has(s));
    for (const member of f.members ?? []) {
      const norm = normalizeAnswer(member);
      if (!norm || seen.has(norm) || own.has(norm) || [...own].some((o) => overlaps(o, norm))) continue;
      seen.add(norm);
      scored.push({ text: member, score: Math.abs(member.length - avg) + (sibling ? 0 : 1.5) + rand() * 2 });
    }
  }
  return scored
    .sort((a, b) => a.score - b.score)
    .slice(0, want)
    .map((s) => s.text);
}

/** Wrong counts for "包括几个方面": nearby numbers, never below two. */
export function countDistractors(n: number, rand: Rand): number[] {
  return shuffle([n - 1, n + 1, n - 2, n + 2, n + 3], rand)
    .filter((x) => x >= 2 && x !== n)
    .slice(0, 3);
}
