// A document whose years disagree with the other documents again and again (003 rewrote every "20xx"
// as "2024", even "2000多万") is not to be trusted on its years anywhere: a card that carries a year
// of it and has no other document behind it may be silently wrong. Found from the detected
// conflicts, never from file names: a source that alone holds the same year value in MIN_CONFLICTS or
// more conflicts is suspect. Its cards that carry a year are held back as 待核实 (`held`) until the
// user confirms or discards each; the document and its date are flagged; other documents' quotes are
// shown first wherever a card has some (quotes.ts).
import type { Card, Conflict, Evidence, Source } from './types';
import type { Distrust } from './quotes';
import { hash64 } from './merge';
import { round } from './cards';

const MIN_CONFLICTS = 2;
const YEAR = /^\d{4}年$/;
/** Importance of a held card, once confirmed: a wrong figure is worse than a missing one. */
const SUSPECT_WEIGHT = 0.5;
const SUSPECT_CAP = 0.3;

export interface SuspectYears {
  source: string;
  /** The year values this source alone states ("2024年"). */
  values: string[];
  /** What the other documents say in the same statements ("2020年", "2030年"). */
  others: string[];
  /** The conflicts it stands alone in. */
  conflicts: Conflict[];
}

/** Sources that alone hold the same year value in at least MIN_CONFLICTS conflicts. */
export function suspectYears(conflicts: Conflict[]): SuspectYears[] {
  const bySourceValue = new Map<
    string,
    { source: string; value: string; conflicts: Conflict[]; others: Set<string> }
  >();
  for (const c of conflicts) {
    for (const value of c.values) {
      if (!YEAR.test(value)) continue;
      const holders = new Set(c.evidence.filter((e) => e.value === value).map((e) => e.source));
      const others = c.evidence.filter((e) => e.value !== value);
      if (holders.size !== 1 || !others.length || others.some((e) => holders.has(e.source))) continue;
      const [source] = holders;
      const key = `${source}\u0000${value}`;
      const entry = bySourceValue.get(key) ?? { source, value, conflicts: [], others: new Set<string>() };
      entry.conflicts.push(c);
      for (const e of others) entry.others.add(e.value);
      bySourceValue.set(key, entry);
    }
  }
  const bySource = new Map<string, SuspectYears>();
  for (const e of bySourceValue.values()) {
    if (e.conflicts.length < MIN_CONFLICTS) continue;
    const s = bySource.get(e.source) ?? { source: e.source, values: [], others: [], conflicts: [] };
    s.values.push(e.value);
    s.others = [...new Set([...s.others, ...e.others])].sort();
    s.conflicts = [...new Set([...s.conflicts, ...e.conflicts])];
    bySource.set(e.source, s);
  }
  return [...bySource.values()];
}

/** Where a year value stands in a quote, spaces of the PDF extraction allowed ("2024 年"). */
function yearMarks(quote: string, value: string): Array<[number, number]> {
  const re = new RegExp(`(?<!\\d)${[...value].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*')}`, 'g');
  return [...quote.matchAll(re)].map((m) => [m.index!, m.index! + m[0].length]);
}

/** A number written like a year (1949, 2024, "2024多万" too): what a rewrite of the years may have touched. */
const YEARLIKE = /(?<![\d.])(?:1[89]|20)\d\d(?![\d.%])/;
export const yearlike = (s: string) => YEARLIKE.test(s.replace(/(\d)\s+(?=\d)/g, '$1'));

/** What the user decided about a held card: confirmed (studied like any other) or discarded (never shown). */
export type Verdict = 'confirmed' | 'discarded';

/** True while a card is 待核实 or was discarded: out of review, quizzes and highlights. */
export function heldBack(card: { held?: string; verdict?: Verdict }): boolean {
  return card.held !== undefined && card.verdict !== 'confirmed';
}

/** Notes whose every card is held back: their terms light up on no page (the deck and the store alike). */
export function heldOnlyNoteIds(
  cards: ReadonlyArray<{ noteId: string; held?: string; verdict?: Verdict }>,
): Set<string> {
  const live = new Set(cards.filter((c) => !heldBack(c)).map((c) => c.noteId));
  return new Set(cards.filter((c) => !live.has(c.noteId)).map((c) => c.noteId));
}

