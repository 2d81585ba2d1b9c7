import { db } from '@/data/db/schema';
import { getSettings, recordSighting as storeSighting, saveReview } from '@/data/db/repo';
import { addTermCard } from '@/data/db/user-cards';
import type { StudiedState } from '@/data/match/term-states';
import { studiedNoteStates } from '@/data/db/term-index';
import { State, type Grade } from '@/data/srs/scheduler';
import type { TermCardInfo } from '@/data/messages';
import { buildTermCardInfo } from '@/data/knowledge/term-card';
import { createTickets, sessionTickets, STALE } from './guard';

const tickets = createTickets(sessionTickets());

/** The card as the hover card in `tab` opens it: with a one-time ticket for its rating or "加入学习". */
export async function openTermCard(noteId: string, tab: number): Promise<TermCardInfo | null> {
  const info = await termCardInfo(noteId);
  return info && { ...info, ticket: await tickets.issue(tab, noteId, Date.now()) };
}

export async function termCardInfo(noteId: string): Promise<TermCardInfo | null> {
  const note = await db.notes.get(noteId);
  if (!note) return null;
  const [cards, settings, conflicts, sources] = await Promise.all([
    db.cards.where('noteId').equals(noteId).toArray(),
    getSettings(db),
    db.conflicts.where('resolved').equals(0).toArray(),
    db.sources.bulkGet(note.sourceIds),
  ]);
  return buildTermCardInfo(
    { note, cards, settings, conflicts, sources: sources.filter((s) => s !== undefined) },
    new Date(),
  );
}

/** A rating from the hover card in `tab`: once per open card (its ticket is used up), never for another card. */
export async function rateFromPage(
  data: { cardId: string; rating: 1 | 2 | 3 | 4; ticket: string },
  tab: number,
): Promise<TermCardInfo | null> {
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
  const cards = await db.cards
    .where('noteId')
    .equals(noteId)
    .filter((c) => !c.retired)
    .count();
  if (cards === 0) await addTermCard(db, noteId, now);
  await db.cards
    .where('noteId')
    .equals(noteId)
    .modify((c) => {
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
