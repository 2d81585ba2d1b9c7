// The welcome page opens on a fresh install only: never on an extension or browser update.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openWelcome } from '../../entrypoints/background/welcome';

beforeEach(() => fakeBrowser.reset());

describe('openWelcome', () => {
  it('opens welcome.html on install', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await openWelcome('install');
    expect(create.mock.calls).toEqual([[{ url: fakeBrowser.runtime.getURL('/welcome.html') }]]);
  });

  it.each(['update', 'chrome_update', 'shared_module_update'])('opens nothing on %s', async (reason) => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await openWelcome(reason);
    expect(create).not.toHaveBeenCalled();
  });
});
