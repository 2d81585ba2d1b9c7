// Title and date of a document, read from its first lines: the title stands right before the
// parenthesized date "（2020年3月6日）"; web copies carry "2020-12-15" under the headline instead.
// A subtitle ("——在……上的讲话") or a dateline is never the title. The date comes from the dateline,
// a subtitle, a date standing alone on a line ("2025年3月18日", "二〇二五年三月"), a closing note
// ("※这是……2021年12月6日在……的讲话"), or the file name; otherwise it stays unknown.
import type { Source } from './types';
import type { NormalizedText } from './normalize';
import { ADDRESSEE_END } from './lists';

const CN_DIGITS = '〇零一二三四五六七八九十';
const Y = `(\\d{4}|[〇零一二三四五六七八九]{4})`;
const M = `(\\d{1,2}|[${CN_DIGITS}]{1,2})`;
const D = `(\\d{1,2}|[${CN_DIGITS}]{1,3})`;
const PAREN_DATE = new RegExp(`（${Y}年${M}月${D}日）`);
const ISO_DATE = /(\d{4})-(\d{2})-(\d{2})/;
/** A line that is a date and nothing else (a dateline closing a 意见 or under a title). */
const DATE_LINE = new RegExp(`^(?:[（(])?${Y}年${M}月(?:${D}日)?(?:[）)])?$`);
/** "——2025年3月5日在第十四届全国人民代表大会第三次会议上" */
const SUBTITLE_DATE = new RegExp(`^——${Y}年${M}月${D}日`);
/** "※这是习近平总书记2021年12月6日在……时的讲话" */
const NOTE_DATE = new RegExp(`这是[^。\\n]{0,16}?${Y}年${M}月${D}日[^。\\n]{0,40}(?:讲话|文章|报告|发言)`);
/** "全会于2025年10月20日至23日在北京举行": a 公报's lead gives the meeting's days; it is adopted on the last. */
const MEETING_DAYS = new RegExp(`于${Y}年${M}月${D}日至(?:${M}月)?${D}日在[^。\\n]{1,12}?(?:举行|召开)`);
const FILE_DATE = /(?<!\d)(20\d\d|19\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)/;
const SUBTITLE = /^——/;
/** Lines under a title that are no title: the author, a dateline, a source line. */
const NOT_TITLE =
  /^(?:(?:国务院总理|总书记|主席|作者[：:]?)?[\u4e00-\u9fa5]{2,3}$|[（(]?\d{4}年\d{1,2}月|来源[：:]|发布时间|新华社|编者按)/;

/** A title is short and says no sentence: not a paragraph, a salutation ("同志们、朋友们："), a section ("一、……"). */
const MAX_TITLE = 60;
const SENTENCE = /[。！？!?；;]|[：:，,、…]$/;
const SALUTATION = new RegExp(`${ADDRESSEE_END}[：:]?$`);
const SECTION = /^[一二三四五六七八九十]+、|^\d+[、．.]\D/;
const BYLINE = /记者\s*[/／]/;

function isTitle(line: string): boolean {
  return (
    line.length <= MAX_TITLE &&
    !SENTENCE.test(line) &&
    !SALUTATION.test(line) &&
    !SECTION.test(line) &&
    !BYLINE.test(line)
  );
}

function cnNumber(t: string): number {
  if (/^\d+$/.test(t)) return Number(t);
  const d = (c: string) => '〇一二三四五六七八九'.indexOf(c === '零' ? '〇' : c);
  if (/^[〇零一二三四五六七八九]{4}$/.test(t)) return Number([...t].map(d).join(''));
  if (t === '十') return 10;
  if (t.startsWith('十')) return 10 + d(t[1]);
  if (t.includes('十')) return d(t[0]) * 10 + (t.length > 2 ? d(t[2]) : 0);
  return d(t);
}

function iso(y: string, m: string, d?: string): string | undefined {
  const [yy, mm] = [cnNumber(y), cnNumber(m)];
  const dd = d ? cnNumber(d) : undefined;
  if (!(yy >= 1900 && yy <= 2100 && mm >= 1 && mm <= 12) || (dd !== undefined && !(dd >= 1 && dd <= 31)))
    return undefined;
  const head = `${yy}-${String(mm).padStart(2, '0')}`;
  return dd === undefined ? head : `${head}-${String(dd).padStart(2, '0')}`;
}

function cleanTitle(s: string): string {
  return s
    .replace(/^第[一二三四五六七八九十]+篇：/, '')
    .replace(/^（[一二三四五六七八九十]+）/, '')
    .replace(/^习近平(?=在)/, '')
    .trim();
}

/** The title with the spaces the original puts between its parts ("坚持走……道路 更好推进……建设"). */
function spaced(title: string, text: string, norm?: NormalizedText, original?: string): string {
  const at = text.indexOf(title);
  if (!norm || original === undefined || at < 0) return title;
  let out = '';
  for (let i = at; i < at + title.length; i++) {
    // Only between the parts of a headline, each a phrase of its own ("中共中央 国务院" stays one name).
    const parts =
      i - at >= 4 &&
      at + title.length - i >= 4 &&
      !/(?:中共中央|国务院|办公厅|委员会|人民政府|中央军委)$/.test(text.slice(at, i));
    if (
      parts &&
      norm.toOriginal(i) - norm.toOriginal(i - 1) > 1 &&
      /^\s+$/.test(original.slice(norm.toOriginal(i - 1) + 1, norm.toOriginal(i)))
    )
      out += ' ';
    out += text[i];
  }
  return out;
}

export function sourceMeta(
  file: string,
  text: string,
  traditional: boolean,
  norm?: NormalizedText,
  original?: string,
): Source {
  const id = file.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  const head = text.slice(0, 600);
  const lines = head
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  // The first line that is a title: not a subtitle, an author or a dateline.
  const first = lines.find((l) => !SUBTITLE.test(l) && !NOT_TITLE.test(l) && !DATE_LINE.test(l)) ?? lines[0];
  // A text pasted without its headline opens on prose: no title, so the import preview asks for one.
  let title = first === undefined ? id : isTitle(first) ? cleanTitle(first) : '';
  let date: string | undefined;
  const paren = PAREN_DATE.exec(head);
  if (paren && paren.index < 400) {
    date = iso(paren[1], paren[2], paren[3]);
    // The text before the date, cut after the last label ("来源：…", "发布时间：2020-04-30").
    const before =
      head
        .slice(0, paren.index)
        .split(/[：:。]|\d{4}-\d{2}-\d{2}/)
        .pop() ?? '';
    const parts = before
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !SUBTITLE.test(l));
    let candidate = parts.pop() ?? '';
    // A title broken over two lines ("…疫情防控和" / "经济社会发展工作部署会议上的讲话").
    const prev = parts[parts.length - 1];
    if (prev && prev !== candidate && /[和与及的、]$/.test(prev)) candidate = prev + candidate;
    if (candidate.length >= 4) title = cleanTitle(candidate);
  } else {
    date = textDate(text, lines);
  }
  date ??= fileDate(file) ?? meetingDate(text);
  const source: Source = { id, file: file.replace(/^.*\//, ''), title: spaced(title, text, norm, original) };
  if (date) source.date = date;
  if (traditional) source.traditional = true;
  return source;
}

/** A date the text gives for itself, or undefined. */
function textDate(text: string, headLines: string[]): string | undefined {
  for (const l of headLines.slice(0, 6)) {
    const sub = SUBTITLE_DATE.exec(l);
    if (sub) return iso(sub[1], sub[2], sub[3]);
    const line = DATE_LINE.exec(l);
    if (line) return iso(line[1], line[2], line[3]);
  }
  const iso8601 = ISO_DATE.exec(text.slice(0, 600));
  if (iso8601) return iso(iso8601[1], iso8601[2], iso8601[3]);
  // A dateline closing the document (a 意见, a 通知, a report).
  const tail = text
    .slice(-400)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-3)
    .reverse();
  for (const l of tail) {
    const line = DATE_LINE.exec(l);
    if (line) return iso(line[1], line[2], line[3]);
  }
  const note = NOTE_DATE.exec(text.slice(-600));
  if (note) return iso(note[1], note[2], note[3]);
  return undefined;
}

/** The last day of the meeting a document's first lines report, when nothing else dates it. */
function meetingDate(text: string): string | undefined {
  const m = MEETING_DAYS.exec(text.slice(0, 400));
  if (!m) return undefined;
  const [year, from, to] = [cnNumber(m[1]), cnNumber(m[2]), cnNumber(m[4] ?? m[2])];
  // "2024年12月30日至1月2日": the last day is in the next year.
  return iso(String(to < from ? year + 1 : year), String(to), m[5]);
}

function fileDate(file: string): string | undefined {
  const m = FILE_DATE.exec(file.replace(/^.*\//, ''));
  return m ? iso(m[1], m[2], m[3]) : undefined;
}
