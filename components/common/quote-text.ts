// How a source sentence is shown: the quote is verbatim source text (PDF line breaks, page numbers
// and stray spaces included); for reading it is tidied and split into plain and marked pieces.
// Shared by the extension's pages (EvidenceQuote) and the hover card on web pages.

// A line holding only a 1–3 digit number between line breaks is a PDF page number.
const DROP = /\s*\n[ \t\u3000]*\d{1,3}[ \t\u3000]*\n\s*|\s+/g;
const LATIN = /[A-Za-z0-9]/;

/**
 * A quote is verbatim source text, PDF line breaks and page numbers included; for reading, drop
 * page-number lines and whitespace (keeping one space between Latin words) and move the marks along.
 */
export function displayQuote(
  quote: string,
  marks: ReadonlyArray<readonly [number, number]> = [],
): { text: string; marks: Array<[number, number]> } {
  const map: number[] = []; // map[i] = index in `text` of quote[i] (or where it would be)
  let text = '';
  let last = 0;
  for (const m of quote.matchAll(DROP)) {
    for (let i = last; i < m.index; i++) {
      map[i] = text.length;
      text += quote[i];
    }
    const keepSpace =
      /^\s+$/.test(m[0]) && LATIN.test(quote[m.index - 1] ?? '') && LATIN.test(quote[m.index + m[0].length] ?? '');
    for (let i = m.index; i < m.index + m[0].length; i++) map[i] = text.length;
    if (keepSpace) text += ' ';
    last = m.index + m[0].length;
  }
  for (let i = last; i < quote.length; i++) {
    map[i] = text.length;
    text += quote[i];
  }
  map[quote.length] = text.length;
  const at = (i: number) => map[Math.max(0, Math.min(i, quote.length))];
  return { text, marks: marks.map(([a, b]) => [at(a), at(b)] as [number, number]) };
}

export interface QuotePiece {
  text: string;
  marked: boolean;
}

/** Splits a quote into plain and marked pieces; marks may be unsorted, overlapping (merged) or out of range. */
export function markPieces(quote: string, marks: ReadonlyArray<readonly [number, number]> = []): QuotePiece[] {
  const spans = marks
    .map(([s, e]) => [Math.max(0, s), Math.min(quote.length, e)] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const parts: QuotePiece[] = [];
  let at = 0;
  for (const [s, e] of spans) {
    if (e <= at) continue;
    const last = parts[parts.length - 1];
    if (s > at) parts.push({ text: quote.slice(at, s), marked: false });
    else if (last?.marked) {
      last.text += quote.slice(at, e); // overlaps the previous mark: extend it
      at = e;
      continue;
    }
    parts.push({ text: quote.slice(Math.max(s, at), e), marked: true });
    at = e;
  }
  if (at < quote.length) parts.push({ text: quote.slice(at), marked: false });
  return parts;
}
