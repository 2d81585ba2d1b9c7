// Sibling burying, as Anki does it, widened to what a card shows. Anki buries the other cards of a
// note until tomorrow; here a card is also kept for tomorrow when its answer is written in what
// another card of today shows (its prompt, its answer, its source sentence), or when it shows that
// card's answer: the cloze "从____减到551万人" and its twin "从9899万人减到____" are two notes, and
// "“两不愁三保障”指什么？" gives every member cloze of the list away.

/** What a card shows, for sibling burying: its answer, and all the text it puts on screen. */
export interface Shown {
  noteId: string;
  /** The answer as shown. */
  answer?: string;
  /** Prompt, answer and source sentence as shown (the answer side of the card). */
  shown?: string;
}

/** Shorter answers (a bare "6") are in too many sentences to tell anything. */
const MIN_ANSWER = 2;

// Sources break lines and space figures ("9899 万人") where prompts do not.
const squeeze = (s: string | undefined) => (s ?? '').replace(/\s+/g, '');

/** The text of a card's answer side, as `Shown.shown` expects it (squeezed here once, not at every comparison). */
export function shownText(prompt: string, answer: string, quotes: string[] = []): string {
  return squeeze([prompt, answer, ...quotes].join('\u0001'));
}

export class Siblings {
  private notes = new Set<string>();
  /** Answers so far by their first two characters: a shown text is searched once, not once per answer. */
  private answers = new Map<string, string[]>();
  /** Every shown text so far, joined by a character no answer holds: one search per card. */
  private texts = '';

  constructor(shownToday: Iterable<Shown> = [], noteIds: Iterable<string> = []) {
    for (const id of noteIds) this.notes.add(id);
    for (const s of shownToday) this.add(s);
  }

  /** True when `card` would give away, or be given away by, a card already shown or queued today. */
  buried(card: Shown): boolean {
    if (this.notes.has(card.noteId)) return true;
    const answer = squeeze(card.answer);
    if (answer.length >= MIN_ANSWER && this.texts.includes(answer)) return true;
    return this.showsAnAnswer(squeeze(card.shown));
  }

  /** Whether `shown` holds an answer already added: each position is looked up by the two characters there. */
  private showsAnAnswer(shown: string): boolean {
    for (let i = 0; i + MIN_ANSWER <= shown.length; i++) {
      const starting = this.answers.get(shown.slice(i, i + MIN_ANSWER));
      if (starting?.some((a) => shown.startsWith(a, i))) return true;
    }
    return false;
  }

  add(card: Shown): void {
    this.notes.add(card.noteId);
    const answer = squeeze(card.answer);
    if (answer.length >= MIN_ANSWER) {
      const key = answer.slice(0, MIN_ANSWER);
      this.answers.set(key, [...(this.answers.get(key) ?? []), answer]);
    }
    const shown = squeeze(card.shown);
    if (shown) this.texts += '\u0000' + shown;
  }
}
