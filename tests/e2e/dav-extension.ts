// For the suites that reach a WebDAV server started here (sync, pack): the build asks for a server's
// origin at the click (optional_host_permissions), and a headless browser cannot answer that prompt.
// This copy of the build has the local server's origin granted beforehand, so the same request
// resolves at once; everything else is the build as shipped.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { after } from 'node:test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, ensureBuilt, launchTifa, type Tifa } from './harness.ts';
import { startDav, type DavServer } from '../sync/dav-server.ts';

function extensionWithLocalHost(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  assert.equal(manifest.host_permissions, undefined, 'the build itself asks for no host at install');
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, host_permissions: ['http://127.0.0.1/*'] }));
  return dir;
}

/**
 * A WebDAV server and two Tifa profiles on that copy of the build, for a whole suite: call it at the top of
 * the file; the profiles, the server and the copy go after the suite's last test.
 */
export async function twoProfilesOverDav(
  prefix: string,
  davOptions?: Parameters<typeof startDav>[0],
): Promise<{ dav: DavServer; profiles: [Tifa, Tifa] }> {
  ensureBuilt();
  const dav = await startDav(davOptions);
  const extensionDir = extensionWithLocalHost(prefix);
  const profiles: [Tifa, Tifa] = [await launchTifa({ extensionDir }), await launchTifa({ extensionDir })];
  after(async () => {
    for (const profile of profiles) await profile.close();
    await dav.close();
    rmSync(extensionDir, { recursive: true, force: true });
  });
  return { dav, profiles };
}
