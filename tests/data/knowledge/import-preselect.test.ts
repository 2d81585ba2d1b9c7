// What the import preview ticks before the user chooses: the document's headline items by importance, at
// least its best few, the cards it already has on 重新导入 — and of a formulation it only names (its members
// from the glossary), the list card alone, not eight drills of 新发展理念 in a 公报 that mentions it.
import { describe, expect, it } from 'vitest';
import { buildDeck } from '@/data/knowledge/deck';
import { preselectedCards } from '@/data/knowledge/import-plan';

const TEXT = [
  '中共中央政治局召开会议',
  '（2025年12月8日）',
  '会议要求，要完整准确全面贯彻新发展理念，加快构建新发展格局。',
  '会议强调，要抓好三项重点任务：坚持内需主导，扩大有效需求；坚持创新驱动，培育新动能；坚持改革攻坚，激发市场活力。',
].join('\n');

describe('preselectedCards', () => {
  const deck = buildDeck([{ file: 'a.txt', text: TEXT }]);
  const kinds = (noteName: string, chosen: Set<string>) => {
    const note = deck.notes.find((n) => n.name === noteName)!;
    return deck.cards
      .filter((c) => c.noteId === note.id && chosen.has(c.id))
      .map((c) => c.kind)
      .sort();
  };

  it('ticks only the list card of a formulation whose members come from the glossary', () => {
    const chosen = preselectedCards(deck, new Set());
    const note = deck.notes.find((n) => n.name === '新发展理念')!;
    expect(note.provenance?.some((p) => p.part.startsWith('member:') && p.from === 'glossary')).toBe(true);
    expect(deck.cards.filter((c) => c.noteId === note.id).length).toBeGreaterThan(1);
    expect(kinds('新发展理念', chosen)).toEqual(['formulation-list']);
  });

  it("ticks the document's own list with its drills", () => {
    const chosen = preselectedCards(deck, new Set());
    expect(kinds('三项重点任务', chosen)).toContain('formulation-list');
    expect(kinds('三项重点任务', chosen).length).toBeGreaterThan(1);
  });

  it('keeps every card the document already has on 重新导入, drills included', () => {
    const all = new Set(deck.cards.map((c) => c.id));
    expect(preselectedCards(deck, all)).toEqual(all);
  });
});
