// One question per card: 单选, 判断, 多选 or 填空, whichever the card allows and the user chose.
// Randomness comes in as `rand`, so a fixed seed gives the same quiz.
import type { Card, Note } from '../knowledge/types';
import { seriesClues } from '../knowledge/list-clues';
import { isNamed, type QuizContext } from './context';
import { normalizeAnswer } from './answer';
import { figureDistractors } from './figure-options';
import { countDistractors, formulationDistractors, memberDistractors } from './formulation-options';
import { randInt, shuffle, type Rand } from './random';
import type { Question, QuestionKind } from './types';
import { COUNT_NUMERALS } from '../vocab/numerals';

/**
 * A count option written as the card writes its answer ("五个", "12个"), so that the right option
 * is the card's own word and no option stands out by being written differently.
 */
function countWords(answer: string): (n: number) => string {
  const digits = /^\d/.test(answer);
  return (n) => (digits || !COUNT_NUMERALS[n] ? `${n}个` : `${COUNT_NUMERALS[n]}个`);
}

/** The kinds of question a card can become, before trying to find distractors. */
export function possibleKinds(card: Card, ctx: QuizContext): QuestionKind[] {
  const note = ctx.notes.get(card.noteId);
  const named = !!note && isNamed(note) && (note.members?.length ?? 0) >= 2;
  switch (card.kind) {
    case 'figure-cloze':
      return card.figure ? ['single', 'judge', 'fill'] : ['fill'];
    case 'formulation-member':
      return named ? ['single', 'judge'] : [];
    case 'formulation-cloze':
      return note?.members ? ['single', 'judge', 'fill'] : ['fill'];
    case 'formulation-list':
      return named ? ['multi', 'fill'] : ['fill'];
    case 'formulation-count':
      return note?.members ? ['single', 'judge'] : [];
    case 'term-definition':
      return ctx.definitions.length >= 4 ? ['single'] : [];
    case 'statement':
      return (ctx.statements?.length ?? 0) >= 4 ? ['single', 'fill'] : ['fill'];
    case 'term-cloze':
    case 'user-cloze':
      return ['fill'];
  }
}

function choice(
  card: Card,
  kind: QuestionKind,
  prompt: string,
  right: string[],
  wrong: string[],
  rand: Rand,
  answer?: string,
): Question {
  const options = shuffle([...right, ...wrong], rand);
  const correct = right.map((r) => options.indexOf(r));
  const giveaways = [...right, card.answer];
  return {
    id: `${kind}:${card.id}`,
    kind,
    cardId: card.id,
    noteId: card.noteId,
    prompt,
    options,
    correct,
    answer: answer ?? right.join('、'),
    giveaways,
    evidence: card.evidence,
    conflicts: card.conflicts,
  };
}

function single(card: Card, note: Note | undefined, ctx: QuizContext, rand: Rand): Question | undefined {
  const ask = (right: string, wrong: string[], prompt = card.prompt) =>
    wrong.length >= 3 ? choice(card, 'single', prompt, [right], wrong.slice(0, 3), rand) : undefined;
  if (card.kind === 'figure-cloze' && card.figure) {
    const home = new Set(card.evidence.flatMap((e) => [...(ctx.figuresBySource.get(e.source) ?? [])]));
    const target = {
      answer: card.answer,
      figure: card.figure,
      prompt: card.prompt,
      disputed: ctx.disputed.get(card.id),
      home,
    };
    return ask(card.answer, figureDistractors(target, ctx.figures, rand));
  }
  if (card.kind === 'term-definition') {
    const others = ctx.definitions.filter((d) => d.id !== card.id && d.answer !== card.answer).map((d) => d.answer);
    return ask(card.answer, shuffle([...new Set(others)], rand));
  }
  if (card.kind === 'statement') {
    // Other statements' answers, the nearest in length first: "党的根本性建设" against "立德" is no question.
    const right = normalizeAnswer(card.answer);
    const byNorm = new Map((ctx.statements ?? []).map((d) => [normalizeAnswer(d.answer), d.answer]));
    byNorm.delete(right);
    const others = [...byNorm.values()];
    const near = others
      .sort((a, b) => Math.abs(a.length - card.answer.length) - Math.abs(b.length - card.answer.length))
      .slice(0, 8);
    return ask(card.answer, shuffle(near, rand));
  }
  if (!note?.members) return undefined;
  if (card.kind === 'formulation-member') {
    const member = note.members.find((m) => card.prompt.includes(`“${m}”`));
    return member ? ask(note.name, formulationDistractors(ctx, note, member, rand)) : undefined;
  }
  if (card.kind === 'formulation-cloze') return ask(card.answer, memberDistractors(ctx, note, rand, 3));
  if (card.kind === 'formulation-count') {
    const n = note.members.length;
    const countWord = countWords(card.answer);
    const q = ask(countWord(n), countDistractors(n, rand).map(countWord));
    return q && { ...q, answer: card.answer };
  }
  return undefined;
}

