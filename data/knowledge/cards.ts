// Card templates per note (issue 3, point 7): the questions a study-session organizer would ask.
import type { Card, Evidence, Note } from './types';
import { hash64 } from './merge';

const NUMERALS = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Evidence with the marks of each member, so a member card marks only its own answer. */
export interface MarkedEvidence {
  ev: Evidence;
  byMember?: Record<string, Array<[number, number]>>;
}

function cardId(kind: string, noteId: string, prompt: string, answer: string): string {
  return `${kind}:${hash64(`${noteId}\u0000${prompt}\u0000${answer}`)}`;
}

function countWord(n: number): string {
  return n <= 10 ? NUMERALS[n] : String(n);
}

function evidenceFor(marked: MarkedEvidence[], member?: string): Evidence[] {
  return marked.map(({ ev, byMember }) => {
    if (!member || !byMember) return ev;
    const marks = byMember[member];
    const { marks: _all, ...rest } = ev;
    return marks?.length ? { ...rest, marks } : rest;
  });
}

/** "六个精准" → "指哪六个"; other names ("两不愁三保障", "大扶贫格局") ask what they stand for. */
function listPrompt(name: string): string {
  const m = /^([一二两三四五六七八九十])个/.exec(name);
  return m ? `“${name}”指哪${m[1]}个？` : `“${name}”指什么？`;
}

/** A count card is trivial when the name says it ("六个精准", "两不愁三保障" = 2 + 3). */
function nameGivesCount(name: string, n: number): boolean {
  const values = [...name].map((c) => NUMERALS.indexOf(c)).filter((v) => v > 0);
  return values.includes(n) || (values.length > 1 && values.reduce((a, b) => a + b, 0) === n);
}

export function formulationCards(note: Note, marked: MarkedEvidence[]): Card[] {
  const members = note.members ?? [];
  const named = !!note.name && note.name !== members.join('、');
  const cards: Card[] = [];
  const push = (kind: Card['kind'], prompt: string, answer: string, weight: number, member?: string, extra: Partial<Card> = {}) =>
    cards.push({
      id: cardId(kind, note.id, prompt, answer),
      noteId: note.id,
      kind,
      prompt,
      answer,
      ...extra,
      evidence: evidenceFor(marked, member),
      importance: round(note.importance * weight),
    });

  if (named) {
    push('formulation-list', listPrompt(note.name), members.join('、'), 1, undefined, { members });
    if (!nameGivesCount(note.name, members.length)) {
      push('formulation-count', `“${note.name}”包括几个方面？`, `${countWord(members.length)}个：${members.join('、')}`, 0.9);
    }
    for (const m of members) {
      if (m.includes(note.name)) continue;
      push('formulation-member', `“${m}”属于哪个提法？`, note.name, 0.85, m);
    }
  }
  members.forEach((m, i) => {
    const shown = members.map((x, j) => (j === i ? '____' : x)).join('、');
    const prompt = named ? `“${note.name}”：${shown}` : `补全下面这组提法：${shown}`;
    push('formulation-cloze', prompt, m, 0.8, m);
  });
  return cards;
}

export function termCards(note: Note, marked: MarkedEvidence[]): Card[] {
  if (!note.definition) return [];
  const prompt = `“${note.name}”指什么？`;
  return [
    {
      id: cardId('term-definition', note.id, prompt, note.definition),
      noteId: note.id,
      kind: 'term-definition',
      prompt,
      answer: note.definition,
      evidence: evidenceFor(marked),
      importance: note.importance,
    },
  ];
}

export function figureCard(note: Note, prompt: string, answer: string): Card {
  return {
    id: cardId('figure-cloze', note.id, prompt, answer),
    noteId: note.id,
    kind: 'figure-cloze',
    prompt,
    answer,
    evidence: note.evidence,
    importance: note.importance,
    ...(note.figure ? { figure: note.figure } : {}),
  };
}

export function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;
}
