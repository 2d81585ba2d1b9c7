// The deck built from the five real documents: headline notes, figures, conflicts, and the
// promise that every quote stands verbatim in its source.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDeck } from '@/data/knowledge/deck';

const DIR = join(import.meta.dirname, '../../../data/sources');
const docs = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => ({ file, text: readFileSync(join(DIR, file), 'utf8') }));
const deck = buildDeck(docs);
const originals = new Map(deck.sources.map((s, i) => [s.id, docs[i].text.replace(/\s+/g, '')]));
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('deck from data/sources', () => {
  it('names every source with its real title and date', () => {
    expect(deck.sources.map((s) => [s.id.slice(0, 3), s.title, s.date, !!s.traditional])).toEqual([
      ['000', '在决战决胜脱贫攻坚座谈会上的讲话', '2020-03-06', false],
      ['001', '在统筹推进新冠肺炎疫情防控和经济社会发展工作部署会议上的讲话', '2020-02-23', false],
      ['002', '在打好精准脱贫攻坚战座谈会上的讲话', '2018-02-12', false],
      ['003', '中共中央国务院关于打赢脱贫攻坚战的决定', '2024-11-29', false],
      ['004', '决战决胜脱贫攻坚要抓好三个重点', '2020-12-15', true],
    ]);
  });

  it('has the 9899万 → 551万 figure card with evidence', () => {
    const card = deck.cards.find((c) => c.kind === 'figure-cloze' && c.answer === '9899万人' && c.prompt.includes('551万人'));
    expect(card).toBeDefined();
    expect(card!.prompt).toBe('贫困人口从2012年年底的____减到2019年年底的551万人');
    expect(card!.figure).toMatchObject({ unit: '万人', subject: '贫困人口', date: '2012年年底' });
    expect(card!.evidence.length).toBeGreaterThanOrEqual(1);
    const ev = card!.evidence[0];
    expect(squeeze(ev.quote.slice(...ev.marks![0]))).toBe('9899万人');
  });

  it('reports the 2020/2024 target-year conflict with evidence from both sides', () => {
    const conflict = deck.conflicts.find((c) => c.values.includes('2020年') && c.values.includes('2024年'));
    expect(conflict).toBeDefined();
    const sides = new Set(conflict!.evidence.map((e) => e.value));
    expect(sides).toEqual(new Set(['2020年', '2024年']));
    expect(conflict!.evidence.find((e) => e.value === '2024年')!.source).toMatch(/^003_/);
    expect(deck.cards.some((c) => c.conflicts?.includes(conflict!.id))).toBe(true);
  });

  it('reports the 联合国2030年可持续发展议程 vs 2024年 conflict', () => {
    expect(deck.conflicts.some((c) => c.values.join() === '2024年,2030年' && c.topic.includes('可持续发展议程'))).toBe(true);
  });

  it('quotes every evidence verbatim (whitespace aside) from its own source', () => {
    const all = [...deck.cards.flatMap((c) => c.evidence), ...deck.notes.flatMap((n) => n.evidence), ...deck.conflicts.flatMap((c) => c.evidence)];
    expect(all.length).toBeGreaterThan(100);
    for (const ev of all) {
      expect(originals.get(ev.source), ev.source).toBeDefined();
      expect(originals.get(ev.source)!.includes(squeeze(ev.quote)), ev.quote).toBe(true);
      const original = docs[deck.sources.findIndex((s) => s.id === ev.source)].text;
      if (ev.offset !== undefined) expect(original.slice(ev.offset, ev.offset + ev.quote.length)).toBe(ev.quote);
      for (const [a, b] of ev.marks ?? []) expect(0 <= a && a < b && b <= ev.quote.length).toBe(true);
    }
  });

  it('gives unique card ids that are stable across builds', () => {
    const ids = deck.cards.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(buildDeck(docs).cards.map((c) => c.id)).toEqual(ids);
    expect(new Set(deck.notes.map((n) => n.id)).size).toBe(deck.notes.length);
  });

  it('keeps page-number artifacts and stray spaces out of every card', () => {
    for (const c of deck.cards) {
      for (const s of [c.prompt, c.answer, ...(c.members ?? [])]) {
        expect(s).not.toMatch(/[\u4e00-\u9fff]\s+[\u4e00-\u9fff]/);
        expect(s).not.toMatch(/\d\s+[\u4e00-\u9fff]|[\u4e00-\u9fff]\s+\d/);
        expect(s).not.toMatch(/\n\s*\d{1,3}\s*\n/);
      }
    }
    expect(deck.cards.some((c) => c.prompt.includes('专题研究疫情防控工2'))).toBe(false);
  });

  it('scores importance in 0..1 and puts headline items first', () => {
    for (const c of deck.cards) {
      expect(c.importance).toBeGreaterThanOrEqual(0);
      expect(c.importance).toBeLessThanOrEqual(1);
    }
    const top = deck.cards.slice(0, 40).map((c) => c.answer + c.prompt);
    expect(top.some((t) => t.includes('六个精准') || t.includes('扶持对象精准'))).toBe(true);
  });

  it('lists highlight terms with traditional variants', () => {
    const term = deck.terms.find((t) => t.text === '六个精准');
    expect(term?.variants).toContain('六個精準');
    expect(deck.notes.some((n) => n.id === term!.noteId)).toBe(true);
  });
});

// These notes come from the formulation extractor and the glossary (data/knowledge/formulations.ts,
// data/glossary.ts) combined in deck.ts.
describe('headline formulations', () => {
  it.each([
    ['六个精准', ['扶持对象精准', '项目安排精准', '资金使用精准', '措施到户精准', '因村派人精准', '脱贫成效精准']],
    ['四个不摘', ['摘帽不摘责任', '摘帽不摘政策', '摘帽不摘帮扶', '摘帽不摘监管']],
    ['五个一批', ['发展生产脱贫一批', '易地搬迁脱贫一批', '生态补偿脱贫一批', '发展教育脱贫一批', '社会保障兜底一批']],
    ['两不愁三保障', ['不愁吃', '不愁穿']],
    ['两个确保', []],
  ])('%s exists with all members and evidence', (name, members) => {
    const note = deck.notes.find((n) => n.kind === 'formulation' && n.name === name);
    expect(note, name).toBeDefined();
    for (const m of members) expect(note!.members).toContain(m);
    expect(note!.members!.length).toBeGreaterThanOrEqual(Math.max(2, members.length));
    expect(note!.evidence.length).toBeGreaterThan(0);
    const list = deck.cards.find((c) => c.noteId === note!.id && c.kind === 'formulation-list');
    expect(list?.answer).toBe(note!.members!.join('、'));
  });

  it('says which parts of 五个一批 and 四个不摘 came from the glossary', () => {
    const five = deck.notes.find((n) => n.name === '五个一批')!;
    expect(five.provenance).toContainEqual({ part: 'member:发展生产脱贫一批', from: 'glossary' });
    expect(five.provenance?.find((p) => p.part === 'name')?.from).toBe('document');
    const four = deck.notes.find((n) => n.name === '四个不摘')!;
    expect(four.provenance?.find((p) => p.part === 'name')?.from).toBe('glossary');
    expect(four.provenance?.find((p) => p.part === 'member:摘帽不摘责任')?.from).toBe('document');
  });

  it('asks for the list in natural Chinese', () => {
    expect(deck.cards.find((c) => c.kind === 'formulation-list' && c.prompt === '“六个精准”指哪六个？')).toBeDefined();
  });
});
