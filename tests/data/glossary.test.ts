// The curated glossary: counts agree with members, traditional aliases are what OpenCC makes of the
// simplified forms, names are unique, and the three formulations the user asked for are right.
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { GLOSSARY, findGlossaryByMembers, findGlossaryEntry } from '../../data/glossary';
import { nameCount } from '../../data/knowledge/lists';

const tw = OpenCC.Converter({ from: 'cn', to: 'tw' });
const hk = OpenCC.Converter({ from: 'cn', to: 'hk' });
const toCn = OpenCC.Converter({ from: 'tw', to: 'cn' });

describe('GLOSSARY', () => {
  it.each(GLOSSARY.map((e) => [e.name, e] as const))('%s: the count in the name matches the members', (_n, e) => {
    const count = nameCount(e.name);
    if (count !== undefined) expect(e.members).toHaveLength(count);
    expect(e.members.length).toBeGreaterThanOrEqual(2);
    expect(new Set(e.members).size).toBe(e.members.length);
  });

  it.each(GLOSSARY.map((e) => [e.name, e] as const))('%s: has its traditional form, and every traditional alias is right', (_n, e) => {
    if (tw(e.name) !== e.name) expect(e.aliases).toContain(tw(e.name));
    const simplified = [e.name, ...e.aliases.filter((a) => toCn(a) === a)];
    const allowed = new Set(simplified.flatMap((s) => [s, tw(s), hk(s)]));
    for (const a of e.aliases) expect(allowed.has(a)).toBe(true);
  });

  it('has no duplicate names or aliases', () => {
    const keys = GLOSSARY.flatMap((e) => [e.name, ...e.aliases]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    ['六个精准', ['扶持对象精准', '项目安排精准', '资金使用精准', '措施到户精准', '因村派人精准', '脱贫成效精准']],
    ['五个一批', ['发展生产脱贫一批', '易地搬迁脱贫一批', '生态补偿脱贫一批', '发展教育脱贫一批', '社会保障兜底一批']],
    ['四个不摘', ['摘帽不摘责任', '摘帽不摘政策', '摘帽不摘帮扶', '摘帽不摘监管']],
    ['两不愁三保障', ['不愁吃', '不愁穿', '义务教育有保障', '基本医疗有保障', '住房安全有保障']],
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
  ])('findGlossaryEntry(%s) → %s', (key, name) => {
    expect(findGlossaryEntry(key)?.name).toBe(name);
  });

  it('finds nothing for an unknown name', () => {
    expect(findGlossaryEntry('七个精准')).toBeUndefined();
    expect(findGlossaryEntry('')).toBeUndefined();
  });

  it('finds an entry by its members in any order', () => {
    expect(findGlossaryByMembers(['摘帽不摘监管', '摘帽不摘责任', '摘帽不摘帮扶', '摘帽不摘政策'])?.name).toBe('四个不摘');
    expect(findGlossaryByMembers(['摘帽不摘责任', '摘帽不摘政策'])).toBeUndefined();
  });
});

describe('nameCount', () => {
  it.each([
    ['六个精准', 6], ['五个一批', 5], ['两不愁三保障', 5], ['三区三州', 6], ['五位一体', 5], ['三扶观', 3],
    ['精准扶贫四个问题', 4], ['一村一品', undefined], ['十三五', undefined], ['10·17', undefined], ['3个问题', 3],
    ['大扶贫格局', undefined],
  ] as const)('%s → %s', (name, count) => {
    expect(nameCount(name)).toBe(count);
  });
});
