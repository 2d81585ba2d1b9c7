import type { Evidence } from '@/data/knowledge/types';
import { formatIsoDate } from './format';

export interface SourceInfo {
  title: string;
  date?: string;
  /** The page a card made from a selection came from. */
  url?: string;
}

/** Only web pages are linked: a stored address is never trusted to be anything else. */
function webUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/** Splits a quote into plain and marked pieces; overlapping or out-of-range marks are clamped. */
export function markPieces(quote: string, marks: Array<[number, number]> = []): Array<{ text: string; marked: boolean }> {
  const sorted = [...marks].sort((a, b) => a[0] - b[0]);
  const pieces: Array<{ text: string; marked: boolean }> = [];
  let at = 0;
  for (const [rawStart, rawEnd] of sorted) {
    const start = Math.max(at, Math.min(rawStart, quote.length));
    const end = Math.max(start, Math.min(rawEnd, quote.length));
    if (start > at) pieces.push({ text: quote.slice(at, start), marked: false });
    if (end > start) pieces.push({ text: quote.slice(start, end), marked: true });
    at = end;
  }
  if (at < quote.length) pieces.push({ text: quote.slice(at), marked: false });
  return pieces;
}

// A line holding only a 1–3 digit number between line breaks is a PDF page number.
const DROP = /\s*\n[ \t\u3000]*\d{1,3}[ \t\u3000]*\n\s*|\s+/g;
const LATIN = /[A-Za-z0-9]/;

/**
 * A quote is verbatim source text, PDF line breaks and page numbers included; for reading, drop
 * page-number lines and whitespace (keeping one space between Latin words) and move the marks along.
 */
export function displayQuote(quote: string, marks: Array<[number, number]> = []): { text: string; marks: Array<[number, number]> } {
  const map: number[] = []; // map[i] = index in `text` of quote[i] (or where it would be)
  let text = '';
  let last = 0;
  for (const m of quote.matchAll(DROP)) {
    for (let i = last; i < m.index; i++) {
      map[i] = text.length;
      text += quote[i];
    }
    const keepSpace = /^\s+$/.test(m[0]) && LATIN.test(quote[m.index - 1] ?? '') && LATIN.test(quote[m.index + m[0].length] ?? '');
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

/** The sentence a card came from, with the answer marked, and its document. */
export function EvidenceQuote({ evidence, source }: { evidence: Evidence; source?: SourceInfo }) {
  const shown = displayQuote(evidence.quote, evidence.marks);
  return (
    <figure className="evidence">
      <blockquote>
        {markPieces(shown.text, shown.marks).map(
          (piece, i) => (piece.marked ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>),
        )}
      </blockquote>
      <figcaption className="muted">
        ——
        {webUrl(source?.url) ? (
          <a href={webUrl(source?.url)} target="_blank" rel="noreferrer" title={source?.url} data-testid="evidence-page-link">
            《{source?.title}》
          </a>
        ) : (
          `《${source?.title ?? evidence.source}》`
        )}
        {source?.date ? `（${formatIsoDate(source.date)}）` : ''}
      </figcaption>
    </figure>
  );
}
