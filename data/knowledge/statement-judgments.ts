// Key judgments a meeting states and cadres recite (used by statements.ts): "会议认为，…，但我国经济长期向好的
// 支撑条件和基本趋势没有改变。" The cue is precise on purpose: only a sentence opened by the meeting's or the
// report's own 认为/指出/强调, and only the clause that ends in 没有改变 / 不会改变 / 没有变 / 不会变.
import type { Span } from './normalize';
import { MAX_ANSWER, cleanSubject, clauses, isCjkPhrase, type RawStatement } from './statement-frames';

/** Whose judgment: the meeting, the plenum, the report ("会议认为，", "全会指出，"). */
const JUDGE = /^(会议|全会|大会|报告)(认为|指出|强调)[，,]/;
/** "…的支撑条件和基本趋势没有改变": what stays, then the verb that says so. */
const UNCHANGED = /^(.+?)(没有改变|不会改变|没有变|不会变)$/;

export function unchangedJudgments(s: string, sentence: Span): RawStatement[] {
  const who = JUDGE.exec(s);
  if (!who) return [];
  const out: RawStatement[] = [];
  for (const c of clauses(s).slice(1)) {
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
