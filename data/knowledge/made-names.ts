// Names the engine makes for a run of clauses opened alike, from their frame and count (三个讲清楚), where
// the document gives none (formulations.ts). Such a name is marked made (provenance), never one another list
// holds, and given once per document.
import { findGlossaryEntry } from '../glossary';
import type { RawFormulation } from './raw';

/**
 * Names Party documents gave other lists, which a made name (count + frame) must not take: the glossary's
 * names and aliases, and these, each long known for a list of its own.
 */
const KNOWN_NAMES = new Set([
  '四个坚持', // 四项基本原则 (1979)
  '九个坚持', // 全国教育大会 (2018): 教育工作的规律性认识
  '十个坚持', // 十九届六中全会决议 (2021): 党百年奋斗的历史经验
]);

export function takenName(name: string): boolean {
  return KNOWN_NAMES.has(name) || !!findGlossaryEntry(name);
}

/** Two lists of one document given the same made name (三个坚持 twice) would be asked alike: the first keeps it. */
export function unnameRepeats(lists: RawFormulation[]): void {
  const made = lists.filter((p) => p.nameMade).sort((a, b) => a.span.start - b.span.start);
  for (const [i, p] of made.entries()) {
    if (made.findIndex((q) => q.name === p.name) === i) continue;
    delete p.name;
    delete p.nameMade;
    delete p.count;
  }
}
