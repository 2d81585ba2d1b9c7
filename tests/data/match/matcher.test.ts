import { describe, expect, it } from 'vitest';
import type { Term } from '../../../data/knowledge/types';
import { buildTermIndex, matcherFromIndex, type TermIndex } from '../../../data/match/index-terms';
import { buildMatcher, matcherFromAutomaton } from '../../../data/match/matcher';
import { compileAutomaton } from '../../../data/match/automaton';

/** The matched substrings, in order: what a reader would see highlighted. */
function found(patterns: string[], text: string): string[] {
  const m = buildMatcher(patterns.map((p, id) => ({ text: p, id })));
  return m.findAll(text).map(({ start, end }) => text.slice(start, end));
}

describe('findAll: leftmost, then longest, never overlapping', () => {
  it.each([
    ['longest at a position', ['精准', '精准扶贫'], '实施精准扶贫方略', ['精准扶贫']],
    ['leftmost beats longer later', ['精准', '六个精准', '精准扶贫'], '六个精准扶贫', ['六个精准']],
    ['leftmost, then the rest', ['精准', '六个精准', '精准扶贫', '扶贫'], '六个精准扶贫', ['六个精准', '扶贫']],
    ['an overlap is dropped', ['两不愁', '愁三保障'], '两不愁三保障', ['两不愁']],
    [
      'prefixes of each other',
      ['全面', '全面小康', '全面建成小康社会', '小康'],
      '全面建成小康社会，全面小康，全面',
      ['全面建成小康社会', '全面小康', '全面'],
    ],
    ['suffixes of each other', ['社会', '小康社会', '全面建成小康社会'], '建成小康社会', ['小康社会']],
    ['a shorter match before a longer one that would overlap it', ['ab', 'bcde'], 'abcde', ['ab']],
    ['a short match, then one that starts inside a longer prefix', ['a', 'bc', 'abcd'], 'abc', ['a', 'bc']],
    ['repeats', ['脱贫'], '脱贫脱贫 脱贫', ['脱贫', '脱贫', '脱贫']],
    ['after a failed long prefix', ['六个精准', '个精'], '六个精确', ['个精']],
    ['nothing to find', ['精准扶贫'], '乡村振兴', []],
    ['empty text', ['精准扶贫'], '', []],
    ['no patterns', [], '精准扶贫', []],
    ['an empty pattern is ignored', ['', '扶贫'], '扶贫', ['扶贫']],
    ['traditional forms', ['两不愁三保障', '兩不愁三保障'], '實現「兩不愁三保障」目標', ['兩不愁三保障']],
    ['astral characters', ['𠀀𠀁'], 'x𠀀𠀁y', ['𠀀𠀁']],
  ])('%s', (_name, patterns, text, expected) => {
    expect(found(patterns, text)).toEqual(expected);
  });

  it('reports offsets and the id of each match; a repeated text keeps its first id', () => {
    const m = buildMatcher([
      { text: '扶贫', id: 'a' },
      { text: '扶贫', id: 'b' },
      { text: '脱贫', id: 7 },
    ]);
    expect(m.patternCount).toBe(2);
    expect(m.findAll('要扶贫更要脱贫')).toEqual([
      { start: 1, end: 3, id: 'a' },
      { start: 5, end: 7, id: 7 },
    ]);
  });

  it('gives the same answer on a second, shorter text (the scratch buffer is reused)', () => {
    const m = buildMatcher([{ text: '精准', id: 0 }]);
    expect(m.findAll('精准精准精准精准')).toHaveLength(4);
    expect(m.findAll('精x')).toEqual([]);
  });

  it('finds a pattern at every position of a long text (more than the table is first sized for)', () => {
    const m = buildMatcher([
      { text: '贫', id: 0 },
      { text: '贫贫', id: 1 },
    ]);
    const text = '贫'.repeat(5000);
    expect(m.longestStarts(text).count).toBe(2 * 5000);
    expect(m.findAll(text)).toHaveLength(2500);
    expect(m.findAll(`${text}贫`).at(-1)).toEqual({ start: 5000, end: 5001, id: 0 });
  });

  it('builds 10,000 patterns and finds them in a long text', () => {
    // Distinct 4-character patterns from a small alphabet, so they share many prefixes.
    const alphabet = '一二三四五六七八九十百千';
    const pats: string[] = [];
    for (let i = 0; pats.length < 10_000; i++) {
      let s = '';
      for (let n = i, k = 0; k < 4; k++, n = Math.floor(n / alphabet.length)) s += alphabet[n % alphabet.length];
      pats.push(`${s}${i % 7 === 0 ? '年' : ''}`);
    }
    // Build time is measured by `npm run bench`, not here: a timed unit test fails on a busy machine.
    const m = buildMatcher(pats.map((text, id) => ({ text, id })));
    expect(m.patternCount).toBe(10_000);
    const text = `开头${pats[9_999]}的${pats[0]}。`.repeat(20_000);
    const hits = m.findAll(text);
    expect(hits.slice(0, 2).map((h) => h.id)).toEqual([9_999, 0]);
    expect(hits).toHaveLength(40_000);
  });
});

