// A page saved as MHTML ("网页，单个文件"): a MIME multipart message; the first text/html part is the page.
import { extractError } from './messages';

export interface MhtmlPage {
  bytes: Uint8Array;
  charset?: string;
  url?: string;
}

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

function header(block: string, name: string): string | undefined {
  // Folded header lines continue with whitespace.
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded)?.[1]?.trim();
}

function decodeBody(body: string, encoding = ''): Uint8Array {
  switch (encoding.toLowerCase()) {
    case 'base64':
      return latin1(atob(body.replace(/[^A-Za-z0-9+/=]/g, '')));
    case 'quoted-printable':
      return latin1(
        body
          .replace(/=\r?\n/g, '')
          .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      );
    default:
      return latin1(body);
  }
}

export function mhtmlPage(bytes: Uint8Array): MhtmlPage {
  const raw = new TextDecoder('latin1').decode(bytes);
  const split = raw.search(/\r?\n\r?\n/);
  const top = split < 0 ? raw : raw.slice(0, split);
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(top.replace(/\r?\n[ \t]+/g, ' '))?.[1];
  if (!boundary) throw extractError('damaged');
  const url = header(top, 'Snapshot-Content-Location');
  for (const part of raw.split(`--${boundary}`).slice(1)) {
    const end = part.search(/\r?\n\r?\n/);
    if (end < 0) continue;
    const head = part.slice(0, end);
    const type = header(head, 'Content-Type') ?? '';
    if (!/^text\/html/i.test(type)) continue;
    const body = part
      .slice(end)
      .replace(/^\r?\n\r?\n/, '')
      .replace(/\r?\n$/, '');
    const charset = /charset="?([\w-]+)"?/i.exec(type)?.[1];
    return {
      bytes: decodeBody(body, header(head, 'Content-Transfer-Encoding')),
      charset,
      url: url ?? header(head, 'Content-Location'),
    };
  }
  throw extractError('no-article');
}
