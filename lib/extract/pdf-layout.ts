// pdf.js text items → lines in reading order: rows top to bottom, runs left to right, a two-column
// stretch read column by column, a paragraph's lines (and a sentence cut by a page or column break)
// joined back together.

/** One text run of a page: its left x, baseline y (PDF units, y grows upwards), width, font height. */
export interface Run {
  x: number;
  y: number;
  w: number;
  h: number;
  s: string;
}

/** A line of a page in reading order, with the box of the column (or full width) it belongs to. */
export interface Line {
  text: string;
  x: number;
  right: number;
  y: number;
  h: number;
  colLeft: number;
  colRight: number;
  /** Distance from the previous line of the same column or block (the first line has none). */
  gap?: number;
}

const CJK_CLASS = '[\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF\\u3000-\\u303F]';
const CJK = new RegExp(CJK_CLASS);
const SPACE_IN_CJK = new RegExp(`(?<=${CJK_CLASS}) +(?=${CJK_CLASS})`, 'g');
const WORDISH = /[\p{L}\p{N}]/u;
const TERMINAL = /[。！？；：…”」』）)!?;:]$/;

function groupRows(runs: Run[]): Run[][] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Run[][] = [];
  for (const run of sorted) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0].y - run.y) <= 0.5 * Math.min(row[0].h, run.h)) row.push(run);
    else rows.push([run]);
  }
  for (const row of rows) row.sort((a, b) => a.x - b.x);
  return rows;
}

const crosses = (run: Run, gx: number) => run.x < gx && run.x + run.w > gx;

/** Rows that a vertical line at gx splits into a left and a right part, with the space between them. */
function splitGaps(rows: Run[][], gx: number): { gap: number; h: number }[] {
  const gaps = [];
  for (const row of rows) {
    if (row.some((r) => crosses(r, gx)) || row[0].x >= gx || row.at(-1)!.x <= gx) continue;
    const leftEnd = Math.max(...row.filter((r) => r.x < gx).map((r) => r.x + r.w));
    const rightStart = Math.min(...row.filter((r) => r.x >= gx).map((r) => r.x));
    gaps.push({ gap: rightStart - leftEnd, h: row[0].h });
  }
  return gaps;
}

/**
 * The x of a gutter between two columns of text, if the page has one. Column text runs up to a narrow
 * gutter on most split rows; a table's cells leave wide, uneven gaps and are read row by row instead.
 */
function findGutter(rows: Run[][], width: number): number | undefined {
  let best: number | undefined;
  let bestRows = 2; // fewer split rows than 3 is a signature line or a short table, not two columns
  for (let gx = width * 0.3; gx <= width * 0.7; gx += 2) {
    const gaps = splitGaps(rows, gx);
    const narrow = gaps.filter((g) => g.gap <= 4 * g.h).length;
    if (narrow > bestRows && narrow >= 0.6 * gaps.length) [best, bestRows] = [gx, narrow];
  }
  return best;
}

function joinRuns(runs: Run[]): string {
  let text = '';
  let prev: Run | undefined;
  for (const run of runs) {
    if (prev && text && !/\s$/.test(text) && !/^\s/.test(run.s)) {
      const gap = run.x - (prev.x + prev.w);
      const h = Math.min(prev.h, run.h);
      const latin = !CJK.test(text.at(-1)!) && !CJK.test(run.s[0]);
      if (gap > 1.5 * h || (latin && gap > 0.2 * h)) text += ' ';
    }
    text += run.s;
    prev = run;
  }
  // pdf.js turns the wide spacing of justified Chinese lines into spaces; between two characters they are none.
  return text.replace(SPACE_IN_CJK, '').trim();
}

function toLine(runs: Run[], colLeft: number, colRight: number): Line {
  const last = runs.at(-1)!;
  return {
    text: joinRuns(runs),
    x: runs[0].x,
    right: last.x + last.w,
    y: Math.max(...runs.map((r) => r.y)),
    h: Math.max(...runs.map((r) => r.h)),
    colLeft,
    colRight,
  };
}