describe('findAll against a plain search', () => {
  /** Leftmost, then longest, non-overlapping, the slow and obvious way. */
  function reference(patterns: string[], text: string): string[] {
    const out: string[] = [];
    for (let i = 0; i < text.length;) {
      const longest = patterns.filter((p) => p && text.startsWith(p, i)).sort((a, b) => b.length - a.length)[0];
      if (longest) {
        out.push(longest);
        i += longest.length;
      } else i++;
    }
    return out;
  }

  /** Deterministic random cases (the same on every run): numbers below n, and words over an alphabet. */
  function cases(seed: number, alphabet: string) {
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      // Its high bits: the low bits of this generator repeat with a short period.
      return Math.floor((seed / 0x80000000) * n);
    };
    const word = (min: number, max: number) => {
      let s = '';
      for (let k = min + random(max - min + 1); k > 0; k--) s += alphabet[random(alphabet.length)];
      return s;
    };
    return { random, word };
  }

  // Few short patterns (every failure path taken), and many (a dense automaton: states packed close
  // together in its tables); each automaton also sent through JSON, as the background sends it to pages.
  it.each([
    {
      what: 'a few patterns over a small alphabet',
      seed: 12345,
      alphabet: '六个精准扶',
      rounds: 300,
      count: [1, 8],
      length: [1, 5],
      text: [0, 40],
    },
    {
      what: 'many patterns at once',
      seed: 4242,
      alphabet: '六个精准扶贫两不愁三保障',
      rounds: 60,
      count: [20, 79],
      length: [2, 6],
      text: [100, 300],
    },
  ])('agrees on random cases: $what', ({ seed, alphabet, rounds, count, length, text: textLength }) => {
    const { random, word } = cases(seed, alphabet);
    for (let round = 0; round < rounds; round++) {
      const patterns = Array.from({ length: count[0] + random(count[1] - count[0] + 1) }, () =>
        word(length[0], length[1]),
      );
      const text = word(textLength[0], textLength[1]);
      expect(found(patterns, text), `${patterns.join(',')} in ${text}`).toEqual(reference(patterns, text));
      const sent = JSON.parse(JSON.stringify(compileAutomaton(patterns.map((p, id) => ({ text: p, id })))));
      const matches = matcherFromAutomaton(sent).findAll(text);
      expect(
        matches.map(({ start, end }) => text.slice(start, end)),
        `${patterns.join(',')} in ${text}, sent`,
      ).toEqual(reference(patterns, text));
    }
  });

  it('longestStarts gives the longest pattern at every position, and longestWithin the longest that stops by a boundary', () => {
    const { random, word } = cases(777, '两不愁三保');
    /** The longest pattern in text[i, end), the obvious way. */
    const longest = (patterns: string[], text: string, i: number, end: number) =>
      patterns.filter((p) => p && i + p.length <= end && text.startsWith(p, i)).sort((a, b) => b.length - a.length)[0];
    for (let round = 0; round < 300; round++) {
      const patterns = [...new Set(Array.from({ length: 1 + random(8) }, () => word(1, 5)))];
      const m = buildMatcher(patterns.map((text, id) => ({ text, id })));
      const text = word(0, 30);
      const where = `${patterns.join(',')} in ${text}`;
      const { table, count } = m.longestStarts(text);
      const starts = new Map<number, string>();
      for (let k = 0; k < count; k += 2) starts.set(table[k], patterns[m.idOf(table[k + 1]) as number]);
      for (let i = 0; i < text.length; i++) {
        expect(starts.get(i), `${where} at ${i}`).toBe(longest(patterns, text, i, text.length));
        const end = i + random(text.length - i + 1);
        const within = m.longestWithin(text, i, end);
        expect(within < 0 ? undefined : patterns[m.idOf(within) as number], `${where} at ${i} by ${end}`).toBe(
          longest(patterns, text, i, end),
        );
        if (within >= 0) expect(m.lengthOf(within)).toBe(patterns[m.idOf(within) as number].length);
      }
    }
  });
});

