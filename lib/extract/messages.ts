// One Chinese message per reason a file cannot be read; a library's English error never reaches the user.
import { ExtractError, type ExtractErrorCode, type ImportLimits } from './types';

export const IMPORT_LIMITS: ImportLimits = { bytes: 50 * 1024 * 1024, pages: 2000 };

const MESSAGES: Record<ExtractErrorCode, (limits: ImportLimits) => string> = {
  empty: () => '文件是空的，没有可导入的文字',
  'too-large': (l) =>
    `文件太大：最多可导入 ${Math.round(l.bytes / 1024 / 1024)} MB、${l.pages} 页以内的文件，请拆分后再导入`,
  scanned: () => '这是扫描件，没有可提取的文字',
  encrypted: () => '文件设有密码保护，请先取消密码再导入',
  'legacy-doc': () => '这是旧版 Word 文档（.doc），请在 Word 或 WPS 中另存为 .docx 或 PDF 后再导入',
  wps: () => '这是 WPS 文档（.wps），请在 WPS 中另存为 .docx 或 PDF 后再导入',
  image: () => '这是图片，没有可提取的文字；请导入带文字的 PDF、Word 或文本文件',
  unsupported: () => '不支持这种文件，请导入 PDF、Word（.docx）、网页（.html/.mhtml）或文本文件（.txt）',
  'not-chinese': () => '文件中几乎没有中文，无法从中提取提法',
  'no-article': () => '没有找到正文：这个网页看起来不是一篇文章，请在文章页面上导入',
  damaged: () => '文件已损坏或格式异常，无法读取',
};

/** The Chinese message for a code; the too-large one states the limits. */
export function messageOf(code: ExtractErrorCode, limits: ImportLimits = IMPORT_LIMITS): string {
  return MESSAGES[code](limits);
}

export function extractError(code: ExtractErrorCode, limits?: ImportLimits): ExtractError {
  return new ExtractError(code, messageOf(code, limits));
}
