// Series that parallel.ts (equal items sharing characters in place) cannot see, found by the frame
// around them rather than by their wording alone:
//  - a 、-list led by a cue verb or closed by a formulaic tail ("构建党委领导、政府主导、…、社会参与的…工作体系",
//    "坚持依法治国、依法执政、依法行政共同推进"), or whose items share a head or a prefix of any length
//    ("党史、新中国史、改革开放史…", "忠于党、忠于国家、…"); two items only with a cue and a shared character;
//  - clauses of one sentence or paragraph opened by the same frame ("讲清楚…，讲清楚…，讲清楚…";
//    "必须…，决不允许…；必须…，…"), framed at both ends ("由…向…转变"), or ending alike ("…是…必由之路；…");
//  - short clauses that all carry one word ("把准政治方向，坚持党的政治领导，…，提高政治能力");
//  - the opening clauses of sentences of one paragraph cast in one mould ("强化不敢腐的震慑。…扎紧不能腐的笼子。…");
//  - a count name whose members follow in the next sentences ("运用“三会一课”制度…。…参加党员大会、党小组会和上党课").
// Each test is structural; lists of places, bodies or kinds in running prose ("产业扶贫、电商扶贫等",
// "创造力、凝聚力、战斗力") fail them on purpose. Every pass is linear in the text.
// The finders live beside this file: cued-lists.ts (、-lists), cued-clauses.ts (clause runs), cued-ahead.ts
// (sentence leads, count names ahead), on the scanning layer cued-text.ts.
import type { RawFormulation } from './raw';
import { namedAhead, sentenceLeads } from './cued-ahead';
import { inParagraph } from './cued-clauses';
import { clausesOf } from './cued-text';
import { listsInClauses } from './cued-lists';

export function findCuedSeries(text: string): RawFormulation[] {
  const out: RawFormulation[] = listsInClauses(text);
  // Paragraph by paragraph: clauses opened alike, carrying one word, ending alike; sentence leads.
  for (let p = 0; p < text.length;) {
    let q = text.indexOf('\n', p);
    if (q < 0) q = text.length;
    const clauses = clausesOf(text, p, q);
    out.push(...inParagraph(text, clauses), ...sentenceLeads(clauses));
    p = q + 1;
  }
  out.push(...namedAhead(text, out));
  // "要坚定理想信念、要严守纪律规矩、要勇于担当作为": the 要 every member opens with is the speaker's, not the item's.
  for (const f of out) {
    if (f.members.every((m) => /^要[\u4e00-\u9fa5]{2}/.test(m))) {
      f.members = f.members.map((m) => m.slice(1));
      f.memberSpans = f.memberSpans.map((s) => ({ start: s.start + 1, end: s.end }));
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
