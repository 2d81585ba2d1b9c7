// `npm run dev`: serves the demo page on 127.0.0.1:5199 and starts WXT's dev mode, which opens
// Chromium with Tifa loaded. The dev browser maps demo.people.com.cn to that server (wxt.config.ts),
// so the content script's real match patterns apply to the demo page.
import { createServer } from 'node:http';
import { spawn } from 'node:child_process';
import { demoPage } from './demo-page.mjs';

export const DEMO_PORT = 5199;

const server = createServer((req, res) => {
  if (req.url === '/' || req.url?.startsWith('/demo.html')) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(demoPage());
  } else {
    res.writeHead(204).end();
  }
});
server.listen(DEMO_PORT, '127.0.0.1', () => {
  console.log(`提法演示页: http://demo.people.com.cn/demo.html (served from 127.0.0.1:${DEMO_PORT})`);
  const wxt = spawn('npx', ['wxt', ...process.argv.slice(2)], { stdio: 'inherit' });
  const stop = () => wxt.kill('SIGINT');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  wxt.on('exit', (code) => {
    server.close();
    process.exit(code ?? 0);
  });
});
