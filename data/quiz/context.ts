// Everything question generation needs to know about the whole deck, computed once per quiz:
// which formulations hold which members, the figures of the documents, the disputed values.
import type { Card, Conflict, Figure, Note } from '../knowledge/types';
import { normalizeAnswer } from './answer';

export interface QuizPool {
  notes: readonly Note[];
  cards: readonly Card[];
  /** Open conflicts: their values are never offered as wrong options. */
  conflicts?: readonly Conflict[];
}

export interface QuizContext {
  notes: Map<string, Note>;
  /** Formulation notes with at least two members. */
  formulations: Note[];
  /** Normalized name or alias → normalized members of every note going by that name. */
  membersByName: Map<string, Set<string>>;
  figures: Figure[];
  /** The figures each document states, so a figure's distractors come from its own document first. */
  figuresBySource: Map<string, Set<Figure>>;
  /** Card id → values of the open conflicts touching it. */
  disputed: Map<string, string[]>;
  /** term-definition cards, for 单选 definitions. */
  definitions: Card[];
  /** Key statement cards, whose answers are each other's 单选 options. */
  statements?: Card[];
}

/** A formulation with a name a cadre would say (六个精准), not a series written out in full. */
export const isNamed = (note: Note): boolean => note.name.length <= 12 && !/[、，,；]/.test(note.name);

export function makeContext(pool: QuizPool): QuizContext {
  const formulations = pool.notes.filter((n) => n.kind === 'formulation' && (n.members?.length ?? 0) >= 2);
  const membersByName = new Map<string, Set<string>>();
  for (const note of formulations) {
    for (const name of [note.name, ...(note.aliases ?? [])]) {
      const key = normalizeAnswer(name);
      const set = membersByName.get(key) ?? new Set<string>();
      for (const m of note.members ?? []) set.add(normalizeAnswer(m));
      membersByName.set(key, set);
    }
  }
  const figures = [
    ...pool.notes.flatMap((n) => (n.figure ? [n.figure] : [])),
    ...pool.cards.flatMap((c) => (c.figure ? [c.figure] : [])),
  ];
  const figuresBySource = new Map<string, Set<Figure>>();
  for (const item of [...pool.notes, ...pool.cards]) {
    if (!item.figure) continue;
    for (const e of item.evidence)
      figuresBySource.set(e.source, (figuresBySource.get(e.source) ?? new Set()).add(item.figure));
  }
  const valuesById = new Map((pool.conflicts ?? []).map((c) => [c.id, c.values]));
  // A disputed figure (目标年份: 2020年 or 2024年) is disputed for every card about the same
  // subject, even one whose own sentence the conflict check did not tie to it.
  const subjectKey = (c: Card) => (c.figure?.subject ? `${c.figure.subject}|${c.figure.unit}` : c.id);
  const bySubject = new Map<string, string[]>();
  for (const card of pool.cards) {
    const values = (card.conflicts ?? []).flatMap((id) => valuesById.get(id) ?? []);
    if (values.length) bySubject.set(subjectKey(card), [...(bySubject.get(subjectKey(card)) ?? []), ...values]);
  }
  const disputed = new Map<string, string[]>();
  for (const card of pool.cards) {
    const values = [...(bySubject.get(subjectKey(card)) ?? []), ...(bySubject.get(card.id) ?? [])];
    if (values.length) disputed.set(card.id, [...new Set(values)]);
  }
  return {
    notes: new Map(pool.notes.map((n) => [n.id, n])),
    formulations,
    membersByName,
    figures,
    figuresBySource,
    disputed,
    definitions: pool.cards.filter((c) => c.kind === 'term-definition'),
    statements: pool.cards.filter((c) => c.kind === 'statement'),
  };
}

/** Normalized members of the formulation `note` names, over every note going by that name. */
export function trueMembers(ctx: QuizContext, note: Note): Set<string> {
  const all = new Set((note.members ?? []).map(normalizeAnswer));
  for (const name of [note.name, ...(note.aliases ?? [])])
    for (const m of ctx.membersByName.get(normalizeAnswer(name)) ?? []) all.add(m);
  return all;
}

/** Sources a note is attested in, to prefer sibling formulations from the same documents. */
export const sourcesOf = (note: Note): Set<string> => new Set(note.evidence.map((e) => e.source));
