// Key statements (issue 14, point 1): the defining sentences a study session asks first —
// "全面推进依法治国的总目标是……", "育人的根本在于……", "把……作为首要政治任务", "以……为导向".
// Found by frame, not by topic: a subject headed by a role word (目标, 任务, 主线, 关键, 底色 …)
// on one side of 是 / 在于 / 作为 / 为, the answer cut at the end of its clause.
import type { Card, Evidence, Note } from './types';
import { hash64, stableId } from './merge';
import { MAX_PROMPT, withTitle } from './cards';
import type { Span } from './normalize';
import {
  type Clause,
  BARE_KEY,
  BA_ZUOWEI,
  COLON_DEFINITION,
  GOUJIAN,
  GOUJIAN_VERB,
  HOLD_LINE,
  MAX_ANSWER,
  MAX_LONG_ANSWER,
  MAX_SUBJECT,
  NOT_SUBJECT,
  ONE_OF,
  RANKED,
  ROLE,
  ROLE_END,
  THIS_ROLE,
  VERB_START,
  YI_WEI,
  ZAIYU_HEAD,
  clauses,
  cleanAnswer,
  cleanSubject,
  copulaAt,
  isCjkPhrase,
  topicBefore,
} from './statement-frames';
import { definedAs, periodDefinitions, unchangedJudgments } from './statement-judgments';
import type { RawStatement } from './statement-frames';

export interface StatementOptions {
  /** The document's title, to say whose "主线" a bare "以……为主线" is. */
  title?: string;
}

export function extractStatements(text: string, sentences: Span[], options: StatementOptions = {}): RawStatement[] {
  const out: RawStatement[] = [];
  // A news headline in parts ("中共中央政治局召开会议 分析研究… 审议《…》"): a long one is named by its first part.
  const parts = options.title?.trim().split(/\s+/) ?? [];
  const title = parts.join('').length > 30 && parts[0].length >= 6 ? parts[0] : parts.join('') || undefined;
  const titled = (q: string) => withTitle(q, title);
  let last: Span | undefined;
  for (const sentence of sentences) {
    const before = last;
    last = sentence;
    const s = text.slice(sentence.start, sentence.end);
    // The sentence before in the same paragraph, whose 会议指出 may carry on into this one.
    const prev =
      before && !text.slice(before.end, sentence.start).includes('\n')
        ? text.slice(before.start, before.end)
        : undefined;
    if (s.length < 6 || !/[。！？；]$|[\u4e00-\u9fa5”）]$/.test(s)) continue;
    const add = (subject: string, prompt: string, answer: string, at: number, pair = false) => {
      if (!isCjkPhrase(subject, 2) || answer.length < 2 || answer.length > MAX_ANSWER || prompt.length > MAX_PROMPT)
        return;
      if (/[，。；]/.test(answer.replace(/（[^）]*）/g, '')) && !pair) return;
      out.push({
        subject,
        prompt,
        answer,
        span: { start: sentence.start + at, end: sentence.start + at + answer.length },
        sentence,
      });
    };
    out.push(...unchangedJudgments(s, sentence, prev), ...definedAs(s, sentence), ...periodDefinitions(s, sentence));
    const colon = COLON_DEFINITION.exec(s);
    if (colon) {
      // "报告指出，今年的主要目标是：…": the reporting clause says who, the subject follows it.
      const a = cleanSubject(colon[1].replace(/^[^，]{1,16}?(?:提出|指出|强调|认为|表示|明确)，/, ''));
      const b = colon[2];
      if (
        (ROLE_END.test(a) || BARE_KEY.test(a)) &&
        !BARE_KEY.test(a) &&
        // "今年…的主要目标是：" names its year; elsewhere a leading 今年 is a time, not the subject.
        !NOT_SUBJECT.test(a.replace(/^(?:今年|明年|去年)(?=[\u4e00-\u9fa5]{4})/, '')) &&
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
        // "总目标是继续完善…制度，推进…现代化。": a second verb phrase that closes the sentence answers too.
        const pair = pairedPredicate(s, cl, k, bAt, b);
        if (pair) add(subject, `${subject}是什么？`, pair, bAt, true);
        else if (b.length >= 3 || subject.includes('的')) add(subject, `${subject}是什么？`, b, bAt);
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
        // "政治纪律是党最根本、最重要的纪律": a ranked classification of a subject, unless a period's (above).
        if (!out.some((o) => o.sentence === sentence && o.answer === b)) add(a, `“${a}”是什么？`, b, bAt);
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
    for (const m of /定位|底线|红线|工作总基调/.test(s) ? s.matchAll(HOLD_LINE) : []) {
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

const ADVERB = /^(?:继续|进一步|全面|不断|持续|加快|更好|更加)/;

/**
 * The answer of "X的总目标是B，C。" when B and C are both verb phrases and C, after a comma, ends the sentence:
 * "继续完善和发展中国特色社会主义制度，推进国家治理体系和治理能力现代化". Otherwise undefined.
 */
function pairedPredicate(s: string, cl: Clause[], k: number, at: number, b: string): string | undefined {
  const next = cl[k + 1];
  const end = cl[k].start + cl[k].text.length;
  if (!next || k !== cl.length - 2 || s[end] !== '，' || at + b.length !== end) return undefined;
  const verb = (x: string) => VERB_START.test(x.replace(ADVERB, ''));
  return verb(b) && verb(next.text) ? s.slice(at, next.start + next.text.length) : undefined;
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
