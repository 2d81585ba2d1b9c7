// For the suites that reach a WebDAV server started here (sync, pack): the build asks for a server's
// origin at the click (optional_host_permissions), and a headless browser cannot answer that prompt.
// This copy of the build has the local server's origin granted beforehand, so the same request
// resolves at once; everything else is the build as shipped. The caller removes the folder.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR } from './harness.ts';

export function extensionWithLocalHost(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  assert.equal(manifest.host_permissions, undefined, 'the build itself asks for no host at install');
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, host_permissions: ['http://127.0.0.1/*'] }));
  return dir;
}
