// Clause runs of cued.ts: "讲清楚…，讲清楚…，讲清楚…"; "必须…，决不允许…；必须…"; "由…向…转变"; "…政治…" ×7.

import type { RawFormulation } from './raw';
import { isCjk } from './lists';
import { type Clause, commonPrefix, commonSuffix, MAX_CLAUSE_ITEM, runOf, type Unit } from './cued-text';

/** Frames too common to open a series ("我们…", "这是…"). */
const WEAK_FRAME =
  /^(我们|他们|这是|这个|这些|同时|一些|有的|其中|对于|通过|如果|因为|所以|但是|而且|各级|各地|目前|当前|今年|去年|要在|在这|是一|是我)/;

export function inParagraph(text: string, clauses: Clause[]): RawFormulation[] {
  const out: RawFormulation[] = [];
  // 1. Consecutive clauses of a sentence with one opening frame.
  let i = 0;
  while (i < clauses.length) {
    let best: { j: number; frame: string } | undefined;
    // The run's texts and their common prefix, grown one clause at a time.
    const texts = [clauses[i].text];
    let frame = texts[0];
    for (let j = i + 1; j < clauses.length && j < i + 12 && !clauses[j].sentenceStart; j++) {
      texts.push(clauses[j].text);
      frame = commonPrefix([frame, clauses[j].text]);
      if (j === i + 1) continue;
      if (frame.length < 2 && !(frame.length === 1 && oneCharFrame(texts))) break;
      best = { j, frame };
    }
    let run = best && clauses.slice(i, best.j + 1);
    // The clause before may carry the frame after its lead-in: "推动发展方式由A向B转变，由C向D转变，…".
    const prev = i > 0 && run && !run[0].sentenceStart ? clauses[i - 1] : undefined;
    if (run && best && prev && contiguous(prev, run[0])) {
      const k = prev.text.lastIndexOf(best.frame);
      const suffix = commonSuffix(run.map((c) => c.text));
      if (
        k > 0 &&
        (suffix.length >= 2 ? prev.text.endsWith(suffix) : best.frame.length >= 2) &&
        prev.text.length - k <= MAX_CLAUSE_ITEM
      ) {
        run = [{ ...prev, span: { start: prev.span.start + k, end: prev.span.end }, text: prev.text.slice(k) }, ...run];
      }
    }
    const f = run && best && framedRun(text, run, best.frame);
    if (f) {
      out.push(f);
      i = best!.j + 1;
    } else i++;
  }
  // 2. Consecutive units (after 。/；) whose first clauses share the frame; the first member may stand
  // after a lead-in clause ("严明组织纪律，必须…，决不允许…；必须…"), the others open their unit.
  i = 0;
  while (i < clauses.length) {
    const at = [i];
    let frame = '';
    // Each next member opens the very next unit, however long the unit before it.
    for (let j = i + 1; j < clauses.length; j++) {
      if (!clauses[j].unitStart) continue;
      // The prefix common to all members so far is the frame (the first member's text while alone).
      const p = commonPrefix([at.length > 1 ? frame : clauses[i].text, clauses[j].text]);
      if (p.length < 2) break;
      frame = p;
      at.push(j);
    }
    const lead = at.length >= 2 ? modalLead(clauses, at[0], frame) : undefined;
    const members = [...(lead ? [lead] : []), ...at.map((k) => clauses[k])];
    const f = members.length >= 3 ? framedRun(text, members, frame) : undefined;
    if (f && !out.some((o) => o.span.start <= f.span.start && o.span.end >= f.span.end)) {
      out.push(f);
      i = at[at.length - 1] + 1;
    } else i++;
  }
  // 3. A run of short clauses of one sentence that all carry the same two-character word.
  out.push(...sharedWordRuns(text, clauses));
  // 4. Units that end alike: "…是…必由之路；…是…必由之路；".
  out.push(
    ...endingRuns(
      text,
      clauses.filter((c) => c.unitStart),
    ),
  );
  return out;
}
/**
 * The first member of a run of units, standing in the unit before after its subject and a 必须/要
 * ("…发展必须坚持党的全面领导，…；坚持人民至上，…"), or after its subject alone when the frame is the
 * modal ("领导干部必须增强必胜之心，…；必须增强责任之心，…"): the clause from the frame on, the first clause of
 * that unit (or the one after its lead-in 会议强调) that carries it so; never across a sentence end.
 */
