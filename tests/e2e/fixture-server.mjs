// The fixture pages (tests/fixtures/pages) served on 127.0.0.1, and the news-site host names the
// browsers under test resolve to it, so that the content script's real match patterns apply.
// Plain JavaScript: shared by the Chromium e2e harness (harness.ts) and the manual Firefox check
// (scripts/firefox-check), which runs without a TypeScript loader.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/pages');

/** Hosts that resolve to the fixture server in the browsers under test. */
export const MAPPED_HOSTS = ['www.people.com.cn', 'www.news.cn', 'www.qstheory.cn', 'example.test'];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/** Serves the fixture pages on 127.0.0.1 with an ephemeral port. */
export async function serveFixtures() {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '');
    if (path === 'favicon.ico') {
      res.writeHead(204).end(); // browsers ask for it; a 404 would show up as a console error
      return;
    }
    const file = join(FIXTURES, path);
    if (!file.startsWith(FIXTURES) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
    // Pages named *.csp.html get a strict CSP, as many government sites send.
    if (file.endsWith('.csp.html'))
      headers['content-security-policy'] = "default-src 'self'; script-src 'self'; style-src 'self'";
    res.writeHead(200, headers).end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    port,
    url: (p) => `http://127.0.0.1:${port}/${p.replace(/^\//, '')}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