function multi(card: Card, note: Note | undefined, ctx: QuizContext, rand: Rand): Question | undefined {
  if (!note?.members || note.members.length < 2) return undefined;
  const k = randInt(2, Math.min(4, note.members.length), rand);
  const d = randInt(Math.max(2, 4 - k), 6 - k, rand);
  const right = shuffle(note.members, rand).slice(0, k);
  const wrong = memberDistractors(ctx, note, rand, d);
  if (wrong.length < d) return undefined;
  const q = choice(card, 'multi', `下列哪些属于“${note.name}”？（多选）`, right, wrong, rand);
  return { ...q, answer: `“${note.name}”：${note.members.join('、')}`, giveaways: note.members };
}

/** The statement a 单选 makes with `value` as its answer; undefined where none reads well. */
function statement(card: Card, value: string): string | undefined {
  if (card.kind === 'figure-cloze' || card.kind === 'formulation-cloze')
    return card.prompt.split('____').length === 2 ? card.prompt.replace('____', value) : undefined;
  if (card.kind === 'formulation-member' && card.prompt.endsWith('属于哪个提法？'))
    return card.prompt.replace(/哪个提法？$/, `“${value}”`);
  if (card.kind === 'formulation-count' && card.prompt.includes('几个'))
    return card.prompt.replace('几个', value).replace(/？$/, '');
  return undefined;
}

/** 判断: the 单选's right answer or one of its wrong options, put as a statement. */
function judge(card: Card, note: Note | undefined, ctx: QuizContext, rand: Rand): Question | undefined {
  const q = single(card, note, ctx, rand);
  if (!q?.options || !q.correct) return undefined;
  const right = q.options[q.correct[0]];
  const told = rand() < 0.5 ? right : q.options.find((_, i) => i !== q.correct![0])!;
  const said = statement(card, told);
  if (!said) return undefined;
  const correct = told === right;
  return {
    ...q,
    id: `judge:${card.id}`,
    kind: 'judge',
    prompt: said,
    options: ['正确', '错误'],
    correct: [correct ? 0 : 1],
    answer: correct ? `正确：${q.answer}` : `错误，应为：${q.answer}`,
  };
}

/** What each ____ of a series' clues holds ("精确____" over 精确识别 → 识别), when the prompt shows them. */
function seriesBlanks(prompt: string, members: string[]): string[] | undefined {
  const clues = seriesClues(members);
  if (!prompt.includes(clues.join('、')) || !clues.some((c) => c.includes('____'))) return undefined;
  const out: string[] = [];
  for (const [i, clue] of clues.entries()) {
    const pattern = new RegExp(
      `^${clue
        .split('____')
        .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('(.+?)')}$`,
      'u',
    );
    const found = pattern.exec(members[i]);
    if (!found) return undefined;
    out.push(...found.slice(1));
  }
  return out;
}

