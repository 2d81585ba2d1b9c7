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

/** Where a pair of code units stands in a list of texts: text index and position, packed in one number. */
const SPAN = 2 ** 21;

/** Two UTF-16 code units at `i` as one number, a key that costs no string. */
const pairAt = (s: string, i: number) => s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);

export class Siblings {
  private notes = new Set<string>();
  /** Answers so far by their first two code units: a shown text is read once, not searched once per answer. */
  private answers = new Map<number, string[]>();
  /** Every shown text so far, and where each pair of code units stands in them (text * SPAN + position). */
  private texts: string[] = [];
  private places = new Map<number, number[]>();

  constructor(shownToday: Iterable<Shown> = [], noteIds: Iterable<string> = []) {
    for (const id of noteIds) this.notes.add(id);
    for (const s of shownToday) this.add(s);
  }

  /** True when `card` would give away, or be given away by, a card already shown or queued today. */
  buried(card: Shown): boolean {
    if (this.notes.has(card.noteId)) return true;
    const answer = squeeze(card.answer);
    if (answer.length >= MIN_ANSWER && this.inTexts(answer)) return true;
    return this.showsAnAnswer(squeeze(card.shown));
  }

  /** Whether a shown text holds `answer` (two code units or more): tried only where its rarest pair stands. */
  private inTexts(answer: string): boolean {
    let rarest: number[] | undefined;
    let offset = 0;
    for (let i = 0; i + 1 < answer.length; i++) {
      const at = this.places.get(pairAt(answer, i));
      if (!at) return false;
      if (!rarest || at.length < rarest.length) [rarest, offset] = [at, i];
    }
    return rarest!.some((place) => {
      const start = (place % SPAN) - offset;
      return start >= 0 && this.texts[Math.floor(place / SPAN)].startsWith(answer, start);
    });
  }

  /** Whether `shown` holds an answer already added: each position is looked up by the pair there. */
  private showsAnAnswer(shown: string): boolean {
    for (let i = 0; i + MIN_ANSWER <= shown.length; i++) {
      const starting = this.answers.get(pairAt(shown, i));
      if (starting?.some((a) => shown.startsWith(a, i))) return true;
    }
    return false;
  }

  add(card: Shown): void {
    this.notes.add(card.noteId);
    const answer = squeeze(card.answer);
    if (answer.length >= MIN_ANSWER) {
      const key = pairAt(answer, 0);
      const list = this.answers.get(key);
      if (list) list.push(answer);
      else this.answers.set(key, [answer]);
    }
    const shown = squeeze(card.shown).slice(0, SPAN);
    if (!shown) return;
    const base = this.texts.push(shown) - 1;
    for (let i = 0; i + 1 < shown.length; i++) {
      const code = pairAt(shown, i);
      const list = this.places.get(code);
      if (list) list.push(base * SPAN + i);
      else this.places.set(code, [base * SPAN + i]);
    }
  }
}