function modalLead(clauses: Clause[], first: number, frame: string): Unit | undefined {
  if (first === 0 || clauses[first].sentenceStart) return undefined;
  let u = first - 1;
  while (u > 0 && !clauses[u].unitStart) u--;
  for (let k = u; k < first && k <= u + 1; k++) {
    const c = clauses[k];
    const at = c.text.indexOf(frame);
    // Nothing after the frame: it stands in a name ("坚持“五个必须”，必须…"), not before a member.
    if (at < 0 || c.text.length - at - frame.length < 2) continue;
    const unit = { span: { start: c.span.start + at, end: c.span.end }, text: c.text.slice(at) };
    if (at > 0 && /(?:必须|应当|要)$/.test(c.text.slice(0, at))) return unit;
    // The frame is the modal: after the subject, or opening the clause after a lead-in clause.
    if (/^(?:必须|应当)/.test(frame) && (at > 0 || k > u)) return unit;
  }
  return undefined;
}

function framedRun(text: string, run: Unit[], frame: string): RawFormulation | undefined {
  if (WEAK_FRAME.test(frame) || /^[\d一二三四五六七八九十第]/.test(frame)) return undefined;
  // A long frame is a verb with its object repeated ("支持贫困地区…，支持贫困地区…"): boilerplate, not a set,
  // unless it ends in 的 (then the rest are the members) or opens with a frame that names sets (讲清楚).
  if (frame.length > 4 && !frame.endsWith('的') && !FRAME_NAME.test(frame)) return undefined;
  const items = run.map((c) => c.text);
  if (items.some((s) => s.length > MAX_CLAUSE_ITEM || s.length <= frame.length)) return undefined;
  if (items.some((s) => s.length - frame.length < 2)) return undefined;
  const suffix = commonSuffix(items);
  // A one-character frame needs a shared ending too ("由…向…转变"); a short frame in long clauses a word after it.
  if (frame.length === 1 && !oneCharFrame(items)) return undefined;
  if (frame.length === 2 && !FRAME_OK.test(frame) && suffix.length < 2) return undefined;
  // A long frame ending in 的 is the lead, the rest the members: "增强党内政治生活的政治性，…。增强党内政治生活的时代性".
  if (frame.length >= 4 && frame.endsWith('的') && items.every((x) => x.length - frame.length <= 8)) {
    return runOf(
      run.map((c) => ({
        span: { start: c.span.start + frame.length, end: c.span.end },
        text: c.text.slice(frame.length),
      })),
    );
  }
  return runOf(run, { frame: FRAME_NAME.exec(frame)?.[0] });
}

/** Two-character frames that open a series ("必须…，必须…"), and those a count may name (三个必须, 七个聚焦). */
const FRAME_OK =
  /^(必须|坚持|聚焦|坚决|大力|不断|深入|全面|始终|着力|努力|坚定|更加|切实|加快|推动|加强|完善|健全|增强|强化|提高|讲清|讲好|做好|抓好|用好|守好|既要|不能|决不|不得|严禁|注重|发挥|弘扬|树立|建设|构建|推进|实现|确保|维护|保持|引导|鼓励|支持|落实|贯彻)/;
const FRAME_NAME =
  /^(大力宣传|大力弘扬|大力推进|大力发展|讲清楚|讲明白|讲好|必须|坚持|聚焦|坚决|更加|始终|确保|决不|做到)/;

const FILLER = /^(的|是|和|要|在|一|我们)/;

