// From an Anki collection to Tifa cards: which field is 问题 / 答案 / 原文 for each note type (guessed
// from the field names, changed by the user in the preview), each Anki card as a Tifa card (a
// reversed template swaps question and answer; a cloze note gives one card per cloze number).
import type { AnkiCollection, AnkiNote, AnkiNotetype } from './read-types';

/** Field indexes; `quote` −1 when no field holds the source sentence. */
export interface FieldMap {
  question: number;
  answer: number;
  quote: number;
}

export interface CardContent {
  prompt: string;
  answer: string;
  quote: string;
  marks?: Array<[number, number]>;
}

const QUESTION = /问题|问|题目|正面|词语|术语|提法|front|question|prompt|term|word|text|正文|expression/i;
const ANSWER = /答案|答|背面|释义|解释|含义|内容|back|answer|definition|meaning|reading/i;
const QUOTE = /原文|出处|例句|来源|上下文|source|context|sentence|example|extra/i;

/** 问题 / 答案 / 原文 guessed from the field names; else the first two fields. */
export function guessFieldMap(nt: Pick<AnkiNotetype, 'fields' | 'kind'>): FieldMap {
  const n = nt.fields.length;
  const find = (re: RegExp, taken: number[]) => nt.fields.findIndex((f, i) => !taken.includes(i) && re.test(f));
  let question = find(QUESTION, []);
  if (question < 0) question = 0;
  let answer = nt.kind === 1 ? question : find(ANSWER, [question]);
  if (answer < 0) answer = n > 1 ? (question === 0 ? 1 : 0) : 0;
  const quote = find(QUOTE, [question, answer]);
  return { question, answer, quote };
}

// {{c1::answer}} or {{c1::answer::hint}}
const CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([^{}]*?))?\}\}/g;
const BLANK = '＿＿＿＿';

/** Cloze number `n` of a cloze field: blanked in the prompt, the others shown. */
function clozeContent(text: string, n: number, extra: string): CardContent | null {
  const answers: string[] = [];
  let prompt = '';
  let quote = '';
  const marks: Array<[number, number]> = [];
  let last = 0;
  for (const m of text.matchAll(CLOZE)) {
    const before = text.slice(last, m.index);
    prompt += before;
    quote += before;
    if (Number(m[1]) === n) {
      answers.push(m[2]);
      prompt += m[3] ? `［${m[3]}］` : BLANK;
      marks.push([quote.length, quote.length + m[2].length]);
    } else prompt += m[2];
    quote += m[2];
    last = m.index + m[0].length;
  }
  prompt += text.slice(last);
  quote += text.slice(last);
  if (!answers.length) return null;
  return { prompt: `填空：${prompt}`, answer: answers.join('、'), quote: extra ? `${quote}\n${extra}` : quote, marks };
}

/** The Tifa card of Anki card `ord` of `note`, or null when its question or answer is empty. */
export function cardContent(
  note: Pick<AnkiNote, 'fields'>,
  nt: AnkiNotetype,
  ord: number,
  map: FieldMap,
): CardContent | null {
  const field = (i: number) => (i >= 0 ? (note.fields[i] ?? '') : '');
  const quoteField = map.quote >= 0 && map.quote !== map.question && map.quote !== map.answer ? field(map.quote) : '';
  if (nt.kind === 1) return clozeContent(field(map.question), ord + 1, quoteField);
  let prompt = field(map.question);
  let answer = field(map.answer);
  // A later template that asks with another field than the first one (Basic (and reversed card)'s card 2)
  // asks the other way; the mapping the user set describes the first template.
  const first = nt.templates[0]?.[0];
  const shown = nt.templates[ord]?.[0];
  if (ord > 0 && shown !== undefined && first !== undefined && shown !== first) [prompt, answer] = [answer, prompt];
  if (!prompt.trim() || !answer.trim() || prompt === answer) return null;
  const quote = quoteField || answer;
  const at = quote.indexOf(answer);
  return { prompt, answer, quote, ...(at >= 0 ? { marks: [[at, at + answer.length] as [number, number]] } : {}) };
}

export interface AnkiSummary {
  version: number;
  file: string;
  media: number;
  decks: Array<{ id: number; name: string; cards: number }>;
  notetypes: Array<AnkiNotetype & { notes: number; map: FieldMap }>;
  notes: number;
  cards: number;
  revlog: number;
  /** The first notes of every deck (up to 20 in all), for the preview. */
  samples: Array<{ note: AnkiNote; deck: number; ords: number[] }>;
}

/** What the preview shows before anything is chosen. */
export function summarize(col: AnkiCollection, limit = 20): AnkiSummary {
  const perDeck = new Map<number, number>();
  for (const c of col.cards) perDeck.set(c.did, (perDeck.get(c.did) ?? 0) + 1);
  const perType = new Map<number, number>();
  for (const n of col.notes) perType.set(n.mid, (perType.get(n.mid) ?? 0) + 1);
  const byNote = new Map<number, { deck: number; ords: number[] }>();
  for (const c of col.cards) {
    const entry = byNote.get(c.nid);
    if (entry) entry.ords.push(c.ord);
    else if (byNote.size < 5_000) byNote.set(c.nid, { deck: c.did, ords: [c.ord] });
  }
  const samples: AnkiSummary['samples'] = [];
  for (const note of col.notes) {
    if (samples.length >= limit) break;
    const entry = byNote.get(note.id);
    if (entry) samples.push({ note, ...entry });
  }
  const names = new Map(col.decks.map((d) => [d.id, d.name]));
  return {
    version: col.version,
    file: col.file,
    media: col.media,
    decks: [...perDeck]
      .map(([id, cards]) => ({ id, name: names.get(id) ?? `卡组 ${id}`, cards }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh')),
    notetypes: col.notetypes
      .filter((nt) => perType.has(nt.id))
      .map((nt) => ({ ...nt, notes: perType.get(nt.id)!, map: guessFieldMap(nt) })),
    notes: col.notes.length,
    cards: col.cards.length,
    revlog: col.revlog.length,
    samples,
  };
}
