// The frames of key statements (used by statements.ts): the role words, the patterns of 是 / 在于 /
// 作为 / 以……为 / 构建……体系, the words that clean a subject or an answer, and the cutting of a
// sentence into clauses.
import type { Span } from './normalize';

/** A key statement found in a sentence, before it becomes a note and a card. */
export interface RawStatement {
  /** What is asked about, as it stands in the prompt ("全面推进依法治国的总目标"). */
  subject: string;
  prompt: string;
  answer: string;
  /** The answer in the normalized text. */
  span: Span;
  sentence: Span;
}

/** Role words: a noun phrase ending in one names the one thing that fills the role. */
export const ROLE =
  '出发点和落脚点|必由之路|重中之重|生命线|牛鼻子|突破口|着力点|落脚点|出发点|基本点|根本遵循|总开关|压舱石|' +
  '主题|目标|要求|任务|矛盾|特征|优势|宗旨|抓手|主线|关键|根本|核心|灵魂|基础|保障|保证|方针|原则|标准|底色|' +
  '前提|动力|导向|使命|初心|本质|精髓|要义|基石|命脉|根基|支柱|引擎|中心|立场|底线|目的|源泉|法宝|纲领|路径|途径|' +
  '工程|要务|大事|方向|道路|本色|特色|指南|遵循|布局|基调|定位|之基|之本|之魂|之源';
export const ROLE_END = new RegExp(`(?:${ROLE})$`);
/** "一项重大艰巨的政治任务", "重要任务之一": one of several, no unique answer to ask for. */
export const ONE_OF = /(?:^|的)(?:一|又一|另一)[项个种场件条大]/;
/** "抓住法治体系建设这个总抓手". */
export const THIS_ROLE = new RegExp(
  `(?:抓住|抓好|牵住|扭住|把握|用好|守住|坚持)([^，。；！？这]{2,20})这(?:个|一|条)((?:总|根本|首要|关键|重要)?(?:${ROLE}))`,
  'g',
);
/** Words that rank a noun ("根本性建设", "首要政治纪律", "最根本、最重要的纪律", "重要力量"). */
/**
 * "守住不发生系统性风险底线", "坚持房子是用来住的、不是用来炒的定位", "兜牢基层“三保”底线": the line or stance a
 * verb holds (a short quoted name may stand inside it).
 */
export const HOLD_LINE =
  /(?:牢牢守住|坚决守住|守住|守牢|守好|严守|坚守|兜牢|兜住|坚持)((?:(?!守住|坚持|这)(?:[^，。；！？：“”]|“[^“”，。；]{1,8}”)){3,24}?)(定位|底线|红线|工作总基调)(?=[”」]?(?:[，。；！？]|$))/g;
export const RANKED =
  /根本性|基础性|全局性|战略性|决定性|先导性|首要|根本|第一|最[\u4e00-\u9fa5、]{1,8}的|重要|核心|关键|唯一|头等/;
/** A bare key ("关键", "最关键的", "根本") names no topic: the clause before it does. */
export const BARE_KEY = new RegExp(
  `^(?:最(?:关键|重要|根本|核心|基本|紧要|主要|突出|紧迫|本质|大)的|(?:总|首要|根本|主要|重要|突出|关键|核心|第一|当前|基本|重大|剩下的|余下的|最[\u4e00-\u9fa5]{1,3}的)*(?:${ROLE})(?:和(?:${ROLE}|难点))?)$`,
);
/** The words before 在于 that make it a defining sentence ("育人的根本在于立德"). */
export const ZAIYU_HEAD = new RegExp(`(?:${ROLE}|生命力|意义|价值|活力|出路|难点|要害|所在)$`);
/** Roles of "以A为B" (a sentence's guiding frame), closing a clause. */
export const YI_WEI =
  /以([^，。；！？：以为]{2,30})为(导向|主线|抓手|核心|根本|中心|引领|统领|目标|重点|主题|主体|关键|突破口|着力点|落脚点|出发点|根本遵循|根本目的|根本任务|根本标准)(?=[，。；！？]|$)/g;
/** "把A作为B" (A may run over one comma before 作为: "把推动……共同奋斗，作为……重要任务"). */
export const BA_ZUOWEI =
  /(要|必须|始终|坚持|应当|应|需要|就是要|着力)?(?:把|将)(?!握|关|脉|手)((?:(?!把握)[^。；！？把将：])+?)，?作为([^，。；！？、]{2,30})/g;
export const GOUJIAN_VERB = /构建|建立|健全|完善|形成|打造/;
/** "构建以A为主体、B为基础……的X体系": the description of a system. */
export const GOUJIAN =
  /(?:构建|建立健全|建立|健全|完善|形成|打造)((?:[^，。；（以]|（[^）]*）)*以(?:[^，。；（]|（[^）]*）)+?为(?:[^，。；（]|（[^）]*）)*?)的([\u4e00-\u9fa5]{2,16}?(?:体系|格局|机制|模式|制度|局面))/g;

