// A small WebDAV client over fetch, for sync (docs/sync.md). Every failure becomes a SyncError with a
// Chinese message; the message never contains the password or the address's user info.
export type SyncErrorCode =
  'auth' | 'not-found' | 'quota' | 'offline' | 'cert' | 'unreachable' | 'server' | 'permission' | 'invalid' | 'newer';

export class SyncError extends Error {
  /** The HTTP status, when the server answered. */
  status?: number;

  constructor(
    message: string,
    readonly code: SyncErrorCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SyncError';
  }
}

export interface DavConfig {
  /** The folder's address, e.g. https://dav.jianguoyun.com/dav/tifa/ */
  url: string;
  user: string;
  password: string;
}

export interface DavEntry {
  name: string;
  dir: boolean;
}

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

const MESSAGES: Record<number, [string, SyncErrorCode]> = {
  401: ['用户名或应用密码不对，请检查后重试（坚果云等网盘要用“应用密码”，不是登录密码）。', 'auth'],
  403: ['服务器拒绝访问这个文件夹：请确认这个账号有读写权限。', 'auth'],
  404: ['服务器上没有这个文件夹，请检查地址（先在网盘里建好这个文件夹）。', 'not-found'],
  507: ['网盘空间已满，无法同步：请清理网盘空间后再试。', 'quota'],
};

const CERT = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|SSL|certificate/i;

function causeCode(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, i = 0; e && i < 4; e = (e as { cause?: unknown }).cause, i++) {
    const o = e as { code?: unknown; message?: unknown };
    parts.push(String(o.code ?? ''), String(o.message ?? ''));
  }
  return parts.join(' ');
}

/** The Chinese message for a request that never got an answer. */
export function networkError(err: unknown, url: string, online = globalThis.navigator?.onLine ?? true): SyncError {
  if ((err as { name?: string })?.name === 'TimeoutError')
    return new SyncError('服务器长时间没有响应，请稍后再试。', 'unreachable', { cause: err });
  if (!online) return new SyncError('本机没有联网，联网后会自动同步。', 'offline', { cause: err });
  const detail = causeCode(err);
  if (CERT.test(detail))
    return new SyncError('服务器的证书无效（证书错误或已过期），为了安全没有连接。请检查地址是否正确。', 'cert', {
      cause: err,
    });
  if (/ENOTFOUND|EAI_AGAIN/.test(detail))
    return new SyncError('找不到这个服务器，请检查地址是否正确，或本机是否联网。', 'unreachable', { cause: err });
  const https = url.startsWith('https:') ? '，或服务器的证书无效' : '';
  return new SyncError(`无法连接到同步服务器：服务器没有开启、地址不对${https}。`, 'unreachable', { cause: err });
}

export function statusError(status: number): SyncError {
  const known = MESSAGES[status];
  const err = known
    ? new SyncError(known[0], known[1])
    : new SyncError(`同步服务器出错（HTTP ${status}），请稍后再试。`, 'server');
  err.status = status;
  return err;
}

function utf8Base64(s: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(s)) bin += String.fromCharCode(b);
  return btoa(bin);
}

const decodeEntities = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()];
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code < 0x110000 ? String.fromCodePoint(code) : m;
  });

/** The children of a PROPFIND Depth: 1 answer (the folder itself left out), read without a DOM. */
export function parseMultistatus(xml: string, folderPath: string): DavEntry[] {
  const out: DavEntry[] = [];
  const self = decodeURIComponent(folderPath).replace(/\/+$/, '');
  for (const m of xml.matchAll(/<(?:[\w-]+:)?response[\s>][\s\S]*?<\/(?:[\w-]+:)?response>/gi)) {
    const block = m[0];
    const href = /<(?:[\w-]+:)?href[^>]*>([^<]*)<\/(?:[\w-]+:)?href>/i.exec(block)?.[1];
    if (!href) continue;
    let path: string;
    try {
      path = decodeURIComponent(new URL(decodeEntities(href.trim()), 'http://x/').pathname).replace(/\/+$/, '');
    } catch {
      continue;
    }
    if (path === self) continue;
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (!name) continue;
    out.push({ name, dir: /<(?:[\w-]+:)?collection\s*\/?>/i.test(block) });
  }
  return out;
}

