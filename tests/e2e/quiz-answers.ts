// How the keyboard quiz (quiz.e2e.ts) knows the right answer to whatever question it is asked: from
// the deck rows in the page's own store and what the question shows. Pure, so that
// tests/data/quiz/quiz-answers.test.ts can prove it answers every question the deck can make —
// the e2e draws its questions at random, and a question these helpers misread fails CI by chance.
import assert from 'node:assert/strict';

export interface DeckRows {
  cards: Array<{ id: string; prompt: string; answer: string; members?: string[] }>;
  notes: Array<{ name: string; members?: string[] }>;
}

const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** The options that are right (from the deck in the page's own store), by what the question shows. */
export function rightOptions(deck: DeckRows, prompt: string, options: string[], multi: boolean): number[] {
  if (multi) {
    const name = /“(.+)”/.exec(prompt)![1];
    const members = new Set(deck.notes.filter((n) => n.name === name).flatMap((n) => n.members ?? []));
    return options.flatMap((o, i) => (members.has(o) ? [i] : []));
  }
  const ok = new Set(
    deck.cards
      .filter((c) => c.prompt === prompt)
      .flatMap((c) => [c.answer, ...c.answer.split('、'), c.answer.split('：')[0]]),
  );
  return [options.findIndex((o) => ok.has(o))];
}

/** The typed answer for a 填空: the card's answer, its digits full-width to go through normalization. */
export function typedAnswer(deck: DeckRows, prompt: string): string {
  const card =
    deck.cards.find((c) => c.prompt === prompt) ?? deck.cards.find((c) => prompt.startsWith(c.prompt) && c.members);
  assert.ok(card, `a card for ${prompt}`);
  if (!card.members) return fullWidth(card.answer);
  // Any order is accepted unless the question asks for the document's order.
  const members = /按原文顺序/.test(prompt) ? card.members : [...card.members].reverse();
  return fullWidth(members.join('，'));
}

/** Whether a 判断 statement is true: a card's prompt with its blank (or question word) filled in. */
export function statementTrue(deck: DeckRows, statement: string): boolean {
  const member = /^“(.+)”属于“(.+)”$/.exec(statement);
  if (member) return deck.notes.some((n) => n.name === member[2] && !!n.members?.includes(member[1]));
  const count = /^(“.+”包括)(.+)(方面)$/.exec(statement);
  if (count)
    return deck.cards.some((c) => c.prompt === `${count[1]}几个${count[3]}？` && c.answer.startsWith(count[2]));
  const filled = deck.cards.flatMap((c) => {
    const [before, after] = c.prompt.split('____');
    if (after === undefined || !statement.startsWith(before) || !statement.endsWith(after)) return [];
    return [statement.slice(before.length, statement.length - after.length) === c.answer];
  });
  assert.ok(filled.length, `a card for the statement ${statement}`);
  return filled.includes(true);
}
