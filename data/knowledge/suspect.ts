// A document whose years disagree with the other documents again and again (003 rewrote "2020" as
// "2024") is not to be trusted on those years anywhere: a card that carries such a year and has no
// other document behind it may be silently wrong. Found from the detected conflicts, never from file
// names: a source that alone holds the same year value in MIN_CONFLICTS or more conflicts is suspect
// for that value. Its cards get a caveat (a conflict entry of its own), lower importance, and the
// evidence of other documents is shown first wherever a card has some.
import type { Card, Conflict, Evidence, Source } from './types';
import { hash64 } from './merge';
import { round } from './cards';

const MIN_CONFLICTS = 2;
const YEAR = /^\d{4}年$/;
/** Importance of a card whose year only a suspect source gives: a wrong figure is worse than a missing one. */
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
  const bySourceValue = new Map<string, { source: string; value: string; conflicts: Conflict[]; others: Set<string> }>();
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

const carries = (s: string, value: string) => new RegExp(`(?<!\\d)${value}`).test(s);

/**
 * Marks the cards that rest on a suspect source's years alone: each gets the caveat's id in
 * `conflicts` and a lower importance; the caveat lists them. Evidence of every card is reordered so
 * that other documents come first. Returns the caveat conflicts and the sources' caveat texts.
 */
export function flagSuspectYears(
  cards: Card[],
  conflicts: Conflict[],
  sources: Source[],
): { caveats: Conflict[]; notes: Map<string, string> } {
  const suspects = suspectYears(conflicts);
  const notes = new Map<string, string>();
  if (!suspects.length) return { caveats: [], notes };
  const suspectSources = new Set(suspects.map((s) => s.source));
  const trusted = (evidence: Evidence[]) => [...evidence].sort((a, b) => Number(suspectSources.has(a.source)) - Number(suspectSources.has(b.source)));
  for (const card of cards) card.evidence = trusted(card.evidence);

  const caveats: Conflict[] = [];
  for (const s of suspects) {
    const title = sources.find((x) => x.id === s.source)?.title ?? s.source;
    const id = `conflict:${hash64(`suspect-years|${s.source}|${s.values.join('|')}`)}`;
    const affected = cards.filter(
      (c) => c.evidence.length > 0 && c.evidence.every((e) => e.source === s.source) && s.values.some((v) => carries(c.prompt, v) || carries(c.answer, v)),
    );
    const evidence: Conflict['evidence'] = [];
    const seen = new Set<string>();
    for (const c of affected) {
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
    const date = sources.find((x) => x.id === s.source)?.date;
    const dated = date && s.values.some((v) => date.startsWith(v.slice(0, 4))) ? `文件日期${date}的年份同样可疑；` : '';
    const text = `本文件的年份在${s.conflicts.length}处表述中与其他文件不一致（本文件作${s.values.join('、')}，其他文件作${s.others.join('、')}），${dated}只有本文件支持的${s.values.join('、')}可能有误。`;
    notes.set(s.source, text);
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
  return { caveats, notes };
}
