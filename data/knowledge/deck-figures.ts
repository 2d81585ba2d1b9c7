// Figure notes of the deck (deck.ts): clozes drafted from each document's figures, anecdotes and
// unanswerable clozes left out, identical clozes merged, then one fact stated in other words merged.
import type { Note, Source } from './types';
import { figureCloze } from './figures';
import { comparable, evidenceAt, mergeEvidence, stableId, type DocText } from './merge';
import { round } from './cards';
import type { Distrust } from './quotes';
import { nearSameFigure } from './near-duplicates';
import type { RawFigure } from './raw';
import { headingBefore } from './figures-context';

/** A year named outright or by the year it is said in. */
const YEAR = /\d{4}年|今年|去年|明年|本年/;
/** A heading over a list of targets: "主要预期目标", "2025年发展主要目标任务". */
const TARGET_HEADING = /目标/;

interface FigureDraft {
  note: Note;
  prompt: string;
  answer: string;
  sentences: string[]; // `${source}:${normalized sentence start}`, to find conflicts touching it
}

/**
 * One fact in other words is one note: figure clozes with the same answer whose words around the
 * blank say the same thing merge; the question of a trustworthy document is kept.
 */
export function mergeNearFigures(drafts: FigureDraft[], distrust: Distrust): FigureDraft[] {
  const trust = (d: FigureDraft) => Math.min(...d.note.evidence.map(distrust));
  const out: FigureDraft[] = [];
  const byAnswer = new Map<string, FigureDraft[]>();
  for (const d of drafts) {
    const same = byAnswer.get(d.answer) ?? [];
    const kept = same.find((k) => nearSameFigure(k.prompt, d.prompt));
    if (!kept) {
      out.push(d);
      byAnswer.set(d.answer, [...same, d]);
      continue;
    }
    if (trust(d) < trust(kept))
      Object.assign(kept, {
        prompt: d.prompt,
        note: { ...kept.note, id: d.note.id, name: d.note.name, figure: d.note.figure },
      });
    kept.note.evidence = mergeEvidence(
      trust(d) < trust(kept) ? d.note.evidence : kept.note.evidence,
      trust(d) < trust(kept) ? kept.note.evidence : d.note.evidence,
    );
    kept.note.importance = Math.max(kept.note.importance, d.note.importance);
    kept.sentences.push(...d.sentences);
  }
  return out;
}

