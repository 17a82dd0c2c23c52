import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installI18n } from '../../support/i18n';
import { createConnectionsModel } from '../../../components/state/connections';
import type { PermissionsApi } from '../../../lib/origin/permissions';
import { type Settings, sanitizeSettings } from '../../../lib/settings';

const local = { id: 'local', name: 'Local', baseUrl: 'http://localhost:11434', headers: [] };
const lan = { id: 'lan', name: 'LAN box', baseUrl: 'http://gpu.lan:11434', headers: [] };

function setup(stored: unknown = {}, answer = true, grants: string[] = []) {
  const granted = new Set(grants);
  const permissions = {
    request: vi.fn(async ({ origins }: { origins: string[] }) => {
      if (answer) for (const o of origins) granted.add(o);
      return answer;
    }),
    remove: vi.fn(async ({ origins }: { origins: string[] }) => {
      for (const o of origins) granted.delete(o);
      return true;
    }),
  } satisfies PermissionsApi;
  let raw = stored;
  const deps = {
    permissions,
    write: vi.fn(async (patch: Partial<Settings>) => {
      raw = { ...sanitizeSettings(raw), ...patch };
    }),
    read: vi.fn(async () => sanitizeSettings(raw)),
  };
  const defaultUrl = vi.fn();
  const model = createConnectionsModel(deps, defaultUrl);
  return { model, deps, permissions, granted, defaultUrl, stored: () => sanitizeSettings(raw) };
}

async function fill(model: ReturnType<typeof setup>['model'], name: string, url: string, token = '') {
  await model.load();
  model.open();
  model.edit({ name, url });
  model.editHeader(0, { value: token });
}

describe('Settings: adding a connection', () => {
  it('a local server with a bearer token: saved at once, no permission needed, the token stored only in settings', async () => {
    const { model, permissions, stored } = setup();
    await fill(model, 'Proxy', 'http://127.0.0.1:9/', 'Bearer s3cret');
    expect(await model.add()).toBe(true);
    expect(permissions.request).not.toHaveBeenCalled();
    const added = stored().connections[1];
    expect(added).toMatchObject({ name: 'Proxy', baseUrl: 'http://127.0.0.1:9', headers: [{ name: 'Authorization', value: 'Bearer s3cret' }] });
    expect(model.list.value).toHaveLength(2);
    expect(model.draft.value).toBeNull();
    expect(model.done.value).toBe('Added Proxy.');
    // The default stays as it was.
    expect(stored().defaultConnection).toBe('local');
  });

  it('a server on another machine asks for its host first; a refusal is explained and saves nothing', async () => {
    const { model, permissions, deps } = setup({}, false);
    await fill(model, 'GPU', 'http://gpu.lan:11434');
    expect(await model.add()).toBe(false);
    expect(permissions.request).toHaveBeenCalledWith({ origins: ['http://gpu.lan/*'] });
    expect(deps.write).not.toHaveBeenCalled();
    expect(model.error.value).toBe('Permission to reach gpu.lan:11434 was not granted, so the connection was not added.');
    expect(model.draft.value).toMatchObject({ name: 'GPU', url: 'http://gpu.lan:11434' });
  });

  it('plain http to another machine warns as it is typed', async () => {
    const { model } = setup();
    await fill(model, 'GPU', 'http://gpu.lan:11434');
    expect(model.warning.value).toContain('not encrypted');
    model.edit({ url: 'https://gpu.lan' });
    expect(model.warning.value).toBeNull();
  });

  it.each([
    ['', 'http://127.0.0.1:9', '', /Enter a name/],
    ['local', 'http://127.0.0.1:9', '', /already a connection named "local"/],
    ['X', 'not a url', '', /not a valid URL/],
    ['X', 'http://*:9', '', /wildcards/],
    ['X', 'http://127.0.0.1:9', 'Bearer a\nb', /must be one line/],
  ])('name %j, URL %j, token %j: refused with a reason, nothing saved', async (name, url, token, reason) => {
    const { model, deps } = setup();
    await fill(model, name, url, token);
    expect(await model.add()).toBe(false);
    expect(model.error.value).toMatch(reason);
    expect(deps.write).not.toHaveBeenCalled();
  });

  it('a forbidden header name is refused; a blank extra row is ignored', async () => {
    const { model, stored } = setup();
    await fill(model, 'X', 'http://127.0.0.1:9', 'Bearer t');
    model.addHeader();
    model.editHeader(1, { name: 'Host', value: 'evil' });
    expect(await model.add()).toBe(false);
    expect(model.error.value).toMatch(/Host header/);
    model.editHeader(1, { value: '' });
    expect(await model.add()).toBe(true);
    expect(stored().connections[1]?.headers).toEqual([{ name: 'Authorization', value: 'Bearer t' }]);
  });
});

describe('Settings: removing and the default', () => {
  it('removing a remote connection gives its host back; the only connection cannot be removed', async () => {
    const { model, permissions, stored } = setup({ connections: [local, lan], defaultConnection: 'local' }, true, ['http://gpu.lan/*']);
    await model.load();
    await model.remove('lan');
    expect(stored().connections).toEqual([local]);
    expect(permissions.remove).toHaveBeenCalledWith({ origins: ['http://gpu.lan/*'] });
    await model.remove('local');
    expect(stored().connections).toEqual([local]);
    expect(model.error.value).toMatch(/only connection/);
  });

  it('removing the default makes the first remaining one the default, and the URL field follows', async () => {
    const { model, stored, defaultUrl } = setup({ connections: [local, lan], defaultConnection: 'local' });
    await model.load();
    await model.remove('local');
    expect(stored()).toMatchObject({ defaultConnection: 'lan', baseUrl: lan.baseUrl });
    expect(defaultUrl).toHaveBeenCalledWith(lan.baseUrl);
  });

  it('another default: stored with its URL as baseUrl, and the form told', async () => {
    const { model, stored, defaultUrl } = setup({ connections: [local, lan], defaultConnection: 'local' });
    await model.load();
    await model.setDefault('lan');
    expect(stored()).toMatchObject({ defaultConnection: 'lan', baseUrl: lan.baseUrl });
    expect(model.defaultId.value).toBe('lan');
    expect(defaultUrl).toHaveBeenCalledWith(lan.baseUrl);
  });
});

describe('in German', () => {
  afterEach(() => installI18n(fakeBrowser));

  it('says what a change did in German', async () => {
    installI18n(fakeBrowser, 'de');
    const { model } = setup();
    await fill(model, 'Proxy', 'http://127.0.0.1:9/');
    expect(await model.add()).toBe(true);
    expect(model.done.value).toBe('Proxy wurde hinzugefügt.');
  });
});
