// Anki fields are HTML. Tifa shows them as plain text: tags dropped (never parsed into a document,
// never run), line breaks kept, entities decoded, sound and image references removed. Pure and
// DOM-free, so it runs in a worker and in Node alike.

const NAMED: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  middot: '·',
  times: '×',
  divide: '÷',
  deg: '°',
  plusmn: '±',
  permil: '‰',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  zwj: '',
  zwnj: '',
  shy: '',
  yen: '¥',
  copy: '©',
  reg: '®',
};

function decodeEntity(whole: string, body: string): string {
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    // Control characters and lone surrogates stay out of the text.
    if (!Number.isFinite(code) || code < 0x20 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
      return code === 9 || code === 10 ? ' ' : '';
    return String.fromCodePoint(code);
  }
  return NAMED[body] ?? NAMED[body.toLowerCase()] ?? whole;
}

const BLOCK_END = /<\/(?:div|p|li|tr|h[1-6]|blockquote|pre|table|ul|ol)\s*>|<(?:br|hr)\b[^>]*>/gi;

/** A field's HTML as plain text: one line per block or <br>, spaces collapsed. */
export function htmlToText(html: string): string {
  const text = html
    // Whole elements whose content is code or markup, not text.
    .replace(/<(script|style|template|noscript|svg|math|object|iframe)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(BLOCK_END, '\n')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    // A stray "<" (not a tag) stays as text; "[sound:x.mp3]" is a media reference.
    .replace(/\[sound:[^\]]*\]/g, '')
    .replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, decodeEntity)
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0\u3000]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

const OPEN = '\ue000';
const CLOSE = '\ue001';

/**
 * A field Tifa wrote (the 原文 of its own note type: the quote with the answer in <b>) as plain text
 * and the spans that were bold, so a round trip keeps the marks. Anything else is read as htmlToText.
 */
export function htmlToMarkedText(html: string): { text: string; marks: Array<[number, number]> } {
  const tagged = html
    .replace(/[\ue000\ue001]/g, '')
    .replace(/<b>/g, OPEN)
    .replace(/<\/b>/g, CLOSE);
  const raw = htmlToText(tagged);
  const marks: Array<[number, number]> = [];
  let text = '';
  let start = -1;
  for (const ch of raw) {
    if (ch === OPEN) start = text.length;
    else if (ch === CLOSE) {
      if (start >= 0 && start < text.length) marks.push([start, text.length]);
      start = -1;
    } else text += ch;
  }
  return { text, marks };
}

/** The 成员 field Tifa wrote (an `<ol>` of `<li>`): each member as plain text, empty ones dropped. */
export function htmlToMembers(html: string): string[] {
  return [...html.matchAll(/<li\b[^>]*>([\s\S]*?)<\/li\s*>/gi)]
    .map((m) => htmlToText(m[1]).replace(/\n/g, ' '))
    .filter(Boolean);
}
