// Lists a topic puts after a colon: "全会提出了“十五五”时期经济社会发展的主要目标：A取得显著成效，B大幅提高，
// C明显提升。" — a noun phrase naming goals, tasks, principles or requirements, a colon, and clauses of like
// length up to the full stop. No count names them: the topic is the question ("…的主要目标是什么？").
// Also the works a speech says to focus on ("下半年要……，重点做好A、B、C等工作"): asked by the time it names;
// and 两点希望 told in one sentence ("提出两点希望，要A，以及B。"): a named pair.
import { spansFrom, type RawFormulation, type Span } from './raw';
import { sentenceStart } from './lists';

/** A topic: what the list is, ending in a word that says so ("…的主要目标", "总体要求", "必须遵循的原则"). */
const TOPIC =
  /(?:(?:的|主要|总体|基本|重点|重大|核心|根本|首要|奋斗|远景|预期)(?:目标|任务|原则|要求)|重点(?:做好|抓好)的工作)$/;
/** The subject and verb that put the topic forward ("全会提出了"): not part of it. */
const PUT_FORWARD = /^.*?(?:提出了|提出|明确了|明确|确定了|确定|阐明了|阐明)/;
/** An outline enumerator before a heading line ("二、", "（三）"). */
const ENUMERATOR = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/;
/** A counted topic ("三项重点任务") is the count name's business (formulations.ts). */
const COUNTED = /[\d两二三四五六七八九十几](?:项|个|大|条|点|方面)/;
/** Clauses that carry on the sentence rather than add an item. */
const CONNECTIVE = /^(?:并|同时|从而|进而|其中|即|包括|以便|为此|为了|这|此外)/;
const ITEM = /^[\u4e00-\u9fa5“”「」]{4,24}$/;
const MIN_ITEMS = 3;
const MAX_ITEMS = 10;

/**
 * The topic a heading or lead names, without outline enumerator and the verb that puts it forward, when it
 * ends in 目标/任务/原则/要求 and counts nothing ("二、“十五五”时期经济社会发展必须遵循的原则" → "“十五五”时期
 * 经济社会发展必须遵循的原则").
 */
export function listTopic(heading: string): string | undefined {
  const topic = heading
    .trim()
    .replace(/[：:。\s]+$/, '')
    .replace(ENUMERATOR, '')
    .replace(PUT_FORWARD, '');
  if (topic.length < 4 || topic.length > 30 || /[，。；！？、]/.test(topic)) return undefined;
  return TOPIC.test(topic) && !COUNTED.test(topic) ? topic : undefined;
}

export function findTopicLists(text: string): RawFormulation[] {
  const out: RawFormulation[] = [];
  for (let at = text.indexOf('：'); at >= 0; at = text.indexOf('：', at + 1)) {
    let from = at;
    while (from > 0 && !/[，。；！？：\n]/.test(text[from - 1])) from--;
    const topic = listTopic(text.slice(from, at));
    if (!topic) continue;
    let end = at + 1;
    while (end < text.length && !/[。；！？\n]/.test(text[end])) end++;
    if (text[end] !== '。') continue;
    const memberSpans: Span[] = [];
    for (let s = at + 1, i = at + 1; i <= end; i++) {
      if (i === end || text[i] === '，') {
        memberSpans.push({ start: s, end: i });
        s = i + 1;
      }
    }
    const members = memberSpans.map((s) => text.slice(s.start, s.end));
    const lengths = members.map((m) => m.length);
    if (members.length < MIN_ITEMS || members.length > MAX_ITEMS) continue;
    if (members.some((m) => !ITEM.test(m) || CONNECTIVE.test(m))) continue;
    if (Math.max(...lengths) > 2 * Math.min(...lengths)) continue;
    out.push({
      members,
      ordered: false,
      span: { start: at + 1, end },
      memberSpans,
      via: 'parallel',
      heading: topic,
      headingSpan: { start: at - topic.length, end: at },
    });
  }
  return out;
}

/** "下半年要……，重点做好A、B、C等工作": the works a speech or release says to focus on, 3 to 8 short items. */
const WORKS = /重点(做好|抓好)([^。；！？：\n]+?)等(?:方面)?工作/g;
/** The time a work list is for, from the words before it in its sentence ("下半年要在……"). */
const WORK_TIME = /下半年|上半年|明年|今年|今后一个时期|当前|近期|“十[四五六]五”时期|今后五年/;
const WORK_ITEM = /^[\u4e00-\u9fa5“”「」]{2,20}$/;
const MAX_WORKS = 8;

export function findWorkLists(text: string): RawFormulation[] {
  const out: RawFormulation[] = [];
  for (const m of text.matchAll(WORKS)) {
    const first = m.index + 4;
    const body = m[2];
    const sep = body.includes('、') ? '、' : '，';
    const members = body.split(sep);
    if (members.length < MIN_ITEMS || members.length > MAX_WORKS || members.some((x) => !WORK_ITEM.test(x))) continue;
    const time = WORK_TIME.exec(text.slice(sentenceStart(text, m.index), m.index))?.[0];
    if (!time) continue;
    const memberSpans = spansFrom(first, members);
    out.push({
      members,
      ordered: false,
      span: { start: first, end: first + body.length },
      memberSpans,
      via: 'parallel',
      heading: `${time}要重点${m[1]}的工作`,
    });
  }
  return out;
}

/** "提出两点希望，要A，以及B。": two hopes told in one sentence, the second after 以及. */
const TWO_HOPES = /(两点希望)，要?([^。；！？\n]+?)，以及([^。；！？\n]+?)。/g;
const HOPE = /^[\u4e00-\u9fa5，]{4,30}$/;

export function findTwoHopes(text: string): RawFormulation[] {
  const out: RawFormulation[] = [];
  for (const m of text.matchAll(TWO_HOPES)) {
    const [whole, name, a, b] = m;
    if (!HOPE.test(a) || !HOPE.test(b)) continue;
    const aAt = m.index + whole.indexOf(a, name.length);
    const bAt = m.index + whole.length - 1 - b.length;
    out.push({
      members: [a, b],
      ordered: true,
      span: { start: aAt, end: bAt + b.length },
      memberSpans: [
        { start: aAt, end: aAt + a.length },
        { start: bAt, end: bAt + b.length },
      ],
      via: 'named',
      name,
      count: 2,
    });
  }
  return out;
}
