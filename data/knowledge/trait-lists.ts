// Short parallel predicates that say what a subject is like: "这反映我国经济基础稳、优势多、韧性强、潜力大",
// "我国经济韧性强、潜力大、活力足" — three to six items, each a two-character noun and a one-character
// adjective, every adjective a different one, glued to their subject. Repeated adjectives ("会议多、填表多、
// 检查多") are a complaint in running prose, not a judgment to recite; they are left to the other finders.
// Also the fields where a duty is to show, between 在 and 上 and a set phrase: "在笃信、务实、担当、自律上当表率",
// "在学懂、弄通、做实上下功夫" — three to six words of two to four characters, asked with the phrase after them.
import { spansFrom, type RawFormulation } from './raw';

/** The one-character adjectives of a trait ("基础稳", "潜力大"). */
export const TRAIT_ADJECTIVES = '稳多强大好高快足优实广深活厚';
const TRAITS = new RegExp(
  `(?<=[\\u4e00-\\u9fa5]{2})[\\u4e00-\\u9fa5]{2}[${TRAIT_ADJECTIVES}](?:、[\\u4e00-\\u9fa5]{2}[${TRAIT_ADJECTIVES}]){2,5}(?=[，。；])`,
  'g',
);

export function findTraitLists(text: string): RawFormulation[] {
  const out: RawFormulation[] = [];
  for (const m of text.matchAll(TRAITS)) {
    const members = m[0].split('、');
    if (new Set(members.map((x) => x[2])).size !== members.length) continue;
    const memberSpans = spansFrom(m.index, members);
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

const SITES = new RegExp(
  '(?<=在)((?:[\\u4e00-\\u9fa5]{2,4}、){2,5}[\\u4e00-\\u9fa5]{2,4})上' +
    '((?:持续|继续|更加|真正)?(?:当表率|作表率|做表率|树标杆|下功夫|下苦功|见实效|求突破|做文章|作示范|走前列|用力|发力|着力))',
  'g',
);

export function findSiteLists(text: string): RawFormulation[] {
  const out: RawFormulation[] = [];
  for (const m of text.matchAll(SITES)) {
    const members = m[1].split('、');
    if (new Set(members).size !== members.length) continue;
    out.push({
      members,
      ordered: false,
      span: { start: m.index, end: m.index + m[1].length },
      memberSpans: spansFrom(m.index, members),
      via: 'parallel',
      tail: `上${m[2]}`,
    });
  }
  return out;
}
