// The words that frame a cued 、-list (cued-lists.ts): the cue verbs that lead one, the formulaic tails
// that close one ("…共同推进", "…的工作体系"), and where a cue stands in a lead.
/** Verbs (and a few prepositions) that lead into a list a cadre recites. Longest first. */
const CUES = [
  '统筹推进',
  '一体推进',
  '大力弘扬',
  '大力倡导',
  '着力构建',
  '加快形成',
  '努力建设',
  '努力成为',
  '坚持',
  '做到',
  '实现',
  '增强',
  '强化',
  '树立',
  '弘扬',
  '倡导',
  '践行',
  '构建',
  '建立',
  '形成',
  '建设',
  '打造',
  '推进',
  '加强',
  '提高',
  '提升',
  '学习',
  '按照',
  '遵循',
  '发挥',
  '推出',
  '贯彻',
  '把握',
  '坚定',
  '培育',
  '突出',
  '聚焦',
  '抓好',
  '提出',
  '具有',
  '成为',
  '参加',
  '涵养',
  '锤炼',
  '守住',
  '筑牢',
  '秉持',
  '确立',
].sort((a, b) => b.length - a.length);

/** Words after a list that make it one unit: "…共同推进", "…一体建设", "…有机统一". */
export const TAIL_VERBS =
  /^(共同推进|一体建设|一体推进|有机统一|相统一|相结合|一起抓|协同推进|协调发展|同向发力|齐头并进|并举|并重|相互促进|融为一体)/;
/** Heads of the noun a list qualifies when it names a 提法 ("…的工作体系", "…的时代风尚", "…的五四精神"). */
export const TAIL_HEAD =
  /^的[“”\u4e00-\u9fa5]{0,10}?(体系|格局|机制|制度|队伍|风尚|精神|理念|要求|原则|方针|作用|程序|氛围|局面|目标|标准|作风|品格|品质|价值观|思想|战略|布局|路线|道路|方略|特征|成果|环境|生态|关系|能力|本领|意识|自信|风气|新风)/;

const CUE_RE = new RegExp(CUES.join('|'), 'g');

/** Position after the last cue word in s (the longest one where two end alike), or -1. */
export function lastCue(s: string): number {
  let best = -1;
  for (const m of s.matchAll(CUE_RE)) best = Math.max(best, m.index! + m[0].length);
  return best;
}

/** Does the cut-off lead end where an item may start: after a cue, a particle, or a bare 要/并? */
export const endsWithCue = (s: string) =>
  s === '' ||
  CUES.some((c) => s.endsWith(c)) ||
  /[的由以是为对把在将即及和与]$/.test(s) ||
  /^(要|还要|都要|也要|更要|就要|并|又)$/.test(s);
export const hasCue = (s: string) => lastCue(s) >= 0;
