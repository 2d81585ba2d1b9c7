import type { SourceRow } from '@/data/db/schema';
import type { Evidence } from '@/data/knowledge/types';
import { sourceDateText } from './format';
import { displayQuote, markPieces } from './quote-text';

export interface SourceInfo {
  title: string;
  date?: string;
  /** The document's years are doubtful: its date is shown as 待核实. */
  dateUnverified?: boolean;
  /** The page a card made from a selection came from. */
  url?: string;
}

/** Only web pages are linked: a stored address is never trusted to be anything else. */
function webUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/** The sentence a card came from, with the answer marked, and its document. */
export function EvidenceQuote({ evidence, source }: { evidence: Evidence; source?: SourceInfo }) {
  const shown = displayQuote(evidence.quote, evidence.marks);
  return (
    <figure className="evidence">
      <blockquote>
        {markPieces(shown.text, shown.marks).map((piece, i) =>
          piece.marked ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>,
        )}
      </blockquote>
      <figcaption className="muted">
        ——
        {webUrl(source?.url) ? (
          <a
            href={webUrl(source?.url)}
            target="_blank"
            rel="noreferrer"
            title={source?.url}
            data-testid="evidence-page-link"
          >
            《{source?.title}》
          </a>
        ) : (
          `《${source?.title ?? evidence.source}》`
        )}
        {source && sourceDateText(source) ? `（${sourceDateText(source)}）` : ''}
      </figcaption>
    </figure>
  );
}

/** What a quote's caption shows of a stored document. */
export function sourceInfo(row: SourceRow): SourceInfo {
  return { title: row.title, date: row.date, dateUnverified: row.dateUnverified, url: row.url };
}

/** A card's quotes, each captioned with its document from `sources` (by its id while they are not loaded). */
export function EvidenceQuotes({ evidence, sources }: { evidence: Evidence[]; sources: SourceRow[] | undefined }) {
  return (
    <>
      {evidence.map((ev, i) => {
        const row = sources?.find((s) => s.id === ev.source);
        return <EvidenceQuote key={i} evidence={ev} source={row && sourceInfo(row)} />;
      })}
    </>
  );
}
