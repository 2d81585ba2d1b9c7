// Finds the member lists of glossary formulations where a document states them without the name:
// 六个精准 in the 2015 决定 ("按照扶持对象精准、…、脱贫成效精准的要求"), 两不愁三保障 ("不愁吃、不愁穿，
// 义务教育、基本医疗和住房安全有保障"), 扶持谁、谁来扶、怎么扶、如何退. Only complete lists count:
// a partial match would put a glossary member on a card as if the document said it.
import type { GlossaryEntry, RawFormulation, Span } from './raw';

/** What may stand between two members of one list. */
const GAP = /^[、，,和与及\s“”‘’「」]{1,4}$/;
const MAX_GAP = 4;

function commonSuffix(a: string, b: string): string {
  let k = 0;
  while (k < a.length && k < b.length && a[a.length - 1 - k] === b[b.length - 1 - k]) k++;
  return a.slice(a.length - k);
}

/**
 * Each member as it may be written. A predicate shared with the next member may be stated once at the
 * end ("义务教育、基本医疗和住房安全有保障"), so 义务教育有保障 may appear as 义务教育.
 */
function needles(members: string[]): string[][] {
  return members.map((m, i) => {
    const next = members[i + 1];
    const shared = next ? commonSuffix(m, next) : '';
    return shared.length >= 2 && shared.length < m.length ? [m, m.slice(0, m.length - shared.length)] : [m];
  });
}

function matchAt(text: string, pos: number, options: string[]): Span | undefined {
  for (const o of options) if (text.startsWith(o, pos)) return { start: pos, end: pos + o.length };
  return undefined;
}

function attestOne(text: string, entry: GlossaryEntry): RawFormulation[] {
  const opts = needles(entry.members);
  const out: RawFormulation[] = [];
  for (const first of new Set(opts[0])) {
    let from = 0;
    for (let at = text.indexOf(first, from); at >= 0; at = text.indexOf(first, from)) {
      from = at + 1;
      const spans: Span[] = [{ start: at, end: at + first.length }];
      for (let k = 1; k < opts.length; k++) {
        const prev = spans[k - 1].end;
        let hit: Span | undefined;
        for (let g = 1; g <= MAX_GAP && !hit; g++) {
          if (!GAP.test(text.slice(prev, prev + g))) break;
          hit = matchAt(text, prev + g, opts[k]);
        }
        if (!hit) break;
        spans.push(hit);
      }
      const lastWhole =
        spans.length === opts.length &&
        text.slice(spans[spans.length - 1].start, spans[spans.length - 1].end) ===
          entry.members[entry.members.length - 1];
      if (!lastWhole) continue;
      out.push({
        members: [...entry.members],
        ordered: entry.ordered ?? false,
        span: { start: spans[0].start, end: spans[spans.length - 1].end },
        memberSpans: spans,
        via: 'glossary',
        glossaryName: entry.name,
      });
    }
  }
  return out;
}

export function attestGlossary(text: string, glossary: GlossaryEntry[]): RawFormulation[] {
  return glossary
    .filter((e) => e.members.length >= 2)
    .flatMap((e) => attestOne(text, e))
    .sort((a, b) => a.span.start - b.span.start);
}
