// Title and date of a document, read from its first lines: the title stands right before the
// parenthesized date "（2020年3月6日）"; web copies carry "2020-12-15" under the headline instead.
import type { Source } from './types';

const PAREN_DATE = /（(\d{4})年(\d{1,2})月(\d{1,2})日）/;
const ISO_DATE = /(\d{4})-(\d{2})-(\d{2})/;

function iso(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

function cleanTitle(s: string): string {
  return s
    .replace(/^第[一二三四五六七八九十]+篇：/, '')
    .replace(/^（[一二三四五六七八九十]+）/, '')
    .replace(/^习近平(?=在)/, '')
    .trim();
}

export function sourceMeta(file: string, text: string, traditional: boolean): Source {
  const id = file.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  const head = text.slice(0, 600);
  const lines = head.split('\n').filter((l) => l.trim());
  let title = cleanTitle(lines[0] ?? id);
  let date: string | undefined;
  const paren = PAREN_DATE.exec(head);
  if (paren && paren.index < 400) {
    date = iso(paren[1], paren[2], paren[3]);
    // The text before the date, cut after the last label ("来源：…", "发布时间：2020-04-30").
    const before = head.slice(0, paren.index).split(/[：:。]|\d{4}-\d{2}-\d{2}/).pop() ?? '';
    const parts = before.split('\n').map((l) => l.trim()).filter(Boolean);
    let candidate = parts.pop() ?? '';
    // A title broken over two lines ("…疫情防控和" / "经济社会发展工作部署会议上的讲话").
    const prev = parts[parts.length - 1];
    if (prev && prev !== candidate && /[和与及的、]$/.test(prev)) candidate = prev + candidate;
    if (candidate.length >= 4) title = cleanTitle(candidate);
  } else {
    const m = ISO_DATE.exec(head);
    if (m) date = iso(m[1], m[2], m[3]);
  }
  const source: Source = { id, file: file.replace(/^.*\//, ''), title };
  if (date) source.date = date;
  if (traditional) source.traditional = true;
  return source;
}
