// Cards held back as 待核实 travel with the deck into the store; the user's decision survives updates.
import { describe, expect, it } from 'vitest';
import { freshDb, makeDeck, T0, at } from './helpers';
import { syncDeck } from '../../../data/db/deck-sync';
import { heldOnlyNotes, listHeld, setVerdict } from '../../../data/db/held';
import type { Deck } from '../../../data/knowledge/types';

function heldDeck(): Deck {
  const deck = makeDeck();
  deck.cards[1] = { ...deck.cards[1], held: 's1' };
  deck.cards[3] = { ...deck.cards[3], held: 's2' };
  return deck;
}

describe('held cards in the store', () => {
  it('lists the held cards, keeps a verdict across deck updates, and takes a card off the list once decided', async () => {
    const db = freshDb();
    const deck = heldDeck();
    await syncDeck(db, deck, T0);
    const ids = (await listHeld(db)).map((c) => c.id);
    expect(ids.sort()).toEqual([deck.cards[1].id, deck.cards[3].id].sort());
    expect((await db.cards.get(deck.cards[1].id))!.held).toBe('s1');

    await setVerdict(db, deck.cards[1].id, 'confirmed');
    await setVerdict(db, deck.cards[3].id, 'discarded');
    expect(await listHeld(db)).toEqual([]);
    // A rebuilt deck (same cards, changed wording elsewhere) never undoes the decision.
    const next = heldDeck();
    next.cards[1] = { ...next.cards[1], importance: 0.2 };
    await syncDeck(db, next, at(1));
    expect((await db.cards.get(deck.cards[1].id))!.verdict).toBe('confirmed');
    expect((await db.cards.get(deck.cards[3].id))!.verdict).toBe('discarded');
    expect(await listHeld(db)).toEqual([]);

    await setVerdict(db, deck.cards[1].id, null);
    expect((await listHeld(db)).map((c) => c.id)).toEqual([deck.cards[1].id]);
    await expect(setVerdict(db, 'nope', 'confirmed')).rejects.toThrow('找不到这张卡片');
    db.close();
  });

  it('a deck that no longer holds a card releases it', async () => {
    const db = freshDb();
    await syncDeck(db, heldDeck(), T0);
    await syncDeck(db, makeDeck(), at(1));
    expect(await listHeld(db)).toEqual([]);
    expect(await db.cards.where('held').above('').count()).toBe(0);
    db.close();
  });

  it('names the notes whose every card is held back, so their terms are not highlighted', async () => {
    const db = freshDb();
    const deck = heldDeck();
    await syncDeck(db, deck, T0);
    // n1 has a card that is not held (c1); n2's only card is held.
    expect([...(await heldOnlyNotes(db))]).toEqual(['n2']);
    for (const c of deck.cards.filter((x) => x.held)) await setVerdict(db, c.id, 'confirmed');
    expect(await heldOnlyNotes(db)).toEqual(new Set());
    db.close();
  });
});
