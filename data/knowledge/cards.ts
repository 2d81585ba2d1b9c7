// Card templates per note (issue 3, point 7): the questions a study-session organizer would ask.
import type { Card, Cue, Evidence, MarkedEvidence, Note } from './types';
import { hash64 } from './merge';
import { COUNT_NUMERALS } from '../vocab/numerals';
import { SECTION_HEADING } from './series';
import { listTopic } from './topic-lists';
import { hasMadeName } from '../glossary';
import { seriesClues } from './list-clues';

/** Members joined by 、, or by ； where one holds a comma; `like` picks the separator (a cloze's blank holds none). */
export function joinMembers(members: string[], like: string[] = members): string {
  return members.join(like.some((m) => /[、，,]/.test(m)) ? '；' : '、');
}

function cardId(kind: string, noteId: string, prompt: string, answer: string): string {
  return `${kind}:${hash64(`${noteId}\u0000${prompt}\u0000${answer}`)}`;
}

function countWord(n: number): string {
  return n <= 10 ? COUNT_NUMERALS[n] : String(n);
}

function evidenceFor(marked: MarkedEvidence[], member?: string): Evidence[] {
  return marked.flatMap(({ ev, byMember, byMemberEvidence }) => {
    if (member && byMemberEvidence?.[member]) return byMemberEvidence[member];
    // A list over several paragraphs: where it starts, then each member's own sentence.
    if (!member && byMemberEvidence)
      return [ev, ...Object.values(byMemberEvidence).filter((x) => x.offset !== ev.offset)];
    if (!member || !byMember) return ev;
    const marks = byMember[member];
    const { marks: _all, ...rest } = ev;
    return marks?.length ? { ...rest, marks } : rest;
  });
}

/** "六个精准" → "指哪六个", "八项重点任务" → "指哪八项"; other names ("两不愁三保障", "大扶贫格局") ask what they stand for. */
function listPrompt(name: string): string {
  const m = /^([一二两三四五六七八九十])([个项])/.exec(name);
  return m ? `“${name}”指哪${m[1]}${m[2]}？` : `“${name}”指什么？`;
}

/** A count card is trivial when the name says it ("六个精准", "两不愁三保障" = 2 + 3). */
function nameGivesCount(name: string, n: number): boolean {
  const values = [...name].map((c) => COUNT_NUMERALS.indexOf(c)).filter((v) => v > 0);
  return values.includes(n) || (values.length > 1 && values.reduce((a, b) => a + b, 0) === n);
}

/** Longest prompt a card may show: a speech outline quoted in full is a paragraph, not a question. */
export const MAX_PROMPT = 80;
/** A member this long is a clause, not a word a cadre recites in a series. */
const LONG_MEMBER = 8;
const ORDINALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ordinal = (k: number) => `第${ORDINALS[k] ?? k}项`;

/**
 * The question a numbered series answers, from the sentence or section title that announces it:
 * "讲3个问题" → "《…讲话》讲了哪3个问题？"; "要抓好以下几项重点工作" → "要抓好哪八项重点工作？";
 * "一、我国脱贫攻坚取得决定性成就" → "“我国脱贫攻坚取得决定性成就”部分讲了哪六点？".
 */
/** The question with its document's title before it (《…》：), when both fit in a prompt and it has not the title yet. */
export function withTitle(q: string, title: string | undefined, glue = '：'): string {
  return title && title.length + q.length + 3 <= MAX_PROMPT && !q.includes(title) ? `《${title}》${glue}${q}` : q;
}

export function headingQuestion(heading: string, n: number, title?: string): string {
  const word = countWord(n);
  const h = heading.replace(/[。：:，,\s]+$/, '');
  const section = SECTION_HEADING.exec(h);
  if (section) return withTitle(`“${section[1].replace(/。$/, '')}”部分按顺序讲了哪${word}点？`, title, '');
  const speech = /(讲|提|谈)(?:以下)?([二两三四五六七八九十]|[2-9])(个|点|项|条)([\u4e00-\u9fa5]{0,4})$/.exec(h);
  if (speech && title) return withTitle(`${speech[1]}了哪${speech[2]}${speech[3]}${speech[4]}？`, title, '');
  const counted = /(?<![\d一二两三四五六七八九十])([二两三四五六七八九十]|[2-9])(个|点|项|条|大|方面)/;
  if (counted.test(h)) return withTitle(`${h.replace(counted, '哪$1$2')}？`, title);
  const aspects = /(?:以下|如下|这样)?几(?:个)?方面/;
  if (aspects.test(h)) return withTitle(`${h.replace(aspects, `哪${word}个方面`)}？`, title);
  const vague = /(?:以下|如下|这样)?几(个|点|项|条)/;
  if (vague.test(h)) return withTitle(`${h.replace(vague, `哪${word}$1`)}？`, title);
  if (/以下|如下/.test(h)) return withTitle(`${h.replace(/以下|如下/, `哪${word}项`)}？`, title);
  return withTitle(`“${h}”——按顺序是哪${word}项？`, title);
}

export interface CardContext {
  cue?: Cue;
  /** Title of a source, to say which speech a heading belongs to. */
  title?: (source: string) => string | undefined;
}