function sharedWordRuns(text: string, clauses: Unit[]): RawFormulation[] {
  const out: RawFormulation[] = [];
  let i = 0;
  while (i < clauses.length) {
    const short = (c: Unit) => c.text.length >= 4 && c.text.length <= 9 && [...c.text].every(isCjk);
    if (!short(clauses[i])) {
      i++;
      continue;
    }
    // The bigrams of the first clause; extend while every clause carries one of them.
    const grams = new Set<string>();
    for (let k = 0; k + 2 <= clauses[i].text.length; k++) grams.add(clauses[i].text.slice(k, k + 2));
    let j = i;
    let shared = [...grams];
    while (j + 1 < clauses.length && short(clauses[j + 1]) && contiguous(clauses[j], clauses[j + 1])) {
      const next = shared.filter((g) => clauses[j + 1].text.includes(g));
      if (!next.length) break;
      shared = next;
      j++;
    }
    let run = clauses.slice(i, j + 1);
    // "加强党的政治建设，目的是坚定政治信仰，强化政治领导，…": the first clause is the topic, 目的是 its copula.
    const copula = /^(目的是|就是|关键是|重点是|主要是|核心是)/.exec(run[1]?.text ?? '');
    if (copula)
      run = [
        {
          ...run[1],
          span: { start: run[1].span.start + copula[0].length, end: run[1].span.end },
          text: run[1].text.slice(copula[0].length),
        },
        ...run.slice(2),
      ];
    if (run.length >= 3 && shared.length && new Set(run.map((c) => c.text)).size === run.length) {
      // Three clauses count only cast in one mould: "发展是第一要务，创新是第一动力，人才是第一资源".
      const word = run.length >= 4 ? shared[0] : alignedWord(run, shared);
      // The word must not be the frame (that is clauseRuns' job) nor a filler (不 only in four or more clauses:
      // 不可 three times in one place is the mould, "正义的信念不可动摇，和平的期盼不可阻遏，人民的力量不可战胜").
      if (
        word &&
        !FILLER.test(word) &&
        !(run.length >= 4 && word.startsWith('不')) &&
        !run.every((c) => c.text.startsWith(word))
      ) {
        out.push(runOf(run, { shared: word }));
        i = j + 1;
        continue;
      }
    }
    i++;
  }
  return out;
}

/**
 * The word three clauses of one length carry at one place past their first character (第一 of "发展是第一要务，
 * 创新是第一动力，人才是第一资源"), the first such that is no filler; none after a numeral ("一是精准识别，
 * 二是精准帮扶…" is series.ts' job).
 */
function alignedWord(run: Unit[], shared: string[]): string | undefined {
  const first = run[0].text;
  if (run.some((c) => c.text.length !== first.length || /^[\d一二三四五六七八九十第]/.test(c.text))) return undefined;
  for (const w of shared) {
    const k = first.indexOf(w);
    if (k > 0 && !FILLER.test(w) && run.every((c) => c.text.indexOf(w) === k)) return w;
  }
  return undefined;
}

/** Two clauses stand next to each other in one sentence (only a comma between). */
function contiguous(a: Unit, b: Unit): boolean {
  return b.span.start - a.span.end <= 3;
}

function endingRuns(text: string, units: Unit[]): RawFormulation[] {
  // The unit's whole text up to its 。/； is what ends alike; take it from the unit's first clause on.
  const out: RawFormulation[] = [];
  const whole = units.map((u) => {
    let e = u.span.end;
    while (e < text.length && !'。；！？;!?\n'.includes(text[e])) e++;
    return { span: { start: u.span.start, end: e }, text: text.slice(u.span.start, e) };
  });
  let i = 0;
  while (i < whole.length) {
    let j = i;
    let suffix = '';
    while (j + 1 < whole.length && whole[j + 1].span.start - whole[j].span.end <= 2) {
      const s = commonSuffix(whole.slice(i, j + 2).map((w) => w.text));
      if (s.length < 3) break;
      suffix = s;
      j++;
    }
    const run = whole.slice(i, j + 1);
    // Figures are figure cards' business: "…可以解决3000万人脱贫；…可以解决1000万人脱贫".
    const plain = run.every(
      (w) => w.text.length <= MAX_CLAUSE_ITEM + 10 && w.text.length > suffix.length + 2 && !/[\d０-９%％]/.test(w.text),
    );
    if (run.length >= 3 && suffix && plain && !/^[的了。]/.test(suffix)) {
      out.push(runOf(run));
      i = j + 1;
    } else i++;
  }
  return out;
}

/** Clauses opened by one character are a set when framed at both ends ("由…向…转变") or short and carrying one word ("使…更加…"). */
function oneCharFrame(items: string[]): boolean {
  const suffix = commonSuffix(items).length;
  if (suffix >= 2) return items.every((x) => x.length <= (suffix >= 3 ? 30 : 20));
  return items.every((x) => x.length <= 14) && sharedWord(items.map((x) => x.slice(1))) !== '';
}

/** A word of two characters or more (not a particle) that every item carries: 更加 in "使…更加…". */
function sharedWord(items: string[]): string {
  const first = items[0] ?? '';
  for (let len = Math.min(4, first.length); len >= 2; len--) {
    for (let i = 0; i + len <= first.length; i++) {
      const w = first.slice(i, i + len);
      if (!/^[的了是和在]|[的了和在]$/.test(w) && items.every((x) => x.includes(w))) return w;
    }
  }
  return '';
}
