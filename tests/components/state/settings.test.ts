import { describe, expect, it, vi } from 'vitest';
import { createSettingsModel } from '../../../components/state/settings';
import type { PermissionsApi } from '../../../lib/origin/permissions';
import { type Settings, sanitizeSettings } from '../../../lib/settings';

/** Behaves like browser.permissions: required (manifest) origins cannot be removed. */
function fakePermissions(grantedAtStart: string[] = []) {
  const required = new Set(['http://localhost/*', 'http://127.0.0.1/*']);
  const granted = new Set(grantedAtStart);
  const state = { answer: true };
  const api = {
    request: vi.fn(async ({ origins }: { origins: string[] }) => {
      if (!state.answer) return false;
      for (const o of origins) granted.add(o);
      return true;
    }),
    remove: vi.fn(async ({ origins }: { origins: string[] }) => {
      if (origins.some((o) => required.has(o))) throw new Error('You cannot remove required permissions.');
      for (const o of origins) granted.delete(o);
      return true;
    }),
  } satisfies PermissionsApi;
  return { api, granted, state };
}

function setup(opts: { granted?: boolean; stored?: Partial<Settings>; grants?: string[] } = {}) {
  const perms = fakePermissions(opts.grants);
  perms.state.answer = opts.granted ?? true;
  // As lib/storage/items.ts does it: every read sanitized, a write merges a patch into that.
  let stored: unknown = opts.stored ?? {};
  const deps = {
    permissions: perms.api,
    write: vi.fn(async (patch: Partial<Settings>) => {
      stored = { ...sanitizeSettings(stored), ...patch };
    }),
    read: vi.fn(async () => sanitizeSettings(stored)),
  };
  return { deps, perms, model: createSettingsModel(deps), stored: () => sanitizeSettings(stored) };
}

async function saveUrl(model: ReturnType<typeof setup>['model'], url: string) {
  await model.load();
  model.setBaseUrl(url);
  return model.save();
}

describe('settings model', () => {
  it('loads the defaults', async () => {
    const { model } = setup();
    await model.load();
    expect(model.baseUrl.value).toBe('http://localhost:11434');
    expect(model.defaultModel.value).toBe('llama3');
  });

  it('an invalid URL gives an inline error and saves nothing', async () => {
    const { model, deps } = setup();
    expect(await saveUrl(model, 'localhost:11434')).toBe(false);
    expect(model.error.value).toContain('http://');
    expect(deps.write).not.toHaveBeenCalled();
  });

  it.each(['http://*:11434', 'http://*.lan:11434', 'http://box%2A.lan', 'http://box.lan/*'])(
    'a wildcard URL (%s) gives the inline error; no permission is asked, nothing saved',
    async (url) => {
      const { model, deps, perms } = setup();
      expect(await saveUrl(model, url)).toBe(false);
      expect(model.error.value).toContain('wildcards (*) are not allowed');
      expect(perms.api.request).not.toHaveBeenCalled();
      expect(deps.write).not.toHaveBeenCalled();
    },
  );

  it('a local URL saves without asking for permission', async () => {
    const { model, deps, perms } = setup();
    expect(await saveUrl(model, 'http://127.0.0.1:11435/')).toBe(true);
    expect(perms.api.request).not.toHaveBeenCalled();
    expect(deps.write).toHaveBeenCalledWith({
      baseUrl: 'http://127.0.0.1:11435',
      defaultModel: 'llama3',
      selectionLimit: 8000,
      customPrompts: [],
      autoStart: true,
      sendKey: 'enter',
      theme: 'system',
    });
    expect(model.saved.value).toBe(true);
  });

  it('the send key loads, and saves with the rest', async () => {
    const { model, stored } = setup({ stored: { sendKey: 'ctrl-enter' } });
    await model.load();
    expect(model.sendKey.value).toBe('ctrl-enter');
    model.setSendKey('enter');
    expect(model.saved.value).toBe(false);
    expect(await model.save()).toBe(true);
    expect(stored().sendKey).toBe('enter');
  });

  it('a remote URL asks for that host, and a refusal saves nothing', async () => {
    const { model, deps, perms } = setup({ granted: false });
    expect(await saveUrl(model, 'http://gpu-box.lan:11434')).toBe(false);
    expect(perms.api.request).toHaveBeenCalledWith({ origins: ['http://gpu-box.lan/*'] });
    expect(deps.write).not.toHaveBeenCalled();
    expect(model.error.value).toContain('gpu-box.lan');
  });
});