export function formulationCards(note: Note, marked: MarkedEvidence[], context: CardContext = {}): Card[] {
  const members = note.members ?? [];
  // "从脱贫攻坚任务看、从脱贫攻坚工作看": the angles a passage takes, not points anyone recites.
  if (members.length && members.every((m) => /^从.{1,12}看$/.test(m))) return [];
  const named = !!note.name && note.name !== members.join('、');
  const { cue } = context;
  const cards: Card[] = [];
  const push = (
    kind: Card['kind'],
    prompt: string,
    answer: string,
    weight: number,
    member?: string,
    extra: Partial<Card> = {},
  ) =>
    cards.push({
      id: cardId(kind, note.id, prompt, answer),
      noteId: note.id,
      kind,
      prompt,
      answer,
      ...extra,
      evidence: evidenceFor(marked, member),
      importance: round(note.importance * weight),
    });

  if (named) {
    // A made name (三个坚持) may be another document's too: its list is asked with the document's title.
    const title = hasMadeName(note) && marked[0] ? context.title?.(marked[0].ev.source) : undefined;
    const list = withTitle(listPrompt(note.name), title, '');
    push('formulation-list', list, joinMembers(members), 1, undefined, { members });
    if (!nameGivesCount(note.name, members.length)) {
      push(
        'formulation-count',
        `“${note.name}”包括几个方面？`,
        `${countWord(members.length)}个：${joinMembers(members)}`,
        0.9,
      );
    }
    for (const m of members) {
      if (m.includes(note.name)) continue;
      // "内容" → 五个精准, "绿色" → 新发展理念: a two-character word sharing nothing with the name
      // belongs to too many things to point at one formulation.
      if (m.length <= 2 && ![...m].some((ch) => note.name.includes(ch))) continue;
      push('formulation-member', `“${m}”属于哪个提法？`, note.name, 0.85, m);
    }
  }
  // An unnamed list: asked through its heading (a numbered series) or with its shared wording as a hint.
  // A list under a topic ("…的主要目标：", "二、…必须遵循的原则") is asked by its topic.
  const topic = !named && cue?.heading ? listTopic(cue.heading) : undefined;
  let question: string | undefined = topic && (/工作$/.test(topic) ? `${topic}有哪些？` : `${topic}是什么？`);
  if (!named && cue?.heading && note.ordered)
    question ??= headingQuestion(cue.heading, members.length, context.title?.(cue.source));
  if (!named && question) push('formulation-list', question, joinMembers(members), 1, undefined, { members });
  if (!named && !note.ordered && !question) {
    const hint = seriesClues(members).join('、');
    const head = `填写这组并列提法（共${members.length}项）：`;
    // The words closing the list say what it makes up: "构建党____、…、社____的高技能人才工作体系".
    const tail = cue?.tail && (head + hint + cue.tail).length <= MAX_PROMPT ? cue.tail : '';
    const prompt =
      cue?.lead && (head + cue.lead + hint + tail).length <= MAX_PROMPT
        ? head + cue.lead + hint + tail
        : head + hint + tail;
    push('formulation-list', prompt, joinMembers(members), 1, undefined, { members });
  }
  members.forEach((m, i) => {
    const shown = joinMembers(
      members.map((x, j) => (j === i ? '____' : x)),
      members,
    );
    let prompt: string | undefined;
    if (named) prompt = `“${note.name}”：${shown}`;
    else if (cue?.lead) prompt = cue.lead + shown;
    // An outline heading ("三、确保…", "第一个问题：…") is no question: ask by the item's place.
    else if (question && note.ordered && !topic) prompt = `${question}（${ordinal(i + 1)}）`;
    else if (cue?.heading) prompt = `${topic ?? cue.heading.replace(/[。：:，,\s]+$/, '')}：${shown}`;
    // Two long clauses with nothing to say what they are ("____、整合履职资源向…聚焦再聚焦"): one
    // half of a sentence asked from the other, not a series.
    else if (members.length === 2 && members.some((x) => x.length >= LONG_MEMBER)) return;
    else prompt = `补全这组并列提法：${shown}`;
    if (prompt.length > MAX_PROMPT) {
      // Long outlines: ask for one item by its place instead of quoting the whole list.
      if (named && note.ordered) prompt = `“${note.name}”的${ordinal(i + 1)}是什么？`;
      else if (question) prompt = `${question}（${ordinal(i + 1)}）`;
      else return;
    }
    // The words closing the list say what it makes up ("建立各负其责、____的责任体系"). They came to the
    // cloze after its card was first made: the card keeps the id it had without them, so progress carries.
    const tail = cue?.lead && cue.tail && prompt === cue.lead + shown ? cue.tail : '';
    if (tail && (prompt + tail).length <= MAX_PROMPT)
      push('formulation-cloze', prompt + tail, m, 0.8, m, { id: cardId('formulation-cloze', note.id, prompt, m) });
    else push('formulation-cloze', prompt, m, 0.8, m);
  });
  return cards;
}

export function termCards(note: Note, marked: MarkedEvidence[], cloze?: string): Card[] {
  if (!note.definition && cloze) {
    // A named mechanism or campaign the document uses without defining: recalled from its clause.
    return [
      {
        id: cardId('term-cloze', note.id, cloze, note.name),
        noteId: note.id,
        kind: 'term-cloze',
        prompt: cloze,
        answer: note.name,
        evidence: evidenceFor(marked),
        importance: round(note.importance + 0.15),
      },
    ];
  }
  if (!note.definition) return [];
  const prompt = `“${note.name}”指什么？`;
  return [
    {
      id: cardId('term-definition', note.id, prompt, note.definition),
      noteId: note.id,
      kind: 'term-definition',
      prompt,
      answer: note.definition,
      evidence: evidenceFor(marked),
      importance: note.importance,
    },
  ];
}

export function figureCard(note: Note, prompt: string, answer: string): Card {
  return {
    id: cardId('figure-cloze', note.id, prompt, answer),
    noteId: note.id,
    kind: 'figure-cloze',
    prompt,
    answer,
    evidence: note.evidence,
    importance: note.importance,
    ...(note.figure ? { figure: note.figure } : {}),
  };
}

export function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;
}
