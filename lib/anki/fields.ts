// A Tifa card's text as the five fields of the "Tifa" note type (HTML, as Anki stores fields), its tags,
// and the plain sort field and checksum Anki keeps beside them.
import type { CardKind, Evidence, Source } from '@/data/knowledge/types';
import { FIELD_SEPARATOR } from './schema';
import { sha1 } from './sha1';

export interface FieldInput {
  kind: CardKind;
  prompt: string;
  answer: string;
  members?: string[];
  evidence: Evidence[];
}

export const KIND_TAGS: Record<CardKind, string> = {
  'formulation-list': '提法::成员',
  'formulation-member': '提法::归属',
  'formulation-count': '提法::数目',
  'formulation-cloze': '提法::填空',
  'figure-cloze': '数字',
  'term-definition': '术语',
  'term-cloze': '术语::填空',
  statement: '论断',
  'user-cloze': '自制',
};

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The quote with the answer's spans in <b> (the spans are UTF-16 offsets, end exclusive). */
export function markedQuote(e: Evidence): string {
  const marks = [...(e.marks ?? [])]
    .filter(([s, t]) => s >= 0 && t <= e.quote.length && s < t)
    .sort((x, y) => x[0] - y[0]);
  let out = '';
  let at = 0;
  for (const [s, t] of marks) {
    if (s < at) continue;
    out += escapeHtml(e.quote.slice(at, s)) + '<b>' + escapeHtml(e.quote.slice(s, t)) + '</b>';
    at = t;
  }
  return out + escapeHtml(e.quote.slice(at));
}

export function sourceLabel(s: Source | undefined, id: string): string {
  if (!s) return id;
  const date = s.dateUnverified ? '日期待核实' : s.date;
  return date ? `${s.title}（${date}）` : s.title;
}

export function noteFields(card: FieldInput, sources: ReadonlyMap<string, Source>): string[] {
  const first = card.evidence[0];
  const cited = [...new Set(card.evidence.map((e) => e.source))].map((id) =>
    escapeHtml(sourceLabel(sources.get(id), id)),
  );
  const members = card.members?.length
    ? `<ol>${card.members.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ol>`
    : '';
  return [escapeHtml(card.prompt), escapeHtml(card.answer), first ? markedQuote(first) : '', cited.join('；'), members];
}

export function joinFields(fields: string[]): string {
  // The separator cannot come from a field: control characters are dropped from the text.
  return fields.map((f) => f.replaceAll(FIELD_SEPARATOR, ' ')).join(FIELD_SEPARATOR);
}

/** One tag has no spaces (Anki splits tags on them); "::" nests it under 提法文件 in Anki's browser. */
export function tagText(text: string): string {
  return text.replace(/[\s\u3000]+/g, '_').replace(/:+/g, '_');
}

/** notes.tags: space-separated with a space at each end, as schema 11 stores them. */
export function noteTags(
  card: { kind: CardKind; sourceIds: string[]; leech?: boolean },
  sources: ReadonlyMap<string, Source>,
): string {
  const tags = [
    `提法类型::${KIND_TAGS[card.kind]}`,
    ...card.sourceIds.map((id) => `提法文件::${tagText(sources.get(id)?.title ?? id)}`),
  ];
  if (card.leech) tags.push('leech');
  return ` ${[...new Set(tags)].join(' ')} `;
}

/**
 * notes.csum: the first 8 hex digits of the SHA-1 of the first field with its HTML stripped, as an
 * integer (rslib/src/notes/mod.rs field_checksum). We hash the plain text the field was escaped from.
 */
export function fieldChecksum(plain: string): number {
  const d = sha1(plain);
  return ((d[0] << 24) | (d[1] << 16) | (d[2] << 8) | d[3]) >>> 0;
}
