// An imported document against the documents already in the deck: the same figure (subject, date,
// unit) stated with a different value is a conflict, shown in the preview and stored with the cards.
import type { Card, Conflict, Note } from './types';
import { stableId } from './merge';

/** A figure note already in the deck, with the cards asking it. */
export interface KnownFigure {
  note: Note;
  cardIds: string[];
  /** The date of the document the note comes from (ISO), when the figure names none itself. */
  sourceDate?: string;
}

const dateKey = (d?: string) => d?.replace('年年底', '年底').replace(/\s/g, '');

/** When a figure holds: its own date, else the year of its document (a figure without any is never compared). */
function when(f: NonNullable<Note['figure']>, sourceDate?: string): string | undefined {
  if (f.date) return dateKey(f.date);
  const year = sourceDate?.slice(0, 4);
  return year ? `文件${year}` : undefined;
}

function sameValue(a: NonNullable<Note['figure']>, b: NonNullable<Note['figure']>): boolean {
  if (a.number !== undefined && b.number !== undefined) return a.number === b.number;
  return a.value === b.value;
}

/**
 * Conflicts between the new document's figure notes and known ones on the same subject and date.
 * `sourceId` is the new document: known notes it attests itself are not compared with it.
 */
export function figureConflicts(
  sourceId: string,
  sourceDate: string | undefined,
  notes: Note[],
  cards: Card[],
  known: KnownFigure[],
): Conflict[] {
  const byFact = new Map<string, KnownFigure[]>();
  for (const k of known) {
    const f = k.note.figure;
    const at = f && when(f, k.sourceDate);
    if (k.note.kind !== 'figure' || !f?.subject || !at) continue;
    if (k.note.evidence.every((e) => e.source === sourceId)) continue;
    const key = `${f.subject}|${at}|${f.unit}`;
    byFact.set(key, [...(byFact.get(key) ?? []), k]);
  }
  const out = new Map<string, Conflict>();
  for (const note of notes) {
    const f = note.figure;
    const at = f && when(f, sourceDate);
    if (note.kind !== 'figure' || !f?.subject || !at) continue;
    for (const k of byFact.get(`${f.subject}|${at}|${f.unit}`) ?? []) {
      const g = k.note.figure!;
      if (k.note.id === note.id || sameValue(f, g)) continue;
      const mine = `${f.value}${f.unit}`;
      const theirs = `${g.value}${g.unit}`;
      const id = stableId('conflict', `${f.subject}|${at}|${[mine, theirs].sort().join('|')}`);
      const other = k.note.evidence.find((e) => e.source !== sourceId) ?? k.note.evidence[0];
      out.set(id, {
        id,
        topic: f.date ? `${f.subject}（${f.date}）` : f.subject,
        values: [mine, theirs],
        evidence: [
          { ...note.evidence[0], value: mine },
          { ...other, value: theirs },
        ],
        notes: [note.id, k.note.id],
        cards: [...cards.filter((c) => c.noteId === note.id).map((c) => c.id), ...k.cardIds],
      });
    }
  }
  return [...out.values()];
}
