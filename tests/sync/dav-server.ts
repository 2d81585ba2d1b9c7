// A real WebDAV server for the sync tests and the bench (the webdav-server package, files on disk in
// a temporary folder), behind a small proxy that can inject faults: answer 401 or 507, refuse
// connections (server down), or cut the connection halfway through an upload or a download.
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import { v2 as webdav } from 'webdav-server';

export type Fault = 'none' | '401' | '507' | 'down' | 'cut-upload' | 'cut-download';

export interface DavServer {
  /** The sync folder's address, through the proxy. */
  url: string;
  port: number;
  user: string;
  password: string;
  /** Where the files are on disk. */
  dir: string;
  fault: Fault;
  /** Lets `after` requests of `method` through, then drops the connection of every later one. */
  cut?: { method: string; after: number };
  /** Requests seen by the proxy: "PUT /sync/…". */
  requests: string[];
  close(): Promise<void>;
}

const listen = (server: Server, port = 0) =>
  new Promise<number>((resolve) =>
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

/** Passes on the first half of a body (by its Content-Length), then cuts. */
function forwardHalf(from: IncomingMessage, write: (part: Buffer) => void, cut: () => void): void {
  const half = Math.max(1, Math.floor(Number(from.headers['content-length'] ?? 2) / 2));
  let sent = 0;
  from.on('data', (chunk: Buffer) => {
    if (sent >= half) return;
    const part = chunk.subarray(0, half - sent);
    sent += part.length;
    write(part);
    if (sent >= half) setTimeout(cut, 20);
  });
}

export async function startDav(options: { folder?: string; port?: number } = {}): Promise<DavServer> {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-dav-'));
  const user = 'cadre';
  const password = 'app-密码-1';
  const users = new webdav.SimpleUserManager();
  const account = users.addUser(user, password, false);
  const rights = new webdav.SimplePathPrivilegeManager();
  rights.setRights(account, '/', ['all']);
  const dav = new webdav.WebDAVServer({
    httpAuthentication: new webdav.HTTPBasicAuthentication(users, 'tifa'),
    privilegeManager: rights,
    rootFileSystem: new webdav.PhysicalFileSystem(dir),
    maxRequestDepth: 1,
  });
  const folder = options.folder ?? 'sync';
  await new Promise<void>((resolve, reject) =>
    dav
      .rootFileSystem()
      .addSubTree(dav.createExternalContext(), { [folder]: webdav.ResourceType.Directory }, (e) =>
        e ? reject(e) : resolve(),
      ),
  );
  const backend = createServer((req, res) => dav.executeRequest(req, res));
  const backendPort = await listen(backend);
  const sockets = new Set<Socket>();
  const state: DavServer = {
    url: '',
    port: 0,
    user,
    password,
    dir,
    fault: 'none',
    requests: [],
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => proxy.close(r));
      await new Promise((r) => backend.close(r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const proxy = createServer((req: IncomingMessage, res: ServerResponse) => {
    state.requests.push(`${req.method} ${req.url}`);
    const fault = state.fault;
    if (fault === 'down') return void req.socket.destroy();
    const cut = state.cut;
    if (cut && cut.method === req.method && cut.after-- <= 0) return void req.socket.destroy();
    if (fault === '401' || fault === '507') {
      res.writeHead(Number(fault), fault === '401' ? { 'WWW-Authenticate': 'Basic realm="tifa"' } : {});
      return void res.end();
    }
    const cutUpload = fault === 'cut-upload' && req.method === 'PUT';
    const cutDownload = fault === 'cut-download' && req.method === 'GET';
    const upstream = request(
      { host: '127.0.0.1', port: backendPort, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        if (!cutDownload) return void up.pipe(res);
        // Half the body, then the connection drops.
        forwardHalf(
          up,
          (part) => res.write(part),
          () => req.socket.destroy(),
        );
      },
    );
    upstream.on('error', () => res.destroy());
    if (!cutUpload) return void req.pipe(upstream);
    // The server receives half the body, then both connections drop.
    forwardHalf(
      req,
      (part) => upstream.write(part),
      () => (upstream.destroy(), req.socket.destroy()),
    );
  });
  proxy.on('connection', (s) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
  state.port = await listen(proxy, options.port);
  state.url = `http://127.0.0.1:${state.port}/${folder}/`;
  return state;
}