const REPORTING =
  /^.*?(?:明确|鲜明|郑重|庄严|深刻|充分|清醒)?(?:提出|指出|强调|认为|表明|规定|讲过|说过|看来|证明|所述|讲清楚|说清楚|认识到|懂得|明白|坚信|相信|深知)(?=[^，]{2,})/;
const LEADING =
  /^(?:第[一二三四五六七八九十百零]+条|明确(?=[^了的])|因此|所以|同时|总之|可以说|应该说|必须看到|其中|特别是|尤其是|而且|并且|而|但|首先|其次|再次|最后)+/;
export const NOT_SUBJECT =
  /^(?:[，、“”]|(?:要|必须|应当|应该|需要)(?!求|义|素|点|务|件|害|旨)|即使|尽管|无论|不论|哪怕|假如|既然|由于|以|一(?:个|种|项|场|件|条|些)|这(?!次[\u4e00-\u9fa5])|那|此|其|它|他|她|你|我(?!国|党)|我们(?!党)|大家|有的|有些|一些|如果|只有|只要|因为|虽然|关于|对于|在|从|对|为了|据|按照|经过|通过|随着|面对|今年|去年|明年|今天|现在|[\d０-９])/;
/** Adverbs between a subject and its 是 ("就是", "应该是", "始终是"). */
const COPULA_ADVERB = /(?:(?<![成造])就|(?<!首)都|也|仍然|依然|始终|永远|首先|应该|应当|必须|主要|一直|从来|无疑)+$/;
/** 是 that is no copula: 但是, 还是, 特别是, 要是, 于是, 凡是, 不是, 是否, 是不是. */
const NOT_COPULA_BEFORE = /(?:但|还|特别|尤其|凡|若|于|可|只|而|不|总|像|或|要|老|硬|光|算|真)$/;
export const MAX_ANSWER = 40;
/** A subject that is an action ("走内涵式发展道路"), the answer to a role rather than a role itself. */
export const VERB_START = /^(?:走|坚持|推进|实现|加强|发展|建设|推动|实施|深化|构建|完善|提高|促进|维护|保持)/;
/** "大会的主题是：……。" — the whole sentence after the colon is the answer. */
export const COLON_DEFINITION = /^(.{2,30}?)(?:就)?是：(.{4,150}?)[。；]?$/;
export const MAX_LONG_ANSWER = 150;
export const MAX_SUBJECT = 30;

export const isCjkPhrase = (s: string, min = 2) =>
  [...s.replace(/[“”、‘’·，]/g, '')].length >= min && /^[\u4e00-\u9fa5“”、‘’·，]+$/.test(s);

export function cleanSubject(a: string): string {
  let s = a.replace(REPORTING, '');
  s = s.replace(LEADING, '').replace(COPULA_ADVERB, '');
  return s;
}

export function cleanAnswer(b: string): string {
  return b
    .replace(/^(?:要|在于)/, '')
    .replace(/(?:等|来抓|来推进|来落实|来部署)$/, '')
    .trim();
}

/** Index of the copula 是 in a clause, or -1. */
export function copulaAt(clause: string): number {
  let quoted = 0;
  for (let i = 1; i < clause.length - 1; i++) {
    if (clause[i] === '“') quoted++;
    if (clause[i] === '”' && quoted > 0) quoted--;
    if (clause[i] !== '是' || quoted > 0) continue;
    if (NOT_COPULA_BEFORE.test(clause.slice(0, i))) {
      if (clause[i - 1] === '不') return -1; // "X不是Y": a negation, no definition
      continue;
    }
    if (/^(?:否|不是|非|的|因为|由于)/.test(clause.slice(i + 1))) continue;
    return i;
  }
  return -1;
}

export interface Clause {
  text: string;
  start: number; // in the sentence
}

export function clauses(s: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = s[i];
    if (c === '（' || c === '“') depth++;
    else if ((c === '）' || c === '”') && depth > 0) depth--;
    if (i === s.length || (depth === 0 && /[，；：。！？]/.test(c))) {
      if (i > start) out.push({ text: s.slice(start, i), start });
      start = i + 1;
    }
  }
  return out;
}

/** The clause before a bare key ("加强党的政治建设，关键是……"), without reporting words. */
export function topicBefore(cl: Clause[], k: number): string {
  if (k === 0) return '';
  const t = cleanSubject(cl[k - 1].text);
  return t.length >= 4 && t.length <= 30 && !NOT_SUBJECT.test(t) ? t : '';
}