/** The words shown on a flagged document and its held cards. */
export const SUSPECT_NOTICE = '年份与其他文件不一致，相关卡片待核实';

export interface Suspicion {
  suspects: SuspectYears[];
  /** 0 a trustworthy document's quote, 1 a suspect document's, 2 one that carries its doubtful years. */
  distrust: Distrust;
}

export function suspicion(conflicts: Conflict[]): Suspicion {
  const suspects = suspectYears(conflicts);
  const ids = new Set(suspects.map((s) => s.source));
  return { suspects, distrust: (e: Evidence) => (!ids.has(e.source) ? 0 : yearlike(e.quote) ? 2 : 1) };
}

/** A card that rests on suspect documents alone and shows a year of theirs: in its question, answer or quotes. */
function restsOnDoubtfulYears(card: Card, source: string): boolean {
  if (!card.evidence.length || card.evidence.some((e) => e.source !== source)) return false;
  return [card.prompt, card.answer, ...card.evidence.map((e) => e.quote)].some(yearlike);
}

/**
 * Holds back the cards that rest on a suspect source's years alone: each gets `held` (the source),
 * the caveat's id in `conflicts` and a lower importance; the caveat lists them, and the source its
 * caveat text and an unverified date. Returns the caveat conflicts.
 */
export function flagSuspectYears(
  cards: Card[],
  conflicts: Conflict[],
  sources: Source[],
  suspects = suspectYears(conflicts),
): Conflict[] {
  const caveats: Conflict[] = [];
  for (const s of suspects) {
    const source = sources.find((x) => x.id === s.source);
    const title = source?.title ?? s.source;
    const id = `conflict:${hash64(`suspect-years|${s.source}|${s.values.join('|')}`)}`;
    const affected = cards.filter((c) => restsOnDoubtfulYears(c, s.source));
    const evidence: Conflict['evidence'] = [];
    const seen = new Set<string>();
    for (const c of affected) {
      c.held = s.source;
      c.conflicts = [...new Set([...(c.conflicts ?? []), id])];
      c.importance = round(Math.min(c.importance * SUSPECT_WEIGHT, SUSPECT_CAP));
      for (const value of s.values) {
        for (const ev of c.evidence) {
          const marks = yearMarks(ev.quote, value);
          const key = `${ev.source}|${ev.offset ?? ev.quote}|${value}`;
          if (!marks.length || seen.has(key)) continue;
          seen.add(key);
          const { marks: _m, ...rest } = ev;
          evidence.push({ ...rest, marks, value });
        }
      }
    }
    // What the other documents say, from the conflicts that gave the source away.
    for (const c of s.conflicts) {
      for (const ev of c.evidence) {
        const key = `${ev.source}|${ev.offset ?? ev.quote}|${ev.value}`;
        if (ev.source === s.source || seen.has(key)) continue;
        seen.add(key);
        evidence.push(ev);
      }
    }
    const dated = source?.date ? `文件所署日期${source.date}同样待核实；` : '';
    const text = `${SUSPECT_NOTICE}：本文件的年份在${s.conflicts.length}处表述中与其他文件不一致（本文件作${s.values.join('、')}，其他文件作${s.others.join('、')}），${dated}只凭本文件的${affected.length}张卡片暂不复习，请逐张确认或舍弃。`;
    if (source) {
      source.caveat = text;
      if (source.date) source.dateUnverified = true;
    }
    caveats.push({
      id,
      topic: `与其他文件不一致的年份：《${title}》`,
      values: [...s.values, ...s.others.filter((v) => !s.values.includes(v))],
      evidence,
      notes: [...new Set(affected.map((c) => c.noteId))],
      cards: affected.map((c) => c.id),
      source: s.source,
      caveat: text,
    });
  }
  return caveats;
}

/**
 * A question no document could mean: a span from a year to the same year ("从2024年到2024年"), or a
 * rounded amount written with more digits than anyone rounds to ("2024多万"). Both are what a rewrite
 * of the years leaves behind; such a card is dropped, not held.
 */
export function selfContradictory(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  if (/从(\d{4})年[^，。；]{0,10}?到\1年/.test(t)) return true;
  for (const m of t.matchAll(/(?<![\d.])(\d+)多(?:万|亿|个|人|名|元)/g))
    if (m[1].replace(/0+$/, '').length > 3) return true;
  return false;
}
