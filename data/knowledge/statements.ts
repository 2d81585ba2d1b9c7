// Key statements (issue 14, point 1): the defining sentences a study session asks first —
// "全面推进依法治国的总目标是……", "育人的根本在于……", "把……作为首要政治任务", "以……为导向".
// Found by frame, not by topic: a subject headed by a role word (目标, 任务, 主线, 关键, 底色 …)
// on one side of 是 / 在于 / 作为 / 为, the answer cut at the end of its clause.
import type { Card, Evidence, Note } from './types';
import { hash64, stableId } from './merge';
import type { Span } from './normalize';

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
const ROLE =
  '出发点和落脚点|必由之路|重中之重|生命线|牛鼻子|突破口|着力点|落脚点|出发点|基本点|根本遵循|总开关|压舱石|' +
  '主题|目标|要求|任务|矛盾|特征|优势|宗旨|抓手|主线|关键|根本|核心|灵魂|基础|保障|保证|方针|原则|标准|底色|' +
  '前提|动力|导向|使命|初心|本质|精髓|要义|基石|命脉|根基|支柱|引擎|中心|立场|底线|目的|源泉|法宝|纲领|路径|途径|' +
  '工程|要务|大事|方向|道路|本色|特色|指南|遵循|布局|基调|定位';
const ROLE_END = new RegExp(`(?:${ROLE})$`);
/** "一项重大艰巨的政治任务", "重要任务之一": one of several, no unique answer to ask for. */
const ONE_OF = /(?:^|的)(?:一|又一|另一)[项个种场件条大]/;
/** "抓住法治体系建设这个总抓手". */
const THIS_ROLE = new RegExp(
  `(?:抓住|抓好|牵住|扭住|把握|用好|守住|坚持)([^，。；！？这]{2,20})这(?:个|一|条)((?:总|根本|首要|关键|重要)?(?:${ROLE}))`,
  'g',
);
/** Words that rank a noun ("根本性建设", "首要政治纪律", "最根本、最重要的纪律", "重要力量"). */
/** "守住不发生系统性风险底线", "坚持房子是用来住的、不是用来炒的定位": the line or stance a verb holds. */
const HOLD_LINE =
  /(?:牢牢守住|坚决守住|守住|守牢|守好|严守|坚守|坚持)((?:(?!守住|坚持|这)[^，。；！？：“”]){3,24}?)(定位|底线|红线)(?=[，。；！？]|$)/g;
const RANKED =
  /根本性|基础性|全局性|战略性|决定性|先导性|首要|根本|第一|最[\u4e00-\u9fa5、]{1,8}的|重要|核心|关键|唯一|头等/;
/** A bare key ("关键", "最关键的", "根本") names no topic: the clause before it does. */
const BARE_KEY = new RegExp(
  `^(?:最(?:关键|重要|根本|核心|基本|紧要|主要|突出|紧迫|本质|大)的|(?:总|首要|根本|主要|重要|突出|关键|核心|第一|当前|基本|重大|剩下的|余下的|最[\u4e00-\u9fa5]{1,3}的)*(?:${ROLE})(?:和(?:${ROLE}|难点))?)$`,
);
/** The words before 在于 that make it a defining sentence ("育人的根本在于立德"). */
const ZAIYU_HEAD = new RegExp(`(?:${ROLE}|生命力|意义|价值|活力|出路|难点|要害|所在)$`);
/** Roles of "以A为B" (a sentence's guiding frame), closing a clause. */
const YI_WEI =
  /以([^，。；！？：以为]{2,30})为(导向|主线|抓手|核心|根本|中心|引领|统领|目标|重点|主题|主体|关键|突破口|着力点|落脚点|出发点|根本遵循|根本目的|根本任务|根本标准)(?=[，。；！？]|$)/g;
/** "把A作为B" (A may run over one comma before 作为: "把推动……共同奋斗，作为……重要任务"). */
const BA_ZUOWEI =
  /(要|必须|始终|坚持|应当|应|需要|就是要|着力)?(?:把|将)(?!握|关|脉|手)((?:(?!把握)[^。；！？把将：])+?)，?作为([^，。；！？、]{2,30})/g;
const GOUJIAN_VERB = /构建|建立|健全|完善|形成|打造/;
/** "构建以A为主体、B为基础……的X体系": the description of a system. */
const GOUJIAN =
  /(?:构建|建立健全|建立|健全|完善|形成|打造)((?:[^，。；（以]|（[^）]*）)*以(?:[^，。；（]|（[^）]*）)+?为(?:[^，。；（]|（[^）]*）)*?)的([\u4e00-\u9fa5]{2,16}?(?:体系|格局|机制|模式|制度|局面))/g;

