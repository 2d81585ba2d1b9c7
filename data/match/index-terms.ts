// The term index the background hands to content scripts: plain JSON (it travels through
// messaging or storage.local), built once per deck, turned into a matcher on the page.
import type { Term } from '../knowledge/types';
import { buildMatcher, matcherFromAutomaton, type Matcher } from './matcher';
import { compileAutomaton, type Automaton } from './automaton';

export type TermRole = Term['role'];

export interface TermIndex {
  version: 1;
  /** Every written form to look for, simplified and traditional, each once. */
  patterns: string[];
  /** noteIds[i]: the notes pattern i points to (one form can belong to several notes). */
  noteIds: string[][];
  /** roles[i][j]: what patterns[i] is in note noteIds[i][j]. */
  roles: TermRole[][];
  /** The matcher for `patterns` (ids: their indexes), built here once rather than on every page. */
  automaton?: Automaton;
}

/** A single character would light up half a page; such terms are left out. */
export const MIN_PATTERN_LENGTH = 2;
/**
 * Members and quoted terms of two characters (西藏, 创新, 扶贫, 摘帽) are everyday words on a news
 * page: highlighting them would bury the formulations. Names and aliases (三农, 六稳) stay.
 */
export const MIN_WORD_LENGTH = 3;

function minLength(role: TermRole): number {
  return role === 'name' || role === 'alias' ? MIN_PATTERN_LENGTH : MIN_WORD_LENGTH;
}

/**
 * A member that quotes a term (聚焦“三区三州”等深度贫困地区) is a phrase of an outline, not a
 * word a reader meets again; as the longest match it would hide the quoted term's own card.
 */
const QUOTES = /[“”‘’「」『』"]/;

function highlightable(role: TermRole, text: string): boolean {
  return text.length >= minLength(role) && !(role === 'member' && QUOTES.test(text));
}

// When one form is the name of one note and a member of another, the hover card should
// lead with the note it names; within a note, the strongest role is kept.
const RANK: Record<TermRole, number> = { name: 0, alias: 1, term: 2, member: 3 };

/** `leaveOut`: notes not to highlight (every card of theirs held back as 待核实). */
export function buildTermIndex(terms: readonly Term[], leaveOut: ReadonlySet<string> = new Set()): TermIndex {
  const at = new Map<string, number>();
  const entries: Array<Map<string, TermRole>> = [];
  for (const term of terms) {
    if (leaveOut.has(term.noteId)) continue;
    for (const form of [term.text, ...(term.variants ?? [])]) {
      const text = form.trim();
      if (!highlightable(term.role, text)) continue;
      let k = at.get(text);
      if (k === undefined) {
        k = entries.length;
        at.set(text, k);
        entries.push(new Map());
      }
      const roles = entries[k];
      const had = roles.get(term.noteId);
      if (had === undefined || RANK[term.role] < RANK[had]) roles.set(term.noteId, term.role);
    }
  }
  const ordered = entries.map((m) => [...m].sort((a, b) => RANK[a[1]] - RANK[b[1]]));
  const patterns = [...at.keys()];
  return {
    version: 1,
    patterns,
    noteIds: ordered.map((list) => list.map(([noteId]) => noteId)),
    roles: ordered.map((list) => list.map(([, role]) => role)),
    automaton: compileAutomaton(patterns.map((text, id) => ({ text, id }))),
  };
}

/** Match ids are indexes into index.patterns / noteIds / roles. */
export function matcherFromIndex(index: TermIndex): Matcher {
  if (index.automaton) {
    try {
      return matcherFromAutomaton(index.automaton);
    } catch {
      // Not the shape this code builds (an index from another version): build it here.
    }
  }
  return buildMatcher(index.patterns.map((text, id) => ({ text, id })));
}