describe('term index', () => {
  const terms: Term[] = [
    { text: '两不愁三保障', variants: ['兩不愁三保障'], noteId: 'n1', role: 'name' },
    { text: '两不愁三保障', noteId: 'n1', role: 'alias' },
    { text: '精准扶贫', variants: ['精準扶貧', '精准扶贫'], noteId: 'n2', role: 'member' },
    { text: '精准扶贫', noteId: 'n3', role: 'name' },
    { text: '贫', noteId: 'n4', role: 'term' },
  ];

  it('holds every form once, with the notes it points to, names first; drops one-character terms', () => {
    const index = buildTermIndex(terms);
    expect(index).toEqual({
      version: 1,
      patterns: ['两不愁三保障', '兩不愁三保障', '精准扶贫', '精準扶貧'],
      noteIds: [['n1'], ['n1'], ['n3', 'n2'], ['n2']],
      roles: [['name'], ['name'], ['name', 'member'], ['member']],
      automaton: expect.objectContaining({ version: 2, ids: [0, 1, 2, 3], lengths: [6, 6, 4, 4] }),
    });
    expect(JSON.parse(JSON.stringify(index))).toEqual(index);
  });

  it('carries its matcher prebuilt: after a trip through JSON it finds what one built from the patterns finds', () => {
    const index = JSON.parse(JSON.stringify(buildTermIndex(terms))) as TermIndex;
    const text = '实现两不愁三保障，實現兩不愁三保障，精准扶贫精準扶貧。';
    const built = buildMatcher(index.patterns.map((p, id) => ({ text: p, id })));
    expect(matcherFromIndex(index).findAll(text)).toEqual(built.findAll(text));
    expect(matcherFromIndex(index).findAll(text)).toHaveLength(4);
    // An index without it (or with one this code cannot read) still gives a working matcher.
    expect(matcherFromIndex({ ...index, automaton: undefined }).findAll(text)).toHaveLength(4);
    const broken = { ...index, automaton: { ...index.automaton!, next: [] } };
    expect(matcherFromIndex(broken).findAll(text)).toHaveLength(4);
    const later = { ...index, automaton: { ...index.automaton!, version: 1 as unknown as 2, next: [] } };
    expect(matcherFromIndex(later).findAll(text)).toHaveLength(4);
    expect(() => matcherFromAutomaton({ ...index.automaton!, version: 1 as unknown as 2 })).toThrow();
  });

  it('refuses an automaton whose tables would send a scan out of bounds', () => {
    const automaton = buildTermIndex(terms).automaton!;
    expect(() => matcherFromAutomaton(automaton)).not.toThrow();
    const lastBase = automaton.check.length - automaton.classes.length;
    expect(() => matcherFromAutomaton({ ...automaton, base: automaton.base.map(() => lastBase) })).toThrow('Malformed');
    expect(() => matcherFromAutomaton({ ...automaton, base: automaton.base.map(() => -1) })).toThrow('Malformed');
    expect(() => matcherFromAutomaton({ ...automaton, next: automaton.next.map(() => automaton.base.length) })).toThrow(
      'Malformed',
    );
    expect(() => matcherFromAutomaton({ ...automaton, root: [0x4e00, automaton.base.length] })).toThrow('Malformed');
    expect(() => matcherFromAutomaton({ ...automaton, check: automaton.check.slice(1) })).toThrow('Malformed');
  });

  it('keeps two-character names but drops two-character members and terms', () => {
    const index = buildTermIndex([
      { text: '三农', variants: ['三農'], noteId: 'n7', role: 'name' },
      { text: '农村', noteId: 'n7', role: 'member' },
      { text: '摘帽', noteId: 'n8', role: 'term' },
      { text: '不愁吃', noteId: 'n9', role: 'member' },
    ]);
    expect(index.patterns).toEqual(['三农', '三農', '不愁吃']);
  });

  it('matches simplified and traditional pages alike', () => {
    const index = buildTermIndex(terms);
    const m = matcherFromIndex(index);
    const hits = m.findAll('香港：實現兩不愁三保障，推進精準扶貧；内地：两不愁三保障');
    expect(hits.map((h) => index.noteIds[h.id as number][0])).toEqual(['n1', 'n2', 'n1']);
  });
});
