// The curated glossary: counts agree with members, every entry says where it is attested, traditional
// aliases are what OpenCC makes of the simplified forms, names are unique, and the formulations the
// user asked for are right. Then what a document that names or lists one gets in the deck.
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { GLOSSARY, findGlossaryByMembers, findGlossaryEntry, glossaryNote } from '../../data/glossary';
import { buildDeck } from '../../data/knowledge/deck';
import { nameCount } from '../../data/knowledge/lists';

const tw = OpenCC.Converter({ from: 'cn', to: 'tw' });
const hk = OpenCC.Converter({ from: 'cn', to: 'hk' });
const toCn = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** Names whose count adds up parts nameCount leaves out (its 一 is never a count), or that hold no count. */
const COUNT_IN_NAME: Record<string, number | undefined> = {
  两学一做: 3,
  三会一课: 4,
  三去一降一补: 5,
  两新一重: 3,
  '四个革命、一个合作': 5,
  '一个中心、两个基本点': 3,
  '双随机、一公开': 3,
  两弹一星精神: undefined,
};
const countInName = (name: string) => (name in COUNT_IN_NAME ? COUNT_IN_NAME[name] : nameCount(name));
const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

describe('GLOSSARY', () => {
  it("holds the era's standard formulations, 150 and more", () => {
    expect(GLOSSARY.length).toBeGreaterThanOrEqual(150);
  });

  it.each(GLOSSARY.map((e) => [e.name, e] as const))('%s: the count in the name matches the members', (_n, e) => {
    expect(e.name.trim()).toBe(e.name);
    expect(e.name.length).toBeGreaterThanOrEqual(2);
    const count = countInName(e.name);
    if (count !== undefined) expect(e.members).toHaveLength(count);
    expect(e.members.length).toBeGreaterThanOrEqual(2);
    for (const m of e.members) expect(m.trim().length, m).toBeGreaterThan(0);
    expect(new Set(e.members.map((m) => m.trim())).size).toBe(e.members.length);
  });

  it.each(GLOSSARY.map((e) => [e.name, e] as const))(
    '%s: says where it is attested (a title and an ISO date or year)',
    (_n, e) => {
      expect(e.attested?.length).toBeGreaterThan(0);
      for (const a of e.attested!) {
        expect(a.title.trim().length).toBeGreaterThan(1);
        const m = ISO.exec(a.date);
        expect(m, a.date).not.toBeNull();
        const [year, month, day] = [Number(m![1]), m![2] && Number(m![2]), m![3] && Number(m![3])];
        expect(year).toBeGreaterThanOrEqual(1921);
        expect(year).toBeLessThanOrEqual(2026);
        if (month) expect(month >= 1 && month <= 12).toBe(true);
        if (day) expect(new Date(`${a.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(a.date);
      }
    },
  );

  it('the count words of the table above are what nameCount misses, nothing more', () => {
    for (const [name, count] of Object.entries(COUNT_IN_NAME)) {
      expect(findGlossaryEntry(name), name).toBeDefined();
      expect(nameCount(name), name).not.toBe(count);
    }
  });

  it.each(GLOSSARY.map((e) => [e.name, e] as const))(
    '%s: has its traditional form, and every traditional alias is right',
    (_n, e) => {
      if (tw(e.name) !== e.name) expect(e.aliases).toContain(tw(e.name));
      const simplified = [e.name, ...e.aliases.filter((a) => toCn(a) === a)];
      const allowed = new Set(simplified.flatMap((s) => [s, tw(s), hk(s)]));
      for (const a of e.aliases) expect(allowed.has(a)).toBe(true);
    },
  );

  it('has no duplicate names or aliases, quotes and spaces aside', () => {
    const keys = GLOSSARY.flatMap((e) => [e.name, ...e.aliases]).map((k) => k.replace(/[\s“”‘’「」『』"']/g, ''));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('has no two entries with the same members', () => {
    const sets = GLOSSARY.map((e) => [...e.members].sort().join('|'));
    expect(sets.filter((k, i) => sets.indexOf(k) !== i)).toEqual([]);
  });

  it.each([
    ['六个精准', ['扶持对象精准', '项目安排精准', '资金使用精准', '措施到户精准', '因村派人精准', '脱贫成效精准']],
    ['五个一批', ['发展生产脱贫一批', '易地搬迁脱贫一批', '生态补偿脱贫一批', '发展教育脱贫一批', '社会保障兜底一批']],
    ['四个不摘', ['摘帽不摘责任', '摘帽不摘政策', '摘帽不摘帮扶', '摘帽不摘监管']],
    ['两不愁三保障', ['不愁吃', '不愁穿', '义务教育有保障', '基本医疗有保障', '住房安全有保障']],
    ['四个意识', ['政治意识', '大局意识', '核心意识', '看齐意识']],
    ['四个自信', ['道路自信', '理论自信', '制度自信', '文化自信']],
    ['两个维护', ['坚决维护习近平总书记党中央的核心、全党的核心地位', '坚决维护党中央权威和集中统一领导']],
    ['新发展理念', ['创新', '协调', '绿色', '开放', '共享']],
    ['五位一体', ['经济建设', '政治建设', '文化建设', '社会建设', '生态文明建设']],
    ['三严三实', ['严以修身', '严以用权', '严以律己', '谋事要实', '创业要实', '做人要实']],
    ['四风', ['形式主义', '官僚主义', '享乐主义', '奢靡之风']],
    ['三去一降一补', ['去产能', '去库存', '去杠杆', '降成本', '补短板']],
    [
      '十个坚持',
      [
        '坚持党的领导',
        '坚持人民至上',
        '坚持理论创新',
        '坚持独立自主',
        '坚持中国道路',
        '坚持胸怀天下',
        '坚持开拓创新',
        '坚持敢于斗争',
        '坚持统一战线',
        '坚持自我革命',
      ],
    ],
  ])('%s has the standard members', (name, members) => {
    expect(findGlossaryEntry(name)?.members).toEqual(members);
  });

  it('says where members come from when no bundled document lists them', () => {
    for (const name of ['五个一批', '四个不摘', '三区三州']) expect(findGlossaryEntry(name)?.origin).toBeTruthy();
  });
});

describe('lookups', () => {
  it.each([
    ['六個精準', '六个精准'],
    ['“五个一批”', '五个一批'],
    ['兩不愁三保障', '两不愁三保障'],
    ['四个全面战略布局', '四个全面'],
    ['五大发展理念', '新发展理念'],
    ['兩個維護', '两个维护'],
    ['一个中心两个基本点', '一个中心、两个基本点'],
  ])('findGlossaryEntry(%s) → %s', (key, name) => {
    expect(findGlossaryEntry(key)?.name).toBe(name);
  });

  it('finds nothing for an unknown name', () => {
    expect(findGlossaryEntry('七个精准')).toBeUndefined();
    expect(findGlossaryEntry('')).toBeUndefined();
  });

  it('finds an entry by its members in any order', () => {
    expect(findGlossaryByMembers(['摘帽不摘监管', '摘帽不摘责任', '摘帽不摘帮扶', '摘帽不摘政策'])?.name).toBe(
      '四个不摘',
    );
    expect(findGlossaryByMembers(['摘帽不摘责任', '摘帽不摘政策'])).toBeUndefined();
  });
});

describe('nameCount', () => {
  it.each([
    ['六个精准', 6],
    ['五个一批', 5],
    ['两不愁三保障', 5],
    ['三区三州', 6],
    ['五位一体', 5],
    ['三扶观', 3],
    ['精准扶贫四个问题', 4],
    ['一村一品', undefined],
    ['十三五', undefined],
    ['10·17', undefined],
    ['3个问题', 3],
    ['大扶贫格局', undefined],
  ] as const)('%s → %s', (name, count) => {
    expect(nameCount(name)).toBe(count);
  });
});

// A document names a formulation, lists it, or both; the deck says which part came from where.
describe('in the deck', () => {
  const deckOf = (...texts: string[]) => buildDeck(texts.map((text, i) => ({ file: `${i}_glossary_test.txt`, text })));
  const noteOf = (deck: ReturnType<typeof buildDeck>, name: string) =>
    deck.notes.find((n) => n.kind === 'formulation' && n.name === name);
  const NAMED =
    '关于加强机关党的建设的通知\n各级党组织要教育引导党员干部坚决做到“两个维护”，自觉在思想上政治上行动上同党中央保持高度一致。';

  it("a document that names 两个维护 without its members: a card with the glossary's members, marked as such", () => {
    const deck = deckOf(NAMED);
    const note = noteOf(deck, '两个维护')!;
    expect(note.members).toEqual(findGlossaryEntry('两个维护')!.members);
    expect(note.provenance?.find((p) => p.part === 'name')).toMatchObject({ from: 'document' });
    for (const m of note.members!) expect(note.provenance).toContainEqual({ part: `member:${m}`, from: 'glossary' });
    expect(note.evidence[0].quote).toContain('两个维护');
    const list = deck.cards.find((c) => c.noteId === note.id && c.kind === 'formulation-list');
    expect(list?.prompt).toBe('“两个维护”指哪两个？');
    expect(list?.members).toEqual(note.members);
    expect(glossaryNote(note)).toBe(
      '成员来自词表（文件中未列出）。出处：中国共产党第二十次全国代表大会关于《中国共产党章程（修正案）》的决议（2022-10-22）',
    );
  });

  it('a document in traditional characters names it the same way', () => {
    const note = noteOf(
      deckOf(
        '關於加強機關黨的建設的通知\n各級黨組織要教育引導黨員幹部堅決做到「兩個維護」，自覺同黨中央保持高度一致。',
      ),
      '两个维护',
    );
    expect(note?.provenance).toContainEqual({ part: 'member:坚决维护党中央权威和集中统一领导', from: 'glossary' });
  });

  it('a document that lists 四个意识 without its name: named from the glossary, members from the document', () => {
    const note = noteOf(
      deckOf('关于开展专题学习的通知\n全体党员要牢固树立政治意识、大局意识、核心意识、看齐意识，不断提高政治判断力。'),
      '四个意识',
    )!;
    expect(note.members).toEqual(['政治意识', '大局意识', '核心意识', '看齐意识']);
    expect(note.provenance?.find((p) => p.part === 'name')).toMatchObject({ from: 'glossary' });
    expect(note.provenance?.filter((p) => p.part.startsWith('member:')).every((p) => p.from === 'document')).toBe(true);
    expect(glossaryNote(note)).toMatch(/^名称来自词表（文件中未用此名）。出处：/);
  });

  it('one document names it, another lists it: one note, the members attested by the document', () => {
    const listed =
      '关于召开专题民主生活会的通知\n对照“两个维护”，即坚决维护习近平总书记党中央的核心、全党的核心地位，坚决维护党中央权威和集中统一领导，深入查摆问题。';
    const deck = deckOf(NAMED, listed);
    const notes = deck.notes.filter((n) => n.kind === 'formulation' && n.name === '两个维护');
    expect(notes).toHaveLength(1);
    expect(notes[0].evidence).toHaveLength(2);
    expect(notes[0].provenance?.filter((p) => p.part.startsWith('member:') && p.from === 'glossary')).toEqual([]);
    expect(glossaryNote(notes[0])).toBeUndefined();
  });

  it('members scattered over neighbouring sentences do not attest a formulation', () => {
    const deck = deckOf(
      '关于加强立法工作的意见\n要深入推进科学立法、民主立法、依法立法。推进法治体系建设，重点在于严格执法、公正司法、全民守法。',
    );
    expect(noteOf(deck, '法治建设新十六字方针')).toBeUndefined();
  });

  it('a document that mentions none of them gets no glossary note', () => {
    const deck = deckOf(
      '关于做好秋粮收购工作的通知\n各地要加强组织协调，做好仓容准备，确保农民售粮顺畅，收购资金及时足额到位。',
    );
    expect(deck.notes.filter((n) => n.provenance?.some((p) => p.from === 'glossary'))).toEqual([]);
  });
});