describe('settings model: runtime host permissions are given back once unused', () => {
  it('remote → local: the remote grant is removed, the manifest ones never', async () => {
    const { model, perms, stored } = setup({ stored: { baseUrl: 'https://gpu.lan' }, grants: ['https://gpu.lan/*'] });
    expect(await saveUrl(model, 'http://localhost:11434')).toBe(true);
    expect(stored().baseUrl).toBe('http://localhost:11434');
    expect(perms.api.remove).toHaveBeenCalledExactlyOnceWith({ origins: ['https://gpu.lan/*'] });
    expect([...perms.granted]).toEqual([]);
  });

  it('remote → another remote: the new host is granted, the old one removed', async () => {
    const { model, perms } = setup({ stored: { baseUrl: 'http://a.lan:11434' }, grants: ['http://a.lan/*'] });
    expect(await saveUrl(model, 'https://b.lan/ollama')).toBe(true);
    expect(perms.api.request).toHaveBeenCalledWith({ origins: ['https://b.lan/*'] });
    expect([...perms.granted]).toEqual(['https://b.lan/*']);
  });

  it('the same host on another port or path keeps its grant', async () => {
    const { model, perms } = setup({ stored: { baseUrl: 'http://a.lan:11434' }, grants: ['http://a.lan/*'] });
    expect(await saveUrl(model, 'http://a.lan:8080/ollama')).toBe(true);
    expect(perms.api.remove).not.toHaveBeenCalled();
    expect([...perms.granted]).toEqual(['http://a.lan/*']);
  });

  it('http → https on the same host: the http grant is removed', async () => {
    const { model, perms } = setup({ stored: { baseUrl: 'http://a.lan:11434' }, grants: ['http://a.lan/*'] });
    expect(await saveUrl(model, 'https://a.lan')).toBe(true);
    expect([...perms.granted]).toEqual(['https://a.lan/*']);
  });

  it.each([
    ['http://localhost:11434', 'http://127.0.0.1:9'],
    ['http://127.0.0.1:11434', 'http://gpu.lan:11434'],
    ['http://localhost:11434', 'http://localhost:11435'],
  ])('from a local URL (%s → %s) nothing is removed', async (before, after) => {
    const { model, perms } = setup({ stored: { baseUrl: before } });
    expect(await saveUrl(model, after)).toBe(true);
    expect(perms.api.remove).not.toHaveBeenCalled();
  });

  it('a refused grant for the new host keeps the old one and saves nothing', async () => {
    const { model, perms, deps } = setup({ granted: false, stored: { baseUrl: 'http://a.lan:11434' }, grants: ['http://a.lan/*'] });
    expect(await saveUrl(model, 'http://b.lan:11434')).toBe(false);
    expect(deps.write).not.toHaveBeenCalled();
    expect(perms.api.remove).not.toHaveBeenCalled();
    expect([...perms.granted]).toEqual(['http://a.lan/*']);
  });

  it('a removal the browser refuses does not undo or fail the save', async () => {
    const { model, perms, stored } = setup({ stored: { baseUrl: 'http://a.lan:11434' } });
    perms.api.remove.mockRejectedValueOnce(new Error('Permission is not granted'));
    expect(await saveUrl(model, 'http://localhost:11434')).toBe(true);
    expect(stored().baseUrl).toBe('http://localhost:11434');
    expect(model.error.value).toBeNull();
    expect(perms.api.remove).toHaveBeenCalledWith({ origins: ['http://a.lan/*'] });
  });

  it('compares with what is stored now, not what the form loaded (another panel may have saved since)', async () => {
    const { model, perms, deps } = setup({ stored: { baseUrl: 'http://localhost:11434' } });
    await model.load();
    await deps.write({ baseUrl: 'http://other.lan:11434' }); // saved elsewhere meanwhile
    perms.granted.add('http://other.lan/*');
    model.setBaseUrl('http://localhost:11434');
    expect(await model.save()).toBe(true);
    expect([...perms.granted]).toEqual([]);
  });
});

