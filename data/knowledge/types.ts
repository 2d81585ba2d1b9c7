// The deck: what the knowledge engine produces from documents, and what the store, the
// review UI, the quiz and the page highlighter consume. Plain JSON-serialisable data.

export interface Source {
  /** Stable id, derived from the file name without extension (e.g. "000_43cddc19a527ac1f"). */
  id: string;
  /** File name as in data/sources/ (or the name of an imported file / page URL). */
  file: string;
  /** Document title, in simplified Chinese, as a cadre would name it. */
  title: string;
  /** Date of the document (speech date or publication date), ISO "YYYY-MM-DD" where known. */
  date?: string;
  /** True when the original is in traditional characters. */
  traditional?: boolean;
  /** Where the document came from when it is not bundled (an imported page's URL). */
  url?: string;
  /** A finding about the whole document, e.g. that its years disagree with the other documents. */
  caveat?: string;
  /** The date is the document's own claim and its years are doubtful: shown as 待核实, not as a fact. */
  dateUnverified?: boolean;
}

export interface Evidence {
  /** A Source.id */
  source: string;
  /** Verbatim excerpt of the source's original text (whitespace may differ), usually one sentence. */
  quote: string;
  /** Spans inside `quote` (UTF-16 offsets, end exclusive) that hold the answer, to mark it. */
  marks?: Array<[number, number]>;
  /** Where the quote starts in the original text of the source (UTF-16 offset). */
  offset?: number;
}

export type NoteKind = 'formulation' | 'figure' | 'term' | 'statement';

export type CardKind =
  | 'formulation-list' // name → all members
  | 'formulation-member' // member → which formulation
  | 'formulation-count' // name → how many members
  | 'formulation-cloze' // one member blanked out of the list
  | 'figure-cloze' // a statistic blanked out of its sentence
  | 'term-definition' // term → definition
  | 'term-cloze' // a term without definition blanked out of its sentence ("加入学习" on a page)
  | 'statement' // a key statement: "……的首要任务是什么？" → its answer phrase
  | 'user-cloze'; // made by the user from text selected on a page

/**
 * Which part of a note came from where: a document, the curated glossary, or (a name only) made by the
 * engine from the clauses' shared frame and their count (三个讲清楚) where the document names them nowhere.
 */
export interface Provenance {
  part: string; // e.g. "name", "members", "member:发展生产脱贫一批"
  from: 'document' | 'glossary' | 'made';
  source?: string; // Source.id when from a document
}

export interface Figure {
  /** The number as written, normalised: "9899", "551", "10.2", "1亿" */
  value: string;
  /** Numeric value in the unit's base (9899万 → 98990000 when unit is 人) for distractors */
  number?: number;
  unit: string; // 万人, 亿元, %, 个百分点, 个, 元, 倍, 年 …
  /** What the figure measures, e.g. "贫困人口" */
  subject?: string;
  /** The date the figure refers to, e.g. "2019年年底" */
  date?: string;
}

export interface Note {
  id: string;
  kind: NoteKind;
  /** Formulation name ("六个精准"), figure subject, or the term itself. */
  name: string;
  aliases?: string[];
  members?: string[];
  /** Whether member order matters when recalled (a numbered series) */
  ordered?: boolean;
  definition?: string;
  figure?: Figure;
  evidence: Evidence[];
  provenance?: Provenance[];
  /**
   * A glossary formulation in its later wording: the day that wording took effect (四个全面 from 2020-10-29).
   * On pages the name leads to this note rather than to the earlier wording's.
   */
  since?: string;
  importance: number;
  /**
   * Other written forms (traditional) of the texts that light up on pages (name, aliases, members),
   * keyed by the simplified text; only texts that have some. Made when the deck is built, so the
   * service worker highlights without a converter.
   */
  variants?: Record<string, string[]>;
}

export interface Card {
  /** Stable: derived from normalised content (kind + note content), never from position. */
  id: string;
  noteId: string;
  kind: CardKind;
  prompt: string;
  answer: string;
  members?: string[];
  evidence: Evidence[];
  /** 0..1, headline items first */
  importance: number;
  /** Conflict ids that touch this card */
  conflicts?: string[];
  /** For figure cards: the figure, so a quiz can draw distractors */
  figure?: Figure;
  /**
   * 待核实: the id of the suspect document this card rests on alone (its years disagree with the
   * other documents). Such a card stays out of review, quizzes and highlights until the user confirms it.
   */
  held?: string;
}

export interface Conflict {
  id: string;
  topic: string;
  /** The differing values, one per side ("2020年", "2024年") */
  values: string[];
  /** One or more evidence entries per value; evidence[i].value says which side */
  evidence: Array<Evidence & { value: string }>;
  /** Notes / cards affected */
  notes?: string[];
  /** Card ids affected, where the conflict is a caveat on one source's values rather than one statement. */
  cards?: string[];
  /** For a caveat: the source whose values disagree with the other documents. */
  source?: string;
  /** For a caveat: what it means, in a sentence. */
  caveat?: string;
}

/** A string to highlight on pages, pointing to its note. */
export interface Term {
  text: string; // simplified
  /** Other written forms (traditional) */
  variants?: string[];
  noteId: string;
  role: 'name' | 'alias' | 'member' | 'term';
}

export interface Deck {
  version: number;
  sources: Source[];
  notes: Note[];
  cards: Card[];
  conflicts: Conflict[];
  terms: Term[];
}

/** Evidence with the marks of each member, so a member card marks only its own answer. */
export interface MarkedEvidence {
  ev: Evidence;
  byMember?: Record<string, Array<[number, number]>>;
  /** A member's own sentence, where the list spans paragraphs and one quote would be a page. */
  byMemberEvidence?: Record<string, Evidence>;
}

/** What a card may say about an unnamed list to make it answerable: its heading or the words leading into it. */
export interface Cue {
  /** The sentence or section title that announces a numbered series ("下面，我讲点意见，讲3个问题"). */
  heading?: string;
  /** The words leading into a parallel series in its sentence ("推进东部产业向西部梯度转移，实现"). */
  lead?: string;
  /** The words that close a list in its clause and say what it makes up ("的高技能人才工作体系"). */
  tail?: string;
  /** The source the heading or lead was read from. */
  source: string;
}