const REPORTING =
  /^.*?(?:明确|鲜明|郑重|庄严|深刻|充分|清醒)?(?:提出|指出|强调|认为|表明|规定|讲过|说过|看来|证明|所述|讲清楚|说清楚|认识到|懂得|明白|坚信|相信|深知)(?=[^，]{2,})/;
const LEADING =
  /^(?:第[一二三四五六七八九十百零]+条|明确(?=[^了的])|因此|所以|同时|总之|可以说|应该说|必须看到|其中|特别是|尤其是|而且|并且|而|但|首先|其次|再次|最后)+/;
const NOT_SUBJECT =
  /^(?:[，、“”]|(?:要|必须|应当|应该|需要)(?!求|义|素|点|务|件|害|旨)|即使|尽管|无论|不论|哪怕|假如|既然|由于|以|一(?:个|种|项|场|件|条|些)|这(?!次[\u4e00-\u9fa5])|那|此|其|它|他|她|你|我(?!国|党)|我们(?!党)|大家|有的|有些|一些|如果|只有|只要|因为|虽然|关于|对于|在|从|对|为了|据|按照|经过|通过|随着|面对|今年|去年|明年|今天|现在|[\d０-９])/;
/** Adverbs between a subject and its 是 ("就是", "应该是", "始终是"). */
const COPULA_ADVERB = /(?:(?<![成造])就|(?<!首)都|也|仍然|依然|始终|永远|首先|应该|应当|必须|主要|一直|从来|无疑)+$/;
/** 是 that is no copula: 但是, 还是, 特别是, 要是, 于是, 凡是, 不是, 是否, 是不是. */
const NOT_COPULA_BEFORE = /(?:但|还|特别|尤其|凡|若|于|可|只|而|不|总|像|或|要|老|硬|光|算|真)$/;
const MAX_ANSWER = 40;
/** A subject that is an action ("走内涵式发展道路"), the answer to a role rather than a role itself. */
const VERB_START = /^(?:走|坚持|推进|实现|加强|发展|建设|推动|实施|深化|构建|完善|提高|促进|维护|保持)/;
/** "大会的主题是：……。" — the whole sentence after the colon is the answer. */
const COLON_DEFINITION = /^(.{2,30}?)(?:就)?是：(.{4,150}?)[。；]?$/;
const MAX_LONG_ANSWER = 150;
const MAX_SUBJECT = 30;
const MAX_PROMPT = 80;

const isCjkPhrase = (s: string, min = 2) =>
  [...s.replace(/[“”、‘’·，]/g, '')].length >= min && /^[\u4e00-\u9fa5“”、‘’·，]+$/.test(s);

function cleanSubject(a: string): string {
  let s = a.replace(REPORTING, '');
  s = s.replace(LEADING, '').replace(COPULA_ADVERB, '');
  return s;
}

function cleanAnswer(b: string): string {
  return b
    .replace(/^(?:要|在于)/, '')
    .replace(/(?:等|来抓|来推进|来落实|来部署)$/, '')
    .trim();
}

