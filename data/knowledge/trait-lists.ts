// Short parallel predicates that say what a subject is like: "这反映我国经济基础稳、优势多、韧性强、潜力大",
// "我国经济韧性强、潜力大、活力足" — three to six items, each a two-character noun and a one-character
// adjective, every adjective a different one, glued to their subject. Repeated adjectives ("会议多、填表多、
// 检查多") are a complaint in running prose, not a judgment to recite; they are left to the other finders.
// Also the four-character verb phrases a 要 puts in a row, closing their clause: "要坚定信心、用好优势、应对挑战，".
import type { RawFormulation, Span } from './raw';

const ADJ = '稳多强大好高快足优实广深活厚';
const TRAITS = new RegExp(
  `(?<=[\\u4e00-\\u9fa5]{2})[\\u4e00-\\u9fa5]{2}[${ADJ}](?:、[\\u4e00-\\u9fa5]{2}[${ADJ}]){2,5}(?=[，。；])`,
  'g',
);

export function findTraitLists(text: string): RawFormulation[] {
  const out: RawFormulation[] = [];
  for (const m of text.matchAll(TRAITS)) {
    const members = m[0].split('、');
    if (new Set(members.map((x) => x[2])).size !== members.length) continue;
    const memberSpans: Span[] = members.map((x, i) => ({ start: m.index + 4 * i, end: m.index + 4 * i + 3 }));
    out.push({
      members,
      ordered: false,
      span: { start: m.index, end: m.index + m[0].length },
      memberSpans,
      via: 'parallel',
    });
  }
  return out;
}

/** "要坚定信心、用好优势、应对挑战，": three to six four-character items right after 要, up to the clause end. */
const MUST_ROW = /(?<=要)[\u4e00-\u9fa5]{4}(?:、[\u4e00-\u9fa5]{4}){2,5}(?=[，。；])/g;

export function findMustRows(text: string): RawFormulation[] {
  const out: RawFormulation[] = [];
  for (const m of text.matchAll(MUST_ROW)) {
    // 要 opens its clause or follows the clause's subject ("各地要……"), never inside a word (需要, 重要).
    if (/[需重主只想必]$/.test(text.slice(0, m.index - 1))) continue;
    const members = m[0].split('、');
    const memberSpans: Span[] = members.map((x, i) => ({ start: m.index + 5 * i, end: m.index + 5 * i + 4 }));
    out.push({
      members,
      ordered: false,
      span: { start: m.index, end: m.index + m[0].length },
      memberSpans,
      via: 'parallel',
    });
  }
  return out;
}