export class DavClient {
  private readonly base: URL;
  private readonly auth: string;

  constructor(
    config: DavConfig,
    private readonly fetcher: Fetch = (input, init) => fetch(input, init),
    private readonly timeoutMs = 60_000,
  ) {
    let base: URL;
    try {
      base = new URL(config.url.trim().endsWith('/') ? config.url.trim() : `${config.url.trim()}/`);
    } catch {
      throw new SyncError('同步地址无效：请填写完整的地址，例如 https://dav.jianguoyun.com/dav/提法/', 'invalid');
    }
    if (base.protocol !== 'https:' && base.protocol !== 'http:')
      throw new SyncError('同步地址必须以 https:// 开头。', 'invalid');
    base.username = '';
    base.password = '';
    this.base = base;
    this.auth = `Basic ${utf8Base64(`${config.user}:${config.password}`)}`;
  }

  /** The origin the extension must be allowed to reach (optional host permission). */
  get origin(): string {
    return this.base.origin;
  }

  url(path: string): string {
    return new URL(path.split('/').map(encodeURIComponent).join('/'), this.base).href;
  }

  async request(
    method: string,
    path: string,
    init: { body?: string; headers?: Record<string, string>; ok?: number[] } = {},
  ): Promise<Response> {
    const url = this.url(path);
    let res: Response;
    try {
      res = await this.fetcher(url, {
        method,
        body: init.body,
        headers: { Authorization: this.auth, ...init.headers },
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'follow',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw networkError(err, url);
    }
    if (!(init.ok ?? []).includes(res.status) && !res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw statusError(res.status);
    }
    return res;
  }

  async list(path: string): Promise<DavEntry[]> {
    const res = await this.request('PROPFIND', path.endsWith('/') || !path ? path : `${path}/`, {
      headers: { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' },
      body: '<?xml version="1.0" encoding="utf-8"?><propfind xmlns="DAV:"><prop><resourcetype/></prop></propfind>',
    });
    const text = await res.text();
    if (text.length > 20 * 1024 * 1024) throw new SyncError('同步文件夹的目录太大，无法读取。', 'server');
    return parseMultistatus(text, new URL(this.url(path)).pathname);
  }

  /** MKCOL; a folder already there (405) is fine. */
  async ensureFolder(path: string): Promise<void> {
    await this.request('MKCOL', `${path.replace(/\/+$/, '')}/`, { ok: [405] });
  }

  async getText(path: string, maxBytes: number): Promise<string> {
    const res = await this.request('GET', path);
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > maxBytes) throw new SyncError('同步文件太大，已拒绝读取。', 'invalid');
    let buf: ArrayBuffer;
    try {
      buf = await res.arrayBuffer();
    } catch (err) {
      throw new SyncError('同步文件没有下载完整（连接中断），下次同步会重新下载。', 'unreachable', { cause: err });
    }
    if (buf.byteLength > maxBytes) throw new SyncError('同步文件太大，已拒绝读取。', 'invalid');
    if (declared && buf.byteLength !== declared)
      throw new SyncError('同步文件没有下载完整，下次同步会重新下载。', 'unreachable');
    return new TextDecoder('utf-8', { fatal: false }).decode(buf);
  }

  async put(path: string, body: string): Promise<void> {
    await this.request('PUT', path, { body, headers: { 'Content-Type': 'application/octet-stream' } });
  }

  /** MOVE (without overwriting unless asked): the final name appears whole, or not at all. */
  async move(from: string, to: string, overwrite = false): Promise<void> {
    await this.request('MOVE', from, { headers: { Destination: this.url(to), Overwrite: overwrite ? 'T' : 'F' } });
  }

  async remove(path: string): Promise<void> {
    await this.request('DELETE', path, { ok: [404] });
  }
}
