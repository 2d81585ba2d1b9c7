// What the hover card shows for a term on a page, built from the note's rows as the store holds
// them. Pure: the background reads the rows and passes them with the settings and `now`.
import type { CardRow, ConflictRow, NoteRow, SourceRow } from '../db/schema';
import type { TermCardInfo } from '../messages';
import { glossaryNote } from '../glossary';
import { previewIntervals, State } from '../srs/scheduler';
import type { StudySettings } from '../srs/settings';
import { fsrsStateName } from '../vocab/card-states';
import { heldBack } from './suspect';
import { cardText } from './card-text';

// A formulation's headline card is "name → all members"; a term's is its definition.
const MAIN_KIND_ORDER = [
  'formulation-list',
  'term-definition',
  'statement',
  'figure-cloze',
  'user-cloze',
  'term-cloze',
  'formulation-count',
];

function mainCard(cards: CardRow[]): CardRow | undefined {
  const live = cards.filter((c) => !c.retired && !heldBack(c));
  const rank = (c: CardRow) => {
    const i = MAIN_KIND_ORDER.indexOf(c.kind);
    return i < 0 ? MAIN_KIND_ORDER.length : i;
  };
  return live.sort((a, b) => rank(a) - rank(b))[0];
}

export interface TermCardRows {
  note: NoteRow;
  cards: CardRow[];
  sources: SourceRow[];
  /** Open conflicts; those touching the note are listed. */
  conflicts: ConflictRow[];
  settings: StudySettings;
}

export function buildTermCardInfo(
  { note, cards, sources: rows, conflicts, settings }: TermCardRows,
  now: Date,
): TermCardInfo {
  const noteId = note.id;
  const sources = new Map(rows.map((s) => [s.id, s]));
  const card = mainCard(cards);
  const touching = conflicts.filter(
    (c) => !c.retired && (c.notes?.includes(noteId) || cards.some((k) => k.conflicts?.includes(c.id))),
  );
  return {
    noteId,
    kind: note.kind,
    name: note.name,
    members: note.members,
    definition: note.definition,
    glossaryNote: glossaryNote(note),
    evidence: note.evidence.slice(0, 3).map((e) => {
      const source = sources.get(e.source);
      return {
        sourceTitle: source?.title ?? e.source,
        sourceDate: source?.date,
        ...(source?.dateUnverified ? { dateUnverified: true } : {}),
        quote: e.quote,
        marks: e.marks,
      };
    }),
    card: card && {
      id: card.id,
      ...cardText(card),
      state: fsrsStateName(card.fsrs.state),
      due: new Date(card.fsrs.due).toISOString(),
      suspended: card.suspended === 1,
      intervals: previewIntervals(card.fsrs, now, settings).map((p) => p.label) as [string, string, string, string],
    },
    // Being learned: studied at least once, or asked for with 加入学习 and waiting in today's queue.
    inStudy: cards.some(
      (c) => !c.retired && !c.suspended && !heldBack(c) && (c.fsrs.state !== State.New || c.wanted !== undefined),
    ),
    seen: card?.seen?.count
      ? { count: card.seen.count, last: new Date(card.seen.last ?? now).toISOString() }
      : undefined,
    conflicts: touching.map((c) => `${c.topic}：${c.values.join(' / ')}`),
  };
}