/** Figures: identical clozes merge; then one fact (subject, date, value) stated in other words merges. */
export function figureDrafts(texts: DocText[], figuresByDoc: RawFigure[][], sources: Source[] = []): FigureDraft[] {
  const byKey = new Map<string, FigureDraft>();
  const byFact = new Map<string, FigureDraft>();
  texts.forEach((doc, i) => {
    const title = sources[i]?.title.replace(/\s+/g, '');
    for (const fig of figuresByDoc[i]) {
      const cloze = figureCloze(doc.norm.text, fig);
      const { answer } = cloze;
      let { prompt } = cloze;
      const sentence = doc.norm.text.slice(fig.sentence.start, fig.sentence.end);
      if (ANECDOTE.test(sentence) || PARTS.test(sentence)) continue;
      // A headline names the occasion ("在庆祝…建院70周年大会上的讲话"); the body states the facts. A
      // first line of prose taken for the title (a text pasted without its headline) is still asked.
      const headline = !/[。！？；][”’）)]*$/.test(sentence);
      if (headline && sentence.replace(/\s+/g, '') === title) continue;
      // "____以上老人占比超过16%": an age that bounds a group, not the fact the sentence states.
      if (/岁$/.test(answer) && /____(?:以上|以下|及以上)/.test(prompt)) continue;
      // "是…639万的____": a clause whose subject stayed in the clause before; asked alone it says nothing.
      if (/^是/.test(prompt)) continue;
      // A figure listed under a heading says what it measures, the heading when ("2025年发展主要预期目标：粮食产量____").
      // A heading that names the year ("2024年工作回顾") is given even to a cloze answerable without it: a yearly
      // result or target is asked of its year.
      const heading = fig.event ? undefined : headingBefore(doc.norm.text, fig.sentence.start);
      const needed = !answerable(fig, prompt) || (!!heading && YEAR.test(heading) && !YEAR.test(prompt));
      const headed =
        needed && heading && heading !== title && answerable(fig, `${heading}：${prompt}`) ? heading : undefined;
      if (headed) prompt = `${headed}：${prompt}`;
      // A headline figure of a report says what it measures but not of when: the document says it ("《政府工作报告》：城镇新增就业____").
      if (!answerable(fig, prompt) && fig.subject && !fig.event && title && title.length + prompt.length < 60)
        prompt = `《${title}》：${prompt}`;
      if (!answerable(fig, prompt)) continue;
      const ev = evidenceAt(doc, fig.sentence.start, fig.sentence.end, [fig.span]);
      const sentenceKey = `${doc.source}:${fig.sentence.start}`;
      const date = fig.date?.replace('年年底', '年底');
      const factKey = fig.subject && date ? `${fig.subject.slice(-4)}|${date}|${answer}` : undefined;
      const key = `${comparable(prompt)}=${answer}`;
      const existing = byKey.get(key) ?? (factKey ? byFact.get(factKey) : undefined);
      if (existing) {
        existing.note.evidence = mergeEvidence(existing.note.evidence, [ev]);
        existing.sentences.push(sentenceKey);
        byKey.set(key, existing);
        continue;
      }
      const position = fig.span.start / Math.max(1, doc.norm.text.length);
      const { span: _s, sentence: _t, targetYear, event: _e, ...figure } = fig;
      // A target, said by the figure's own sentence or by the heading it is listed under ("2025年发展主要预期目标").
      const importance =
        targetYear || (headed && TARGET_HEADING.test(headed))
          ? 0.85
          : 0.35 + 0.35 * (1 - position) + (fig.date ? 0.1 : 0) + (fig.subject ? 0.1 : 0);
      const draft: FigureDraft = {
        note: {
          id: stableId('figure', key),
          kind: 'figure',
          name: fig.subject ?? prompt,
          figure,
          evidence: [ev],
          importance: round(importance),
        },
        prompt,
        answer,
        sentences: [sentenceKey],
      };
      byKey.set(key, draft);
      if (factKey) byFact.set(factKey, draft);
    }
  });
  const drafts = [...new Set(byKey.values())];
  for (const d of drafts) d.note.importance = round(d.note.importance + 0.05 * (d.note.evidence.length - 1));
  return drafts;
}

/**
 * A figure from an illustration about one unnamed place or household ("有个地方…每1户要填写10份表格",
 * "有一个乡…仅打印费就花了10多万元", "我的一户贫困户…2名儿媳") is a story told, not a fact to learn.
 */
const ANECDOTE = /有(?:一)?个(?:地方|乡|村|县|镇|贫困户|干部|企业)|我的一户|某(?:地|省|市|县|乡|村)/;

/**
 * A sentence that lists the parts of the document ("报告共分四个部分：一、2025年工作回顾；二、“十五五”时期…")
 * is its table of contents: the years and plan names in the part titles are stated, and asked, in the parts.
 */
const PARTS = /(?:共分|分为|分成|包括|共有)[一二三四五六七八九十两\d]+个?部分[：:]/;

/** Context a figure cloze needs when it names neither what it measures nor when: "今后____" is no question. */
const MIN_CONTEXT = 12;
const MIN_CONTEXT_WITH_SUBJECT = 8;

/** A cloze is answerable when it says what the figure measures or when, or shows enough of its sentence. */
function answerable(fig: Pick<RawFigure, 'subject' | 'date' | 'targetYear' | 'event'>, prompt: string): boolean {
  const context = [...prompt.replace('____', '')].filter((c) => /[\u4e00-\u9fff]/.test(c)).length;
  if (fig.date || fig.targetYear) return true;
  // A date or meeting needs what happened then ("本条例自____起施行").
  if (fig.event) return context >= 6;
  // A subject alone ("年均脱贫人数____") still needs the words around it: when, where, over what.
  return context >= (fig.subject ? MIN_CONTEXT_WITH_SUBJECT : MIN_CONTEXT);
}