/** Index of the copula 是 in a clause, or -1. */
function copulaAt(clause: string): number {
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

interface Clause {
  text: string;
  start: number; // in the sentence
}

function clauses(s: string): Clause[] {
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

export interface StatementOptions {
  /** The document's title, to say whose "主线" a bare "以……为主线" is. */
  title?: string;
}

export function extractStatements(text: string, sentences: Span[], options: StatementOptions = {}): RawStatement[] {
  const out: RawStatement[] = [];
  // A news headline in parts ("中共中央政治局召开会议 分析研究… 审议《…》"): a long one is named by its first part.
  const parts = options.title?.trim().split(/\s+/) ?? [];
  const title = parts.join('').length > 30 && parts[0].length >= 6 ? parts[0] : parts.join('') || undefined;
  const titled = (q: string) => (title && title.length + q.length + 3 <= MAX_PROMPT ? `《${title}》：${q}` : q);
  for (const sentence of sentences) {
    const s = text.slice(sentence.start, sentence.end);
    if (s.length < 6 || !/[。！？；]$|[\u4e00-\u9fa5”）]$/.test(s)) continue;
    const add = (subject: string, prompt: string, answer: string, at: number) => {
      if (!isCjkPhrase(subject, 2) || answer.length < 2 || answer.length > MAX_ANSWER || prompt.length > MAX_PROMPT)
        return;
      if (/[，。；]/.test(answer.replace(/（[^）]*）/g, ''))) return;
      out.push({
        subject,
        prompt,
        answer,
        span: { start: sentence.start + at, end: sentence.start + at + answer.length },
        sentence,
      });
    };
    const colon = COLON_DEFINITION.exec(s);
    if (colon) {
      const a = cleanSubject(colon[1]);
      const b = colon[2];
      if (
        (ROLE_END.test(a) || BARE_KEY.test(a)) &&
        !BARE_KEY.test(a) &&
        !NOT_SUBJECT.test(a) &&
        isCjkPhrase(a) &&
        b.length <= MAX_LONG_ANSWER &&
        !/[：]/.test(b)
      ) {
        const at = s.indexOf(b, colon[1].length);
        out.push({
          subject: a,
          prompt: `${a}是什么？`,
          answer: b,
          span: { start: sentence.start + at, end: sentence.start + at + b.length },
          sentence,
        });
        continue;
      }
    }
    const cl = clauses(s);
    let lastSubject: string | undefined;
    for (let k = 0; k < cl.length; k++) {
      const c = cl[k];
      const t = c.text;
      // X在于Y
      const zai = /^(.+?)在于(.+)$/.exec(t);
      if (zai) {
        const a = cleanSubject(zai[1]);
        const b = cleanAnswer(zai[2]);
        if (ZAIYU_HEAD.test(a)) {
          const topic = BARE_KEY.test(a) ? topicBefore(cl, k) : '';
          if (topic || !BARE_KEY.test(a))
            add(
              topic ? `${topic}，${a}` : a,
              `${topic ? `${topic}，` : ''}${a}在于什么？`,
              b,
              c.start + t.indexOf(b, zai[1].length),
            );
        }
        continue;
      }
      // "疫情要防住、经济要稳住、发展要安全，这是党中央的明确要求": the clause before is what fills the role.
      const back = /^这(?:就|也|正|都)?是([^，。；！？]{2,20})$/.exec(t);
      if (
        back &&
        k > 0 &&
        ROLE_END.test(back[1]) &&
        back[1].includes('的') &&
        !ONE_OF.test(back[1]) &&
        !/之一$/.test(back[1])
      ) {
        const prev = cl[k - 1];
        const a = cleanAnswer(cleanSubject(prev.text));
        // Only a clause that opens its sentence (after its reporting words): "会议强调，A、B、C，这是……".
        const opens = k === 1 || (k === 2 && /(?:强调|指出|认为|提出|要求|表示|认识到)$/.test(cl[0].text));
        if (opens && a.length >= 4 && !NOT_SUBJECT.test(a))
          add(back[1], `${back[1]}是什么？`, a, prev.start + prev.text.indexOf(a));
        lastSubject = undefined;
        continue;
      }
      const i = copulaAt(t);
      if (i < 0) {
        lastSubject = undefined;
        continue;
      }
      const rawA = t.slice(0, i);
      let a = cleanSubject(rawA);
      const inherited = a === '' && lastSubject;
      if (inherited) a = lastSubject!;
      // "总体布局是“五位一体”、战略布局是“四个全面”": the second predicate is another statement.
      const second = /、[^、，]{1,12}?(?<!不)是(?![不否])/.exec(t.slice(i + 1));
      const rawB = second ? t.slice(i + 1, i + 1 + second.index) : t.slice(i + 1);
      if (second) {
        // The second subject shares the first one's owner: "中国特色社会主义事业" + "战略布局".
        const owner = cleanSubject(t.slice(0, i)).replace(new RegExp(`(?:总体|总|主要|根本)?(?:${ROLE})$`), '');
        const rest = t.slice(i + 2 + second.index);
        cl.splice(k + 1, 0, { text: owner + rest, start: c.start + i + 2 + second.index - owner.length });
      }
      const b = cleanAnswer(rawB);
      const bAt = c.start + i + 1 + rawB.indexOf(b);
      if (!a || NOT_SUBJECT.test(a) || a.length > MAX_SUBJECT || b.length < 2 || /的$|之一$/.test(b)) {
        lastSubject = undefined;
        continue;
      }
      if (!inherited) lastSubject = a;
      const roleB = ROLE_END.test(b) && !/之一$/.test(b) && !ONE_OF.test(b);
      // Both sides name a role ("走内涵式发展道路是……的必由之路"): the modified one is asked.
      const askA =
        (ROLE_END.test(a) || BARE_KEY.test(a)) &&
        !(roleB && b.includes('的') && !a.includes('的') && VERB_START.test(a));
      if (askA) {
        // "全面推进依法治国的总目标是……", "加强党的政治建设，关键是……"
        if (inherited) continue;
        const topic = BARE_KEY.test(a) ? topicBefore(cl, k) : '';
        if (BARE_KEY.test(a) && !topic) continue;
        const subject = topic ? `${topic}，${a}` : a;
        if (b.length >= 3 || subject.includes('的')) add(subject, `${subject}是什么？`, b, bAt);
      } else if (roleB) {
        // "走内涵式发展道路是我国高等教育发展的必由之路" → ask the role, answer the subject.
        if (!/的/.test(b) && b.length < 5) continue;
        const aAt = inherited ? -1 : c.start + rawA.indexOf(a);
        if (aAt < 0) {
          // "马克思主义是……，也是我国大学最鲜亮的底色": the answer stands in an earlier clause.
          const first = s.indexOf(a);
          if (first >= 0) add(b, `${b}是什么？`, a, first);
          continue;
        }
        add(b, `${b}是什么？`, a, aAt);
      } else if (
        RANKED.test(b) &&
        !inherited &&
        /[\u4e00-\u9fa5]$/.test(b) &&
        !/[的了着过]$/.test(b) &&
        a.length <= 16
      ) {
        // "政治纪律是党最根本、最重要的纪律": a ranked classification of a subject.
        add(a, `“${a}”是什么？`, b, bAt);
      }
    }
    for (const m of s.includes('作为') ? s.matchAll(BA_ZUOWEI) : []) {
      const [, lead = '', rawA, rawB] = m;
      const b = rawB.replace(/(?:来抓|来推进|来落实|来部署|加以推进)$/, '');
      if (!ROLE_END.test(b) && !RANKED.test(b)) continue;
      if (!ROLE_END.test(b) && !/(?:任务|纪律|工作|工程|内容|标准|要求|方向|目标)$/.test(b)) continue;
      const a = cleanAnswer(rawA);
      if (/把|将|纳入|放在|摆在|融入|贯穿|落实到|作为/.test(a) || a.length < 2) continue;
      const bare = !b.includes('的') && b.length <= 6;
      const prompt = `${lead.replace(/^就是/, '')}把什么作为${b}？`;
      add(b, bare ? titled(prompt) : prompt, a, m.index! + m[0].indexOf(rawA) + rawA.indexOf(a));
    }
    for (const m of s.includes('这') ? s.matchAll(THIS_ROLE) : []) {
      const [whole, a, b] = m;
      add(b, titled(`${whole.slice(0, 2)}什么这个${b}？`), a, m.index! + 2);
    }
    for (const m of /定位|底线|红线/.test(s) ? s.matchAll(HOLD_LINE) : []) {
      const [whole, raw, b] = m;
      // "…炒的定位" keeps the 的 its parallel modifiers all end in; "…发展的定位" drops it.
      const a = raw.endsWith('的') && !raw.includes('、') ? raw.slice(0, -1) : raw;
      if (/[和与及、]$/.test(a)) continue;
      const verb = whole.slice(0, whole.length - raw.length - b.length);
      add(b, titled(`${verb}什么${b}？`), a, m.index! + verb.length);
    }
    for (const m of s.includes('以') ? s.matchAll(YI_WEI) : []) {
      const [, a, b] = m;
      if (/^(?:习近平|马克思|党章|宪法)|思想$|精神$/.test(a) && b !== '根本遵循') continue;
      add(b, titled(`以什么为${b}？`), a, m.index! + 1);
    }
    for (const m of s.includes('以') && GOUJIAN_VERB.test(s) ? s.matchAll(GOUJIAN) : []) {
      const [, modifier, head] = m;
      const a = cleanAnswer(modifier);
      add(head, `构建什么样的${head}？`, a, m.index! + m[0].indexOf(modifier));
    }
  }
  return dedupe(out);
}

/** The clause before a bare key ("加强党的政治建设，关键是……"), without reporting words. */
function topicBefore(cl: Clause[], k: number): string {
  if (k === 0) return '';
  const t = cleanSubject(cl[k - 1].text);
  return t.length >= 4 && t.length <= 30 && !NOT_SUBJECT.test(t) ? t : '';
}

function dedupe(all: RawStatement[]): RawStatement[] {
  const seen = new Set<string>();
  return all.filter((x) => {
    const k = `${x.prompt}=${x.answer}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

export function statementNote(st: RawStatement, evidence: Evidence[]): Note {
  return {
    id: stableId('statement', `${st.prompt.replace(/^《[^》]*》：/, '')}=${st.answer}`),
    kind: 'statement',
    name: st.subject,
    definition: st.answer,
    evidence,
    importance: 0.75,
  };
}

export function statementCard(note: Note, prompt: string): Card {
  const answer = note.definition ?? '';
  return {
    id: `statement:${hash64(`${note.id}\u0000${prompt}\u0000${answer}`)}`,
    noteId: note.id,
    kind: 'statement',
    prompt,
    answer,
    evidence: note.evidence,
    importance: note.importance,
  };
}
