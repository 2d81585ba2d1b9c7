// Reading files into text for the engine: one entry for files, one for the page being read.
// Runs in an extension page, a dedicated Worker (Chromium, Firefox) and Node (the CLI passes its env).
import { browserEnv } from './env';
import { readDocx } from './docx';
import { decodeHtml, readArticle } from './html';
import { extractError, IMPORT_LIMITS } from './messages';
import { mhtmlPage } from './mhtml';
import { readPdf } from './pdf';
import { sniff } from './sniff';
import { decodeText, requireChinese, tidyText } from './text';
import {
  ExtractError,
  type ExtractedDocument,
  type ExtractInput,
  type ExtractOptions,
  type ImportFormat,
  type ImportLimits,
} from './types';

export { IMPORT_LIMITS, messageOf } from './messages';
export * from './types';

interface Read {
  text: string;
  title?: string;
  pages?: number;
  url?: string;
}

/** A title the container states, without what tools add to it ("Microsoft Word - 报告.docx"). */
function cleanTitle(title: string | undefined): string | undefined {
  const t = title
    ?.replace(/^Microsoft (Word|PowerPoint) - /, '')
    .replace(/\.(docx?|wps|pdf|txt)$/i, '')
    .trim();
  return t && /[\u4E00-\u9FFF]/.test(t) ? t : undefined;
}

function finish(file: string, format: ImportFormat, read: Read): ExtractedDocument {
  const text = requireChinese(tidyText(read.text));
  const doc: ExtractedDocument = { file, format, text };
  const titleHint = cleanTitle(read.title);
  if (titleHint) doc.titleHint = titleHint;
  if (read.url) doc.url = read.url;
  if (read.pages) doc.pages = read.pages;
  return doc;
}

/**
 * A file's bytes → its text. The kind is told by the first bytes, the name, then the MIME type.
 * Throws ExtractError with a Chinese message for everything that cannot be imported.
 */
export async function extractDocument(input: ExtractInput, opts: ExtractOptions = {}): Promise<ExtractedDocument> {
  const limits: ImportLimits = {
    bytes: Math.min(IMPORT_LIMITS.bytes, opts.limits?.bytes ?? Infinity),
    pages: Math.min(IMPORT_LIMITS.pages, opts.limits?.pages ?? Infinity),
  };
  if (input.bytes.length > limits.bytes) throw extractError('too-large', limits);
  const kind = sniff(input.name, input.bytes, input.type);
  if ('refuse' in kind) throw extractError(kind.refuse, limits);
  const env = opts.env ?? browserEnv();
  const { bytes } = input;
  opts.onProgress?.({ label: '正在读取文件', done: 0 });
  let read: Read;
  try {
    switch (kind.format) {
      case 'pdf':
        read = await readPdf(bytes, env.pdf, limits, opts);
        break;
      case 'docx':
        read = await readDocx(bytes);
        break;
      case 'html':
        read = readArticle(await env.parseHtml(decodeHtml(bytes)));
        break;
      case 'mhtml': {
        const page = mhtmlPage(bytes);
        read = { ...readArticle(await env.parseHtml(decodeHtml(page.bytes, page.charset))), url: page.url };
        break;
      }
      default:
        read = { text: decodeText(bytes) };
    }
  } catch (error) {
    if (error instanceof ExtractError || (error as Error)?.name === 'AbortError') throw error;
    throw extractError('damaged');
  }
  return finish(input.name, kind.format, read);
}

/** Text the user pasted: the same clean-up and checks as a file's text. */
export function extractPasted(text: string, name = '粘贴的文字'): ExtractedDocument {
  return finish(name, 'paste', { text });
}

/** The article of the page the user is reading (Readability works on a clone; the page is untouched). */
export function extractPage(doc: Document, url: string): ExtractedDocument {
  const article = readArticle(doc.cloneNode(true) as Document);
  return finish(url, 'page', { ...article, url });
}
