import { db, type CardRow } from '@/data/db/schema';
import { cardText, getSettings, recordSighting as storeSighting, saveReview } from '@/data/db/repo';
import { addTermCard } from '@/data/db/user-cards';
import type { StudiedState } from '@/data/match/term-states';
import { studiedNoteStates } from '@/data/db/term-index';
import { previewIntervals, State, type Grade } from '@/data/srs/scheduler';
import type { TermCardInfo } from '@/data/messages';
import { fsrsStateName } from '@/data/vocab/card-states';
import { glossaryNote } from '@/data/glossary';
import { heldBack } from '@/data/knowledge/suspect';
import { createTickets, sessionTickets, STALE } from './guard';

const tickets = createTickets(sessionTickets());

/** The card as the hover card in `tab` opens it: with a one-time ticket for its rating or "加入学习". */
export async function openTermCard(noteId: string, tab: number): Promise<TermCardInfo | null> {
  const info = await termCardInfo(noteId);
  return info && { ...info, ticket: await tickets.issue(tab, noteId, Date.now()) };
}

// A formulation's headline card is "name → all members"; a term's is its definition.
const MAIN_KIND_ORDER = ['formulation-list', 'term-definition', 'statement', 'figure-cloze', 'user-cloze', 'term-cloze', 'formulation-count'];

function mainCard(cards: CardRow[]): CardRow | undefined {
  const live = cards.filter((c) => !c.retired && !heldBack(c));
  const rank = (c: CardRow) => {
    const i = MAIN_KIND_ORDER.indexOf(c.kind);
    return i < 0 ? MAIN_KIND_ORDER.length : i;
  };
  return live.sort((a, b) => rank(a) - rank(b))[0];
}

export async function termCardInfo(noteId: string): Promise<TermCardInfo | null> {
  const note = await db.notes.get(noteId);
  if (!note) return null;
  const [cards, settings, conflicts] = await Promise.all([
    db.cards.where('noteId').equals(noteId).toArray(),
    getSettings(db),
    db.conflicts.where('resolved').equals(0).toArray(),
  ]);
  const sources = new Map((await db.sources.bulkGet(note.sourceIds)).filter((s) => s).map((s) => [s!.id, s!]));
  const card = mainCard(cards);
  const now = new Date();
  const touching = conflicts.filter((c) => !c.retired && (c.notes?.includes(noteId) || cards.some((k) => k.conflicts?.includes(c.id))));
  return {
    noteId,
    kind: note.kind,
    name: note.name,
    members: note.members,
    definition: note.definition,
    glossaryNote: glossaryNote(note.name, note.provenance),
    evidence: note.evidence.slice(0, 3).map((e) => ({
      sourceTitle: sources.get(e.source)?.title ?? e.source,
      sourceDate: sources.get(e.source)?.dateUnverified ? '日期待核实' : sources.get(e.source)?.date,
      quote: e.quote,
      marks: e.marks,
    })),
    card: card && {
      id: card.id,
      ...cardText(card),
      state: fsrsStateName(card.fsrs.state),
      due: new Date(card.fsrs.due).toISOString(),
      suspended: card.suspended === 1,
      intervals: previewIntervals(card.fsrs, now, settings).map((p) => p.label) as [string, string, string, string],
    },
    // Being learned: studied at least once, or asked for with 加入学习 and waiting in today's queue.
    inStudy: cards.some((c) => !c.retired && !c.suspended && !heldBack(c) && (c.fsrs.state !== State.New || c.wanted !== undefined)),
    seen: card?.seen?.count ? { count: card.seen.count, last: new Date(card.seen.last ?? now).toISOString() } : undefined,
    conflicts: touching.map((c) => `${c.topic}：${c.values.join(' / ')}`),
  };
}

/** A rating from the hover card in `tab`: once per open card (its ticket is used up), never for another card. */
export async function rateFromPage(data: { cardId: string; rating: 1 | 2 | 3 | 4; ticket: string }, tab: number): Promise<TermCardInfo | null> {
  const { cardId, rating } = data;
  if (![1, 2, 3, 4].includes(rating)) throw new Error('评分无效。');
  const owner = typeof cardId === 'string' ? await db.cards.get(cardId) : undefined;
  if (!owner) throw new Error(STALE);
  await tickets.redeem(data.ticket, tab, owner.noteId, Date.now());
  const settings = await getSettings(db);
  const { card } = await saveReview(db, cardId, rating as Grade, new Date(), settings);
  return termCardInfo(card.noteId);
}

/** "加入学习": the note's cards (a new one when it has none) go to the front of today's new cards. */
export async function addToStudy(data: { noteId: string; ticket: string }, tab: number): Promise<TermCardInfo | null> {
  const { noteId } = data;
  await tickets.redeem(data.ticket, tab, noteId, Date.now());
  const now = new Date();
  const cards = await db.cards.where('noteId').equals(noteId).filter((c) => !c.retired).count();
  if (cards === 0) await addTermCard(db, noteId, now);
  await db.cards.where('noteId').equals(noteId).modify((c) => {
    if (c.retired) return;
    // Suspended cards come back, except leeches: those stay for the user to rewrite first.
    if (!c.leech) c.suspended = 0;
    if (c.fsrs.state === State.New) c.wanted ??= now.getTime();
  });
  return openTermCard(noteId, tab); // 现在复习 may follow
}

/** Every note with a studied or asked-for card, and how far along it is. */
export function termStates(): Promise<Record<string, StudiedState>> {
  return studiedNoteStates(db);
}

export async function recordSighting(noteIds: string[]): Promise<void> {
  await storeSighting(db, { noteIds }, new Date());
}
