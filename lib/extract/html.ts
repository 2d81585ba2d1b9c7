// Web pages (saved .html/.mhtml, or the page being read) → the article's text with Readability:
// no navigation, comments or footers. The text keeps a line per paragraph.
import { Readability } from '@mozilla/readability';
import { extractError } from './messages';
import { decodeText } from './text';

export interface ArticleText {
  text: string;
  title?: string;
}

const BLOCK = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR CAPTION CENTER DD DIV DL DT FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TBODY TD TH THEAD TR UL'.split(
    ' ',
  ),
);
const CJK = '\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF';

/** An element's text with a line break around every block, whitespace collapsed as a browser shows it. */
export function blockText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) parts.push((node.nodeValue ?? '').replace(/\s+/g, ' '));
    else if (node.nodeType === 1) {
      const tag = (node as Element).tagName.toUpperCase();
      if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') return;
      const block = BLOCK.has(tag);
      if (block) parts.push('\n');
      if (tag === 'TD' || tag === 'TH') parts.push(' ');
      node.childNodes.forEach(walk);
      if (block) parts.push('\n');
    }
  };
  walk(root);
  return parts
    .join('')
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(new RegExp(`(?<=[${CJK}]) +(?=[${CJK}])`, 'g'), '') // a source line break between two characters
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** <title> or og:title without the site's name ("…_中国政府网", "…--时政--人民网", "… | 新华网"). */
export function pageTitle(doc: Document): string | undefined {
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content');
  const raw = (og || doc.querySelector('title')?.textContent || '').replace(/\s+/g, ' ').trim();
  if (!raw) return undefined;
  const parts = raw.split(/\s*(?:_|\||｜|--+|\s[-—–]\s)\s*/).filter(Boolean);
  const first = parts[0] ?? raw;
  return first.length >= 3 ? first : parts.reduce((a, b) => (b.length > a.length ? b : a), first);
}

/** Readability on the document given (it changes it: pass a clone of a live page). */
export function readArticle(doc: Document): ArticleText {
  const title = pageTitle(doc);
  let article: ReturnType<Readability<Node>['parse']>;
  try {
    article = new Readability(doc, { serializer: (node: Node) => node, charThreshold: 200 }).parse();
  } catch {
    throw extractError('damaged');
  }
  const text = article?.content ? blockText(article.content) : '';
  // Fewer than 50 characters of text is a menu or a login form, not an article.
  if ((text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) < 50) throw extractError('no-article');
  const headline = title ?? (article?.title || undefined);
  // Readability drops the headline from the body; the engine finds a document's title in its first lines.
  const opening = text.split('\n', 3).join('\n');
  return { text: headline && !opening.includes(headline) ? `${headline}\n${text}` : text, title: headline };
}

/** HTML bytes → text: a BOM, then a declared <meta charset>, then UTF-8, then GB18030. */
export function decodeHtml(bytes: Uint8Array, charset?: string): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = charset ?? /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
  if (declared && !/^utf-?8$/i.test(declared) && !(bytes[0] === 0xef && bytes[1] === 0xbb)) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // an unknown label: let the bytes speak
    }
  }
  return decodeText(bytes);
}