function fill(card: Card, note: Note | undefined): Question | undefined {
  const giveaways = [card.answer, ...(card.members ?? [])];
  const base = {
    id: `fill:${card.id}`,
    kind: 'fill' as const,
    cardId: card.id,
    noteId: card.noteId,
    answer: card.answer,
    giveaways,
    evidence: card.evidence,
    conflicts: card.conflicts,
  };
  if (card.kind === 'figure-cloze')
    return { ...base, prompt: card.prompt, expected: { kind: 'figure', text: card.answer, figure: card.figure } };
  if (card.kind === 'formulation-list') {
    const members = card.members ?? note?.members;
    if (!members?.length) return undefined;
    const ordered = note?.ordered ?? false;
    const blanks = seriesBlanks(card.prompt, members);
    const how = blanks ? '按顺序填空，也可写出完整各项' : `用顿号隔开${ordered ? '，按原文顺序' : '，顺序不限'}`;
    return {
      ...base,
      prompt: `${card.prompt}（${how}）`,
      expected: { kind: 'list', members, ordered, ...(blanks ? { blanks } : {}) },
    };
  }
  if (
    card.kind === 'formulation-cloze' ||
    card.kind === 'term-cloze' ||
    card.kind === 'user-cloze' ||
    card.kind === 'statement'
  ) {
    const one = card.prompt.split('____').length === 2;
    return {
      ...base,
      prompt: card.prompt,
      expected: { kind: 'text', text: card.answer, ...(one ? { blanks: [card.answer] } : {}) },
    };
  }
  return undefined;
}

export function makeQuestion(card: Card, kind: QuestionKind, ctx: QuizContext, rand: Rand): Question | undefined {
  const note = ctx.notes.get(card.noteId);
  if (kind === 'single') return single(card, note, ctx, rand);
  if (kind === 'judge') return judge(card, note, ctx, rand);
  if (kind === 'multi') return multi(card, note, ctx, rand);
  return fill(card, note);
}

/** A question for the card, of one of the chosen kinds (tried in random order). */
export function questionFor(
  card: Card,
  kinds: readonly QuestionKind[],
  ctx: QuizContext,
  rand: Rand,
): Question | undefined {
  const allowed = possibleKinds(card, ctx).filter((k) => kinds.includes(k));
  for (const kind of shuffle(allowed, rand)) {
    const q = makeQuestion(card, kind, ctx, rand);
    if (q) return q;
  }
  return undefined;
}

/**
 * Questions from cards in the order given, one card per note while other notes remain
 * (six questions on 六个精准 make a poor quiz), up to `count`.
 */
export function buildQuestions(
  cards: readonly Card[],
  kinds: readonly QuestionKind[],
  count: number,
  ctx: QuizContext,
  rand: Rand,
  accept: (q: Question) => boolean = () => true,
): Question[] {
  const out: Question[] = [];
  const usedNotes = new Set<string>();
  const usedCards = new Set<string>();
  for (const pass of [0, 1]) {
    for (const card of cards) {
      if (out.length >= count) return out;
      if (usedCards.has(card.id) || (pass === 0 && usedNotes.has(card.noteId))) continue;
      const q = questionFor(card, kinds, ctx, rand);
      if (!q || !accept(q)) continue;
      out.push(q);
      usedCards.add(card.id);
      usedNotes.add(card.noteId);
    }
  }
  return out;
}

/** 挑战答题 asks what is answered in seconds: one choice among short options, or 判断. */
export const CHALLENGE_KINDS: readonly QuestionKind[] = ['single', 'judge'];
const QUICK_OPTION = 16;

export function isQuick(q: Question): boolean {
  return CHALLENGE_KINDS.includes(q.kind) && !!q.options?.every((o) => o.length <= QUICK_OPTION);
}

export function challengeQuestions(cards: readonly Card[], count: number, ctx: QuizContext, rand: Rand): Question[] {
  return buildQuestions(cards, CHALLENGE_KINDS, count, ctx, rand, isQuick);
}
