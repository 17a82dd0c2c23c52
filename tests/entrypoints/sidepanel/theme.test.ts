import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followTheme } from '../../../entrypoints/sidepanel/theme';
import { writeSettings } from '../../../lib/storage/items';

describe('followTheme: the Theme setting on the panel root', () => {
  beforeEach(() => fakeBrowser.reset());
  const root = () => document.createElement('html');
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('nothing stored → system (the OS decides)', async () => {
    const el = root();
    const stop = followTheme(el);
    await expect.poll(() => el.dataset.theme).toBe('system');
    stop();
  });

  it('applies the stored theme at start and each one Settings saves later', async () => {
    await writeSettings({ theme: 'dark' });
    const el = root();
    const stop = followTheme(el);
    await expect.poll(() => el.dataset.theme).toBe('dark');
    await writeSettings({ theme: 'light' });
    await expect.poll(() => el.dataset.theme).toBe('light');
    stop();
    await writeSettings({ theme: 'dark' });
    await settle();
    expect(el.dataset.theme).toBe('light');
  });

  it('a damaged stored theme falls back to system', async () => {
    await fakeBrowser.storage.local.set({ settings: { theme: 'neon' } });
    const el = root();
    const stop = followTheme(el);
    await expect.poll(() => el.dataset.theme).toBe('system');
    stop();
  });
});
