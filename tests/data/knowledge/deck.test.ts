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
    const card = deck.cards.find(
      (c) => c.kind === 'figure-cloze' && c.answer === '9899万人' && c.prompt.includes('551万人'),
    );
    expect(card).toBeDefined();
    expect(card!.prompt).toBe('贫困人口从2012年年底的____减到2019年年底的551万人');
    expect(card!.figure).toMatchObject({ unit: '万人', subject: '贫困人口', date: '2012年年底' });
    expect(card!.evidence.length).toBeGreaterThanOrEqual(1);
    const ev = card!.evidence[0];
    expect(squeeze(ev.quote.slice(...ev.marks![0]))).toBe('9899万人');
  });

  it('keeps the 贫困发生率 cards at their own dates: 10.2% (2012), 3.1% (2017), 0.6% (2019)', () => {
    const rate = (answer: string, inPrompt: string) =>
      deck.cards.find((c) => c.kind === 'figure-cloze' && c.answer === answer && c.prompt.includes(inPrompt));
    expect(rate('10.2%', '贫困发生率由____降至0.6%')).toBeDefined();
    expect(rate('0.6%', '贫困发生率由10.2%降至____')).toBeDefined();
    expect(rate('3.1%', '贫困发生率由2012年底的10.2%下降到2017年底的____')).toBeDefined();
  });

  it('has no figure cloze that names neither subject nor date and shows too little to answer', () => {
    for (const c of deck.cards.filter((x) => x.kind === 'figure-cloze')) {
      const context = [...c.prompt.replace('____', '')].filter((ch) => /[\u4e00-\u9fff]/.test(ch)).length;
      if (!c.figure?.subject && !c.figure?.date && c.figure?.subject !== '目标年份')
        expect(context, c.prompt).toBeGreaterThanOrEqual(12);
      expect(c.figure?.subject ?? '', c.prompt).not.toMatch(/^(?:特别|分别|目前|全国|我国|对存|实现)$/);
    }
    expect(deck.cards.some((c) => c.prompt === '今后____' || c.prompt === '未来____')).toBe(false);
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
    expect(deck.conflicts.some((c) => c.values.join() === '2024年,2030年' && c.topic.includes('可持续发展议程'))).toBe(
      true,
    );
  });

  it('quotes every evidence verbatim (whitespace aside) from its own source', () => {
    const all = [
      ...deck.cards.flatMap((c) => c.evidence),
      ...deck.notes.flatMap((n) => n.evidence),
      ...deck.conflicts.flatMap((c) => c.evidence),
    ];
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

  it('keeps photo credits, running headers, glued page numbers and runs of spaces out of every card and quote', () => {
    // A page number glued into a word ("工2作"): digits between two CJK chars that no unit or measure follows.
    const gluedPage =
      /[\u4e00-\u9fff]\d{1,3}(?![\d.%]|[至到和或比年月日个万亿千名家所支次倍多余岁项户人元天点条位批届级号期章节类种件座亩吨公份篇张本台辆间处门片只斤米])[\u4e00-\u9fff]/;
    for (const c of deck.cards) {
      for (const s of [c.prompt, c.answer, ...(c.members ?? [])]) {
        expect(s, s).not.toMatch(/摄|【学习参考】|\s{2,}/);
        expect(s, s).not.toMatch(gluedPage);
      }
      for (const ev of c.evidence) expect(ev.quote, ev.quote).not.toMatch(/新华社记者[\u4e00-\u9fff]{2,4}\/摄/);
    }
  });

  it('holds back (待核实) the cards whose years come only from the document with rewritten years', () => {
    const caveat = deck.conflicts.find((c) => c.topic.startsWith('与其他文件不一致的年份'))!;
    expect(caveat).toBeDefined();
    expect(caveat.values).toEqual(['2024年', '2020年', '2030年']);
    expect(caveat.evidence.some((e) => e.value === '2024年' && e.source.startsWith('003_'))).toBe(true);
    expect(caveat.evidence.some((e) => e.value === '2020年' && !e.source.startsWith('003_'))).toBe(true);
    for (const ev of caveat.evidence.filter((e) => e.value === '2024年')) {
      expect(ev.marks!.every(([a, b]) => squeeze(ev.quote.slice(a, b)) === '2024年')).toBe(true);
    }
    const goal = deck.cards.find(
      (c) => c.prompt === '到____，稳定实现农村贫困人口不愁吃、不愁穿' && c.answer === '2024年',
    )!;
    expect(goal).toBeDefined();
    expect(goal.conflicts).toContain(caveat.id);
    expect(goal.importance).toBeLessThanOrEqual(0.3);
    expect(goal.held).toBe(caveat.source);
    expect(caveat.cards).toContain(goal.id);
    // Every card resting on 003 alone with a year in its question, answer or quotes is held back and
    // carries the caveat; none resting on other documents is.
    const only003 = (c: (typeof deck.cards)[number]) => c.evidence.every((e) => e.source.startsWith('003_'));
    for (const c of deck.cards) {
      const year = /(?<![\d.])(?:19|20)\d\d(?![\d.%])/.test(
        [c.prompt, c.answer, ...c.evidence.map((e) => e.quote)].join('|').replace(/(\d)\s+(?=\d)/g, '$1'),
      );
      expect(c.conflicts?.includes(caveat.id) ?? false, c.prompt).toBe(year && only003(c));
      expect(c.held !== undefined, c.prompt).toBe(year && only003(c));
    }
    const doc = deck.sources.find((s) => s.id.startsWith('003_'))!;
    expect(doc.caveat).toContain('2处');
    expect(doc.caveat).toContain('年份与其他文件不一致，相关卡片待核实');
    expect(doc.dateUnverified).toBe(true);
    expect(deck.sources.filter((s) => s.caveat || s.dateUnverified)).toHaveLength(1);
  });

  it('shows evidence of the other documents before the document with rewritten years', () => {
    const list = deck.cards.find((c) => c.kind === 'formulation-list' && c.prompt === '“两不愁三保障”指什么？')!;
    expect(list.evidence.map((e) => e.source.slice(0, 3))).toContain('003');
    expect(list.evidence[0].source.startsWith('003_')).toBe(false);
    expect(list.evidence[list.evidence.length - 1].source.startsWith('003_')).toBe(true);
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
    // Members that hold a comma themselves (两个确保) are set apart by ；, the others by 、.
    expect(list?.answer).toBe(note!.members!.join(note!.members!.some((m) => /[、，]/.test(m)) ? '；' : '、'));
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

  it.each([
    [
      '填写这组并列提法（共5项）：推进东部产业向西部梯度转移，实现产业互____、人员互____、技术互____、观念互____、作风互____',
      '产业互补、人员互动、技术互学、观念互通、作风互鉴',
    ],
    ['填写这组并列提法（共3项）：确保搬迁对象有业可就、稳定脱贫，做到搬____、稳____、能____', '搬得出、稳得住、能致富'],
    [
      '填写这组并列提法（共3项）：必须解决好扶持谁、谁来扶、怎么扶的问题，做到扶____贫、真____贫、真____贫',
      '扶真贫、真扶贫、真脱贫',
    ],
    ['填写这组并列提法（共3项）：抓紧补____、堵____、强____', '补短板、堵漏洞、强弱项'],
    [
      '填写这组并列提法（共3项）：统筹网上网下、国内国际、大事小事，营造强____心、暖____心、聚____心',
      '强信心、暖人心、聚民心',
    ],
    [
      '《在打好精准脱贫攻坚战座谈会上的讲话》讲了哪3个问题？',
      '深刻认识我国脱贫攻坚取得的决定性进展、清醒把握打赢脱贫攻坚战的困难挑战、全面打好脱贫攻坚战',
    ],
    [
      '《在决战决胜脱贫攻坚座谈会上的讲话》“我国脱贫攻坚取得决定性成就”部分按顺序讲了哪六点？',
      '脱贫攻坚目标任务接近完成、贫困群众收入水平大幅度提高、贫困地区基本生产生活条件明显改善、贫困地区经济社会发展明显加快、贫困治理能力明显提升、中国减贫方案和减贫成就得到国际社会普遍认可',
    ],
  ])('asks for an unnamed list: %s', (prompt, answer) => {
    const card = deck.cards.find((c) => c.kind === 'formulation-list' && c.prompt === prompt);
    expect(card?.answer).toBe(answer);
  });

  it('keeps formulation prompts short and never asks what a list of members “指什么”', () => {
    for (const c of deck.cards.filter((x) => x.kind.startsWith('formulation'))) {
      expect(c.prompt.length, c.prompt).toBeLessThanOrEqual(80);
      expect(c.prompt, c.prompt).not.toMatch(/^“[^”]*、[^”]*”指/);
    }
  });

  it('keeps two-character wording series (民心、民意、民情; 最急、最盼、最缺) low', () => {
    for (const m of ['民心、民意、民情', '最急、最盼、最缺']) {
      const cards = deck.cards.filter((c) => c.answer === m || c.members?.join('、') === m);
      expect(cards.length, m).toBeGreaterThan(0);
      for (const c of cards) expect(c.importance).toBeLessThan(0.4);
    }
  });
});