describe("settings model: the URL field is the default connection's", () => {
  const gpu = { id: 'gpu', name: 'GPU box', baseUrl: 'https://gpu.lan', headers: [{ name: 'Authorization', value: 'Bearer t' }] };
  const a = { id: 'local', name: 'Local', baseUrl: 'http://a.lan:11434', headers: [] };

  it('saving it changes that connection only; a grant another connection still needs is kept', async () => {
    const { model, perms, stored } = setup({ stored: { connections: [a, gpu], defaultConnection: 'local' }, grants: ['http://a.lan/*', 'https://gpu.lan/*'] });
    expect(await saveUrl(model, 'http://localhost:11434')).toBe(true);
    expect(stored().connections).toEqual([{ ...a, baseUrl: 'http://localhost:11434' }, gpu]);
    expect([...perms.granted]).toEqual(['https://gpu.lan/*']);
  });

  it('moving the default onto a host another connection uses gives nothing back', async () => {
    const { model, perms } = setup({
      stored: { connections: [a, { ...gpu, baseUrl: 'http://a.lan:8080' }], defaultConnection: 'local' },
      grants: ['http://a.lan/*'],
    });
    expect(await saveUrl(model, 'http://localhost:11434')).toBe(true);
    expect(perms.api.remove).not.toHaveBeenCalled();
  });
});

describe('settings model: clear-text warning', () => {
  it('plain http to another machine warns as it is typed, and still saves', async () => {
    const { model, deps } = setup();
    await model.load();
    expect(model.warning.value).toBeNull();
    model.setBaseUrl('http://192.168.1.20:11434');
    expect(model.warning.value).toBe('This connection is not encrypted: anyone on the network can read your chats. Use https:// or a local Ollama.');
    expect(await model.save()).toBe(true);
    expect(model.error.value).toBeNull();
    expect(deps.write).toHaveBeenCalledWith(expect.objectContaining({ baseUrl: 'http://192.168.1.20:11434' }));
    expect(model.warning.value).toContain('not encrypted');
  });

  it.each(['https://192.168.1.20:11434', 'http://localhost:11434', 'http://[::1]:11434', 'http://*:11434', 'garbage'])('no warning for %s', async (url) => {
    const { model } = setup();
    await model.load();
    model.setBaseUrl(url);
    expect(model.warning.value).toBeNull();
  });
});

describe('settings model: selection', () => {
  it('validates the selection limit and custom prompts before saving anything', async () => {
    const { model, deps } = setup();
    await model.load();
    model.setSelectionLimit('12.5');
    expect(await model.save()).toBe(false);
    expect(model.error.value).toContain('whole number');
    model.setSelectionLimit('2000');
    model.addPrompt();
    expect(await model.save()).toBe(false);
    expect(model.error.value).toBe('Custom prompt 1 needs a name and a template.');
    model.updatePrompt(0, { title: ' Fix grammar ', template: 'Fix: {selection}' });
    expect(await model.save()).toBe(true);
    expect(deps.write).toHaveBeenCalledTimes(1);
    expect(deps.write).toHaveBeenCalledWith(
      expect.objectContaining({ selectionLimit: 2000, customPrompts: [expect.objectContaining({ title: 'Fix grammar', template: 'Fix: {selection}' })] }),
    );
  });
});