/** Lines of one page in reading order; `width` is the page's width in the runs' units. */
export function pageLines(runs: Run[], width: number): Line[] {
  const rows = groupRows(runs.filter((r) => r.s.trim()));
  if (!rows.length) return [];
  const gutter = findGutter(rows, width);
  const lines: Line[] = [];
  // Each block (a stretch of full-width rows, or one column of a two-column stretch) has its own edges.
  const pushBlock = (block: Run[][]) => {
    if (!block.length) return;
    const runs = block.flat();
    const l = Math.min(...runs.map((r) => r.x));
    const r = Math.max(...runs.map((r) => r.x + r.w));
    block.forEach((row, i) => {
      const line = toLine(row, l, r);
      if (i > 0) line.gap = lines.at(-1)!.y - line.y;
      lines.push(line);
    });
  };
  let full: Run[][] = [];
  let left: Run[][] = [];
  let right: Run[][] = [];
  const flush = () => {
    for (const block of [full, left, right]) pushBlock(block);
    [full, left, right] = [[], [], []];
  };
  // A stretch of rows that the gutter splits is read left column first, then right column.
  for (const row of rows) {
    if (gutter === undefined || row.some((r) => crosses(r, gutter))) {
      if (left.length || right.length) flush();
      full.push(row);
      continue;
    }
    if (full.length) flush();
    const l = row.filter((r) => r.x < gutter);
    const r = row.filter((r) => r.x >= gutter);
    if (l.length) left.push(l);
    if (r.length) right.push(r);
  }
  flush();
  return lines;
}

/** A page number alone on the first or last line: "3", "- 3 -", "— 3 —", "第 3 页", "3 / 10". */
const PAGE_NUMBER =
  /^(?:[-—–－\s]*\d{1,4}[-—–－\s]*|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;

export function dropPageNumbers(lines: Line[]): Line[] {
  return lines.filter((line, i) => !((i === 0 || i === lines.length - 1) && PAGE_NUMBER.test(line.text)));
}

function median(values: number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : undefined;
}

/** Whether `next` carries on the paragraph that `line` is in. */
function continues(line: Line, next: Line, pitch: number): boolean {
  const h = line.h;
  const full = line.right >= line.colRight - 1.2 * h;
  const indented = next.x > next.colLeft + 0.8 * next.h;
  const sameSize = Math.abs(next.h - h) <= 0.15 * h;
  if (!full || indented || !sameSize) return false;
  if (next.gap !== undefined && next.gap > 1.3 * pitch) return false; // the space between two paragraphs
  return !(TERMINAL.test(line.text) && next.x > line.colLeft + 0.3 * h);
}

/** How line `b` follows line `a` of the same paragraph: a hyphen dropped, a space between two words, or nothing. */
function joint(a: string, b: string): { drop: number; sep: string } {
  const last = a.at(-1) ?? '';
  if (last === '-' && /\p{L}/u.test(a.at(-2) ?? '') && /^\p{Ll}/u.test(b)) return { drop: 1, sep: '' };
  const spaced = WORDISH.test(last) && WORDISH.test(b[0]) && !CJK.test(last) && !CJK.test(b[0]);
  return { drop: 0, sep: spaced ? ' ' : '' };
}

/**
 * Pages' lines → text: a paragraph per line, a blank line between pages, except where a page ends
 * in the middle of a paragraph: then its last line is joined to the next page's first.
 */
export function joinPages(pages: Line[][]): string {
  const out: string[] = []; // pieces; joined once at the end (a long PDF is hundreds of thousands of characters)
  let last: Line | undefined;
  pages.forEach((lines) => {
    const pitch = median(lines.flatMap((l) => (l.gap && l.gap > 0 ? [l.gap] : []))) ?? Infinity;
    lines.forEach((line, i) => {
      if (last && continues(last, line, pitch)) {
        const { drop, sep } = joint(last.text, line.text);
        if (drop) out[out.length - 1] = out[out.length - 1].slice(0, -drop);
        out.push(sep + line.text);
      } else out.push((last ? (i === 0 ? '\n\n' : '\n') : '') + line.text);
      last = line;
    });
  });
  return out.join('');
}
