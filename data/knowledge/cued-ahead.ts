// Two finders of cued.ts that look past one clause: the opening clauses of the sentences of one paragraph
// cast in one mould, and a count name whose members follow in the next sentences.

import type { RawFormulation } from './raw';
import { SENTENCE_END, isCjk, nameCount, parseCount } from './lists';
import { type Clause, commonPrefix, forEachClause, MAX_CLAUSE_ITEM, runOf } from './cued-text';
import { parseList } from './cued-lists';

// ---------------------------------------------------------------------------------------------
// Opening clauses of sentences in one paragraph: "强化不敢腐的震慑，…。扎紧不能腐的笼子，…。增强不想腐的自觉，…"

export function sentenceLeads(clauses: Clause[]): RawFormulation[] {
  const out: RawFormulation[] = [];
  const leads = clauses.filter(
    (c) => c.sentenceStart && c.text.length >= 5 && c.text.length <= 12 && [...c.text].every(isCjk),
  );
  const used = new Set<number>();
  for (let i = 0; i < leads.length; i++) {
    if (used.has(i)) continue;
    const L = leads[i].text.length;
    const group = [i];
    let places = [...Array(L).keys()];
    for (let j = i + 1; j < leads.length && j < i + 8; j++) {
      if (used.has(j) || leads[j].text.length !== L) continue;
      const next = places.filter((k) => leads[j].text[k] === leads[i].text[k]);
      if (next.length >= 3 && next.length < L) {
        places = next;
        group.push(j);
      }
    }
    // At least three, and shared in the middle of the clause, not just a common verb at its start.
    const opening = commonPrefix(group.map((k) => leads[k].text)).length >= 2; // framed runs' business
    if (group.length >= 3 && !opening && places.length / L >= 0.3 && places.some((k) => k >= 2)) {
      const run = group.map((k) => leads[k]);
      for (const k of group) used.add(k);
      out.push(runOf(run, { ordered: true }));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// A count name whose members follow: "运用“三会一课”制度……。党员应当按期参加党员大会、党小组会和上党课";
// and a count name just before a framed run: "坚持“五个必须”，必须…；必须…".

const NAME_AHEAD =
  /[“「]([^”」\n]{2,10})[”」]|(?<![\d一二两三四五六七八九十第])([2-9]|[两三四五六七八九十])(个|点|项|条|种|大)([\u4e00-\u9fa5]{1,4}?)(?=[，。：；、,:;]|$)/g;
const AHEAD = 160;
const GENERIC_NAME = /^(问题|方面|意见|要求|内容|部分|工作|情况|点|方式|途径|地区|国家|省份|希望|任务|措施|环节|重点)$/;

export function namedAhead(text: string, found: RawFormulation[]): RawFormulation[] {
  const out: RawFormulation[] = [];
  for (const m of text.matchAll(NAME_AHEAD)) {
    const quoted = m[1] !== undefined;
    const name = quoted ? m[1] : `${m[2]}${m[3]}${m[4]}`;
    const count = quoted ? nameCount(name) : parseCount(m[2]);
    if (!count || count < 2 || count > 12) continue;
    const at = m.index! + (quoted ? 1 : 0);
    const nameSpan = { start: at, end: at + name.length };
    const generic = !quoted && GENERIC_NAME.test(m[4]);
    // The framed run or list that starts within the next sentences and has exactly `count` members.
    const after = m.index! + m[0].length;
    const next = found.find(
      (f) => f.span.start >= after && f.span.start - after <= AHEAD && f.members.length === count && !f.name,
    );
    const list = next ?? listAfter(text, after, count);
    if (!list) continue;
    // Nothing but the rest of the name's sentence and at most one more sentence stands between.
    const between = text.slice(after, list.span.start);
    if ((between.match(/[。！？\n]/g) ?? []).length > 1 || /[\n]/.test(between)) continue;
    // A generic count ("4点要求") heads only a list that follows at once ("，即："); a name shares a
    // character with every member ("三会一课": 党员大会、党小组会、上党课), else it names something else.
    if (
      generic
        ? between.length > 4
        : !list.members.every((x) =>
            [...name.replace(/[\d一二两三四五六七八九十个大项条种点]/g, '')].some((c) => x.includes(c)),
          )
    )
      continue;
    const f: RawFormulation = {
      ...list,
      span: { start: Math.min(nameSpan.start, list.span.start), end: list.span.end },
      via: 'named',
    };
    if (generic) {
      // "提出了4点要求，即：…" counts the members but names nothing: the sentence is the heading.
      const from = text.lastIndexOf('。', m.index!) + 1;
      delete f.name;
      f.count = count;
      f.heading = text.slice(from, after);
      f.headingSpan = { start: from, end: after };
      f.ordered = true;
    } else {
      f.name = name;
      f.count = count;
      f.nameSpan = nameSpan;
    }
    delete f.frame;
    out.push(f);
  }
  return out;
}

/** The first 、-list (or 和-pair) after `from` within the next sentence that has exactly n items. */
function listAfter(text: string, from: number, n: number): RawFormulation | undefined {
  let end = from;
  let sentences = 0;
  while (end < text.length && end - from < AHEAD && text[end] !== '\n') {
    if (SENTENCE_END.has(text[end]) && ++sentences > 1) break;
    end++;
  }
  let hit: RawFormulation | undefined;
  forEachClause(
    text,
    (a, b) => {
      if (hit) return;
      const p = parseList(text, a, b, true);
      if (!p || p.items.length !== n) return;
      const items = p.items.map((x) => text.slice(x.start, x.end));
      if (items.some((x) => x.length < 1 || x.length > MAX_CLAUSE_ITEM)) return;
      hit = {
        members: items,
        ordered: false,
        span: { start: p.items[0].start, end: p.items[n - 1].end },
        memberSpans: p.items,
        via: 'named',
      };
    },
    from,
    end,
  );
  return hit;
}
