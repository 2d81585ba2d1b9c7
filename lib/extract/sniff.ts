// Which reader a file goes to: its first bytes decide where they are clear, then the name, then the MIME type.
import type { ExtractErrorCode, ImportFormat } from './types';

export type Sniffed = { format: Exclude<ImportFormat, 'page' | 'paste'> } | { refuse: ExtractErrorCode };

const starts = (bytes: Uint8Array, magic: number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

function isImage(b: Uint8Array): boolean {
  return (
    starts(b, [0x89, 0x50, 0x4e, 0x47]) || // PNG
    starts(b, [0xff, 0xd8, 0xff]) || // JPEG
    ascii(b, 0, 4) === 'GIF8' ||
    (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') ||
    (starts(b, [0x42, 0x4d]) && b.length > 26 && ascii(b, 6, 10) === '\0\0\0\0') || // BMP
    starts(b, [0x49, 0x49, 0x2a, 0x00]) ||
    starts(b, [0x4d, 0x4d, 0x00, 0x2a]) || // TIFF
    (ascii(b, 4, 8) === 'ftyp' && /^(heic|heix|avif|mif1)/.test(ascii(b, 8, 12)))
  );
}

const IMAGE_NAMES = new Set(['png', 'jpg', 'jpeg', 'gif', 'bmp', 'webp', 'tif', 'tiff', 'heic', 'avif', 'svg']);
// Text-like formats whose bytes would pass for plain text but are markup of another program.
const OTHER_NAMES = new Set(['rtf', 'odt', 'xml', 'json', 'csv', 'ofd', 'xls', 'xlsx', 'ppt', 'pptx', 'epub']);

export function sniff(name: string, bytes: Uint8Array, type = ''): Sniffed {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const mime = type.toLowerCase();
  if (bytes.length === 0) return { refuse: 'empty' };
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return { format: 'pdf' };
  if (starts(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // OLE2: Word 97–2003, WPS, or an encrypted OOXML file (Office keeps those in an OLE envelope).
    if (ext === 'wps') return { refuse: 'wps' };
    if (ext === 'docx') return { refuse: 'encrypted' };
    return { refuse: ext === 'doc' || ext === 'dot' || mime === 'application/msword' ? 'legacy-doc' : 'unsupported' };
  }
  if (ext === 'wps') return { refuse: 'wps' };
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return ext === 'docx' || ext === 'docm' || mime.includes('wordprocessingml')
      ? { format: 'docx' }
      : { refuse: 'unsupported' };
  }
  if (isImage(bytes) || mime.startsWith('image/') || IMAGE_NAMES.has(ext)) return { refuse: 'image' };
  if (OTHER_NAMES.has(ext)) return { refuse: 'unsupported' };
  if (ext === 'mhtml' || ext === 'mht' || mime === 'multipart/related' || mime === 'message/rfc822')
    return { format: 'mhtml' };
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml' || mime === 'text/html' || mime === 'application/xhtml+xml')
    return { format: 'html' };
  if (ext === 'doc') return { refuse: 'legacy-doc' };
  if (ext === 'docx') return { refuse: 'damaged' };
  // Text: a known text name or type, or any bytes without the NULs that mark a binary file
  // (UTF-16 text has them, but it starts with a BOM).
  const utf16 = starts(bytes, [0xff, 0xfe]) || starts(bytes, [0xfe, 0xff]);
  if (utf16 || !bytes.subarray(0, 4096).includes(0)) {
    const head = ascii(bytes, 0, 1024).replace(/^\xEF\xBB\xBF/, '');
    if (/^\s*<(!doctype html|html)/i.test(head)) return { format: 'html' };
    if (/^(from|mime-version|subject|date|snapshot-content-location):/i.test(head) && /multipart\/related/i.test(head))
      return { format: 'mhtml' };
    return { format: 'txt' };
  }
  return { refuse: 'unsupported' };
}
