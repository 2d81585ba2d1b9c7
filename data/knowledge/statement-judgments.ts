// Key judgments a meeting states and cadres recite (used by statements.ts): "会议认为，…，但我国经济长期向好的
// 支撑条件和基本趋势没有改变。" The cue is precise on purpose: only a sentence opened by the meeting's, the
// report's or 习近平's own 认为/指出/强调 (or the next sentence of its paragraph), and only the clause that ends in
// 没有改变 / 不会改变 / 没有变 / 不会变. Also a role defined in quotes ("…的战略定位，被明确为“……”").
import type { Span } from './normalize';
import {
  MAX_ANSWER,
  NOT_SUBJECT,
  ROLE_END,
  cleanSubject,
  clauses,
  isCjkPhrase,
  type RawStatement,
} from './statement-frames';

/** Whose judgment: the meeting, the plenum, the report ("会议认为，", "全会指出，"). */
const JUDGE = /^(会议|全会|大会|报告)(认为|指出|强调)[，,]/;
/** Or the leader's own speech ("中共中央总书记习近平主持座谈会并发表重要讲话强调，"). */
const SPEAKER = /^(?:中共中央总书记)?(习近平)[^，。；“”]{0,24}?(指出|强调)[，,]/;
/** "…的支撑条件和基本趋势没有改变": what stays, then the verb that says so. */
const UNCHANGED = /^(.+?)(没有改变|不会改变|没有变|不会变)$/;

/**
 * The 没有改变 judgment of a sentence opened by the meeting's or the speaker's 认为/指出/强调, or of the sentence
 * right after one in the same paragraph (`prev`): "会议指出，…较多。这些大多是…，…没有改变。" carries on the
 * meeting's words.
 */
export function unchangedJudgments(s: string, sentence: Span, prev?: string): RawStatement[] {
  const own = JUDGE.exec(s) ?? SPEAKER.exec(s);
  const who = own ?? (prev !== undefined ? (JUDGE.exec(prev) ?? SPEAKER.exec(prev)) : null);
  if (!who) return [];
  const out: RawStatement[] = [];
  for (const c of clauses(s).slice(own ? 1 : 0)) {
    const m = UNCHANGED.exec(c.text);
    if (!m) continue;
    const subject = cleanSubject(m[1]);
    // A judgment on something named, not a pronoun or a bare noun: "这一点没有改变" asks nothing.
    if (!isCjkPhrase(subject, 6) || subject.length > MAX_ANSWER || /^[这那此其它]/.test(subject)) continue;
    const at = sentence.start + c.start + c.text.indexOf(subject);
    out.push({
      subject,
      prompt: `${who[1]}${who[2]}什么${m[2]}？`,
      answer: subject,
      span: { start: at, end: at + subject.length },
      sentence,
    });
  }
  // Two judgments of one sentence would ask the same question: the sentence keeps none.
  return out.length === 1 ? out : [];
}

/** "…的战略定位，被明确为“……”": a role the text says was defined, the definition in quotes. */
const DEFINED_AS = /(被)?(明确|确定|定位)为“([^“”]{4,40})”/;
/** Who did the defining, before the subject ("此次会议对", "全会"): not part of it. */
const DEFINER = /^(?:此次|这次|本次)?(?:会议|全会|大会|报告|文件)?对/;

export function definedAs(s: string, sentence: Span): RawStatement[] {
  const m = DEFINED_AS.exec(s);
  if (!m) return [];
  const before = s.slice(0, m.index).replace(/[，,\s]+$/, '');
  const cl = clauses(before);
  const subject = cleanSubject(cl[cl.length - 1]?.text ?? '').replace(DEFINER, '');
  if (
    !isCjkPhrase(subject, 4) ||
    subject.length > 30 ||
    !ROLE_END.test(subject) ||
    NOT_SUBJECT.test(subject.replace(/^“(?=[^”]+”)/, ''))
  )
    return [];
  if (/^[这那此其它该]/.test(subject)) return [];
  const at = sentence.start + m.index + m[0].indexOf('“') + 1;
  const answer = m[3];
  return [
    {
      subject,
      prompt: `${subject}${m[1] ?? ''}${m[2]}为什么？`,
      answer,
      span: { start: at, end: at + answer.length },
      sentence,
    },
  ];
}

/** "“十五五”时期是……的关键时期", "当前和今后一个时期是……的关键时期": what a plan's period or the present is. */
const PERIOD_IS =
  /(“十[一二三四五六七八九]五”时期|当前和今后一个时期|今后一个时期|今后五年)是([\u4e00-\u9fa5、“”]{4,36}的(?:关键|重要|决定性|攻坚)?时期)(?=[，。；]|$)/;

export function periodDefinitions(s: string, sentence: Span): RawStatement[] {
  const m = PERIOD_IS.exec(s);
  if (!m) return [];
  const at = sentence.start + m.index + m[1].length + 1;
  const answer = m[2];
  return [
    { subject: m[1], prompt: `${m[1]}是什么时期？`, answer, span: { start: at, end: at + answer.length }, sentence },
  ];
}
