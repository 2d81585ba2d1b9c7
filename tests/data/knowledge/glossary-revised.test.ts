// A formulation whose standard wording changed (四个全面: 全面建成小康社会 until the 十九届五中全会 of 2020-10-29,
// 全面建设社会主义现代化国家 since): a document names it, the glossary supplies the members — those of the
// wording in force on the document's date, so a 2025 公报 is not taught the old first item. A document of no
// known date is read with today's wording; documents on both sides of the change, built together, keep the
// earlier one (the bundled deck's 2018–2020 speeches).
import { describe, expect, it } from 'vitest';
import { GLOSSARY, findGlossaryByMembers, findGlossaryEntry, glossaryAsOf, glossaryNote } from '@/data/glossary';
import { buildDeck } from '@/data/knowledge/deck';
import { nameCount } from '@/data/knowledge/lists';
import { highlightTerms } from '@/data/knowledge/highlight-terms';
import { parseRecord } from '@/data/db/records';

const OLD = ['全面建成小康社会', '全面深化改革', '全面依法治国', '全面从严治党'];
const NEW = ['全面建设社会主义现代化国家', '全面深化改革', '全面依法治国', '全面从严治党'];

const doc = (date: string | undefined) =>
  `关于深入学习全会精神的通知\n${date ? `（${date}）\n` : ''}` +
  '各级党组织要统筹推进“五位一体”总体布局，协调推进“四个全面”战略布局，把全会精神落到实处。';

const listCard = (deck: ReturnType<typeof buildDeck>) => {
  const note = deck.notes.find((n) => n.kind === 'formulation' && n.name === '四个全面')!;
  return { note, card: deck.cards.find((c) => c.noteId === note.id && c.kind === 'formulation-list')! };
};

describe('glossaryAsOf', () => {
  it('gives the earlier members before the change and the later ones from its day on, or with no date', () => {
    expect(glossaryAsOf('2019-02-27')).toBe(GLOSSARY);
    expect(glossaryAsOf('2020-10-28').find((e) => e.name === '四个全面')?.members).toEqual(OLD);
    for (const date of ['2020-10-29', '2025-10-23', undefined]) {
      const entry = glossaryAsOf(date).find((e) => e.name === '四个全面');
      expect(entry?.members, String(date)).toEqual(NEW);
      expect(entry?.revision).toBe('2020-10-29');
    }
  });

  it('keeps every entry in its place, and one array per wording', () => {
    const later = glossaryAsOf('2025-01-01');
    expect(later).toHaveLength(GLOSSARY.length);
    expect(later.map((e) => e.name)).toEqual(GLOSSARY.map((e) => e.name));
    expect(glossaryAsOf('2026-12-07')).toBe(later);
  });

  it('names a list given in either wording', () => {
    expect(findGlossaryByMembers(OLD)?.name).toBe('四个全面');
    expect(findGlossaryByMembers([...NEW].reverse())?.name).toBe('四个全面');
  });
});

describe('a document that names 四个全面 without its members', () => {
  it('of 2025: the card lists the wording in force, cited where it was first stated', () => {
    const { note, card } = listCard(buildDeck([{ file: 'a.txt', text: doc('2025年10月23日') }]));
    expect(card.answer).toBe(NEW.join('、'));
    expect(glossaryNote(note)).toBe('成员来自词表（文件中未列出）。出处：党的十九届五中全会公报（2020-10-29）');
  });

  it('of 2018: the wording of its day', () => {
    const { note, card } = listCard(buildDeck([{ file: 'a.txt', text: doc('2018年2月12日') }]));
    expect(card.answer).toBe(OLD.join('、'));
    expect(glossaryNote(note)).toContain(findGlossaryEntry('四个全面')!.attested![0].title);
  });

  it('is another note than the earlier wording (the store keeps each with its members)', () => {
    const early = listCard(buildDeck([{ file: 'a.txt', text: doc('2018年2月12日') }]));
    const late = listCard(buildDeck([{ file: 'b.txt', text: doc('2025年10月23日') }]));
    expect(late.note.id).not.toBe(early.note.id);
    expect(late.card.noteId).toBe(late.note.id);
  });

  it('of no known date: the wording of today', () => {
    expect(listCard(buildDeck([{ file: 'a.txt', text: doc(undefined) }])).card.answer).toBe(NEW.join('、'));
  });

  it('of 2018 and 2025 built together: the earlier wording, whichever comes first', () => {
    for (const dates of [
      ['2018年2月12日', '2025年10月23日'],
      ['2025年10月23日', '2018年2月12日'],
    ]) {
      const deck = buildDeck(dates.map((d, i) => ({ file: `${i}.txt`, text: doc(d) })));
      expect(listCard(deck).card.answer, dates.join(' + ')).toBe(OLD.join('、'));
    }
  });
});

it('a 2025 document listing the new members unnamed: the list is 四个全面', () => {
  const text =
    '关于深入学习全会精神的通知\n（2025年10月23日）\n要协调推进全面建设社会主义现代化国家、全面深化改革、全面依法治国、全面从严治党。';
  const { card } = listCard(buildDeck([{ file: 'a.txt', text }]));
  expect(card.answer).toBe(NEW.join('、'));
});

describe.each(GLOSSARY.filter((e) => e.revised).map((e) => [e.name, e] as const))('the rewording of %s', (name, e) => {
  it('counts as its name says, each member once, from an ISO day, attested there', () => {
    const r = e.revised!;
    const count = nameCount(name);
    if (count !== undefined) expect(r.members).toHaveLength(count);
    expect(new Set(r.members).size).toBe(r.members.length);
    expect(r.members).not.toEqual(e.members);
    expect(r.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(r.attested).toMatchObject({ title: expect.any(String), date: r.since });
  });
});

describe('on pages and in backups', () => {
  const early = () => listCard(buildDeck([{ file: 'a.txt', text: doc('2018年2月12日') }])).note;
  const late = () => listCard(buildDeck([{ file: 'b.txt', text: doc('2025年10月23日') }])).note;

  it('the name leads to the later wording, whatever the notes’ importance or order', () => {
    const [a, b] = [{ ...early(), importance: 0.99 }, late()];
    expect(b.since).toBe('2020-10-29');
    expect(a.since).toBeUndefined();
    for (const notes of [
      [a, b],
      [b, a],
    ]) {
      const terms = highlightTerms(notes);
      expect(terms.find((t) => t.text === '四个全面')?.noteId).toBe(b.id);
      expect(terms.find((t) => t.text === '全面建成小康社会')?.noteId).toBe(a.id);
    }
  });

  it('a backup keeps the day, and refuses one that is no date', () => {
    const row = { ...late(), origin: 'imported', sourceIds: ['b'], retired: 0 };
    const kept = parseRecord('notes', row);
    expect('row' in kept && kept.row.since).toBe('2020-10-29');
    const bad = parseRecord('notes', { ...row, since: '2020年10月29日' });
    expect('problem' in bad && bad.problem).toContain('起用日期');
  });
});
