// A list's name the document does not say — made from its clauses' frame and their count (三个讲清楚) — is
// marked so (provenance `made`), said so on the hover card, and kept through a backup; a name the document
// says is the document's.
import { describe, expect, it } from 'vitest';
import { glossaryNote } from '@/data/glossary';
import { buildDeck } from '@/data/knowledge/deck';
import { parseRecord } from '@/data/db/records';
import { highlightTerms } from '@/data/knowledge/highlight-terms';

const MADE =
  '学习贯彻全会精神，要讲清楚全会的重大意义是什么，讲清楚全会提出的目标任务是什么，讲清楚贯彻落实的具体要求是什么。';
const SAID =
  '严明政治纪律，坚持“三个必须”，必须把纪律挺在前面，决不允许搞特殊；必须把责任扛在肩上，决不允许推诿扯皮；必须把群众放在心中，决不允许与民争利。';

const noteNamed = (text: string, name: string) => {
  const deck = buildDeck([{ file: 'a.txt', text: `学习材料\n${text}` }]);
  return deck.notes.find((n) => n.kind === 'formulation' && n.name === name)!;
};

describe('a made name', () => {
  it('is marked made, and the hover card says the document does not use it', () => {
    const note = noteNamed(MADE, '三个讲清楚');
    expect(note.provenance?.find((p) => p.part === 'name')?.from).toBe('made');
    expect(glossaryNote(note)).toBe('名称按句式和项数归纳（文件中未用此名）');
  });

  it('a name the document says is the document’s, with nothing to explain', () => {
    const note = noteNamed(SAID, '三个必须');
    expect(note.provenance?.find((p) => p.part === 'name')?.from).toBe('document');
    expect(glossaryNote(note)).toBeUndefined();
  });

  it('passes a backup’s check as it is', () => {
    const note = noteNamed(MADE, '三个讲清楚');
    const read = parseRecord('notes', { ...JSON.parse(JSON.stringify(note)), origin: 'bundled' });
    expect('row' in read && read.row.provenance?.find((p) => p.part === 'name')?.from).toBe('made');
  });

  it('is not highlighted on pages (a page that says it may mean another list); its members are', () => {
    const made = noteNamed(MADE, '三个讲清楚');
    const said = noteNamed(SAID, '三个必须');
    const terms = highlightTerms([made, said]).map((t) => t.text);
    expect(terms).not.toContain('三个讲清楚');
    expect(terms).toContain('三个必须');
    expect(terms).toContain(made.members![0]);
  });

  const ECONOMY =
    '会议强调，做好经济工作必须坚持稳字当头，稳住基本盘；坚持改革开放，激发新活力；坚持创新驱动，培育新动能。';
  const PARTY = '会议要求，做好党建工作必须坚持从严治党，压实责任；坚持问题导向，补齐短板；坚持守正创新，提升质量。';
  const listsNamed = (deck: ReturnType<typeof buildDeck>, name: string) =>
    deck.cards
      .filter((c) => c.kind === 'formulation-list' && c.prompt.includes(`“${name}”`))
      .map((c) => c.prompt + ' → ' + c.answer);

  it('two documents’ lists under one made name stay two, each asked with its document’s title', () => {
    const deck = buildDeck([
      { file: 'a.txt', text: `经济形势报告\n${ECONOMY}` },
      { file: 'b.txt', text: `党建工作要点\n${PARTY}` },
    ]);
    const notes = deck.notes.filter((n) => n.name === '三个坚持');
    expect(notes.map((n) => n.evidence.length)).toEqual([1, 1]);
    expect(listsNamed(deck, '三个坚持').sort()).toEqual([
      '《党建工作要点》“三个坚持”指哪三个？ → 坚持从严治党、坚持问题导向、坚持守正创新',
      '《经济形势报告》“三个坚持”指哪三个？ → 坚持稳字当头、坚持改革开放、坚持创新驱动',
    ]);
  });

  it('in one document, the second list the same made name would fit is asked without it', () => {
    const deck = buildDeck([{ file: 'a.txt', text: `工作要点\n${ECONOMY}\n${PARTY}` }]);
    expect(listsNamed(deck, '三个坚持')).toEqual([
      '《工作要点》“三个坚持”指哪三个？ → 坚持稳字当头、坚持改革开放、坚持创新驱动',
    ]);
    expect(
      deck.cards.some((c) => c.kind === 'formulation-list' && c.answer === '坚持从严治党、坚持问题导向、坚持守正创新'),
    ).toBe(true);
  });
});
