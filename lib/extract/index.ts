// STUB: replaced by the extract branch at merge
// Just enough for the import flow to be built and tested: UTF-8 text, and .html as its body text.
import { ExtractError, type ExtractedDocument, type ExtractInput, type ExtractOptions } from './types';

export * from './types';

export const IMPORT_LIMITS = { bytes: 50 * 1024 * 1024, pages: 2000 } as const;

const CJK = /[\u4e00-\u9fff]/g;

function checked(doc: ExtractedDocument): ExtractedDocument {
  const text = doc.text.replace(/\r\n?/g, '\n').trim();
  if (!text) throw new ExtractError('empty', '文件是空的，没有可导入的文字。');
  const han = text.match(CJK)?.length ?? 0;
  if (han < 20 || han / text.replace(/\s/g, '').length < 0.3) throw new ExtractError('not-chinese', '这份文件几乎没有中文，提法只能从中文文件中制作卡片。');
  return { ...doc, text };
}

function htmlText(html: string): { text: string; title?: string } {
  if (typeof DOMParser !== 'undefined') {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    for (const el of doc.querySelectorAll('script, style, nav, header, footer')) el.remove();
    return { text: doc.body?.innerText ?? doc.body?.textContent ?? '', title: doc.title || undefined };
  }
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.trim();
  const body = html
    .replace(/<(script|style|nav|header|footer)[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/(p|div|h\d|li|br)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ');
  return { text: body, title: title || undefined };
}

export async function extractDocument(input: ExtractInput, opts: ExtractOptions = {}): Promise<ExtractedDocument> {
  if (opts.signal?.aborted) throw new DOMException('已取消', 'AbortError');
  if (input.bytes.length > IMPORT_LIMITS.bytes) throw new ExtractError('too-large', '文件超过 50 MB 的上限，请拆分后再导入。');
  if (!input.bytes.length) throw new ExtractError('empty', '文件是空的，没有可导入的文字。');
  const ext = /\.([^.]+)$/.exec(input.name)?.[1]?.toLowerCase() ?? '';
  opts.onProgress?.({ label: '正在读取文件', done: 0 });
  if (/^(png|jpe?g|gif|webp|bmp|tiff?)$/.test(ext) || input.type?.startsWith('image/')) throw new ExtractError('image', '这是一张图片，提法无法从图片中读取文字。');
  if (ext === 'doc') throw new ExtractError('legacy-doc', '这是旧版 Word（.doc）文件，请在 Word 或 WPS 中另存为 .docx 后再导入。');
  if (ext === 'wps') throw new ExtractError('wps', '这是 WPS 文件（.wps），请在 WPS 中另存为 .docx 后再导入。');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(input.bytes);
  } catch {
    throw new ExtractError('unsupported', '无法读取这种文件。请导入 .txt、.pdf、.docx 或 .html 文件。');
  }
  if (ext === 'html' || ext === 'htm') {
    const { text: body, title } = htmlText(text);
    return checked({ file: input.name, format: 'html', text: body, titleHint: title });
  }
  if (ext !== 'txt' && ext !== '') throw new ExtractError('unsupported', '无法读取这种文件。请导入 .txt、.pdf、.docx 或 .html 文件。');
  return checked({ file: input.name, format: 'txt', text });
}

export function extractPage(doc: Document, url: string): ExtractedDocument {
  const body = doc.body?.cloneNode(true) as HTMLElement | undefined;
  if (!body) throw new ExtractError('no-article', '这个网页上没有找到正文。');
  for (const el of body.querySelectorAll('script, style, nav, header, footer, aside')) el.remove();
  const text = (body.innerText || body.textContent || '').trim();
  if (!text) throw new ExtractError('no-article', '这个网页上没有找到正文。');
  return checked({ file: url, format: 'page', text, titleHint: doc.title || undefined, url });
}
