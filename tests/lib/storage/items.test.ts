import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import { readSettings, watchSettings, writeSettings } from '../../../lib/storage/items';

// What a damaged or hand-edited `settings` key can hold, as storage.local returns it.
const store = (value: unknown) => fakeBrowser.storage.local.set({ settings: value });

/** Settings from before connections: the one server becomes the connection "Local". */
const onlyServer = (baseUrl: string) => ({ baseUrl, connections: [{ id: 'local', name: 'Local', baseUrl, headers: [] }], defaultConnection: 'local' });

describe('readSettings: whatever storage holds, every field is usable', () => {
  beforeEach(() => fakeBrowser.reset());

  it('nothing stored → the defaults', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it.each([null, 'garbage', 0, [], [1, 2]])('a stored %j → the defaults', async (value) => {
    await store(value);
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('bad fields fall back one by one and good ones are kept', async () => {
    await store({
      baseUrl: 'http://box.lan:11434/',
      defaultModel: null,
      stallTimeoutMs: -1,
      firstTokenTimeoutMs: 'soon',
      autoStart: false,
      retryDelayMs: null, // what JSON makes of NaN
      selectionLimit: 2000,
      customPrompts: 'none',
    });
    expect(await readSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      ...onlyServer('http://box.lan:11434'),
      autoStart: false,
      selectionLimit: 2000,
    });
  });

  it('writing a patch over a corrupt value stores a clean, complete object', async () => {
    await store({ baseUrl: 'http://*:1', stallTimeoutMs: Number.NaN, junk: true });
    await writeSettings({ defaultModel: 'qwen3' });
    const { settings } = await fakeBrowser.storage.local.get('settings');
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, defaultModel: 'qwen3' });
  });

  it('watchers get sanitized settings too', async () => {
    const seen: Settings[] = [];
    const stop = watchSettings((s) => seen.push(s));
    await store({ baseUrl: 'http://127.0.0.1:9', selectionLimit: -5 });
    stop();
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, ...onlyServer('http://127.0.0.1:9') }]);
  });
});
