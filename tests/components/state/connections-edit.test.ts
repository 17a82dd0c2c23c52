import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createConnectionsModel } from '../../../components/state/connections';
import type { PermissionsApi } from '../../../lib/origin/permissions';
import { type Settings, sanitizeSettings } from '../../../lib/settings';
import { installI18n } from '../../support/i18n';

const local = { id: 'local', name: 'Local', baseUrl: 'http://localhost:11434', headers: [] };
const proxy = { id: 'p', name: 'Proxy', baseUrl: 'http://127.0.0.1:9', headers: [{ name: 'Authorization', value: 'Bearer s3cret' }] };
const lan = { id: 'lan', name: 'LAN box', baseUrl: 'http://gpu.lan:11434', headers: [] };

function setup(stored: unknown, answer = true) {
  const permissions = {
    request: vi.fn(async (_: { origins: string[] }) => answer),
    remove: vi.fn(async (_: { origins: string[] }) => true),
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
  return { model, deps, permissions, defaultUrl, stored: () => sanitizeSettings(raw), replace: (next: unknown) => (raw = next) };
}

describe('Settings: editing a connection', () => {
  it('opens the form filled in, header values included (the view masks them)', async () => {
    const { model } = setup({ connections: [local, proxy], defaultConnection: 'local' });
    await model.load();
    model.openEdit('p');
    expect(model.draft.value).toEqual({ name: 'Proxy', url: 'http://127.0.0.1:9', headers: [{ name: 'Authorization', value: 'Bearer s3cret' }], editing: 'p' });
    // Without headers: the add form's blank Authorization row, ignored unless filled.
    model.openEdit('local');
    expect(model.draft.value?.headers).toEqual([{ name: 'Authorization', value: '' }]);
  });

  it('a new URL and name keep the id, the place in the list and the untouched header value', async () => {
    const { model, stored } = setup({ connections: [local, proxy, lan], defaultConnection: 'local' });
    await model.load();
    model.openEdit('p');
    model.edit({ name: 'Proxy 2', url: 'http://127.0.0.1:10/' });
    expect(await model.update()).toBe(true);
    expect(stored().connections).toEqual([local, { ...proxy, name: 'Proxy 2', baseUrl: 'http://127.0.0.1:10' }, lan]);
    expect(model.list.value[1]?.id).toBe('p');
    expect(model.draft.value).toBeNull();
    expect(model.done.value).toBe('Saved Proxy 2.');
  });

  it('a replaced header value is stored; a cleared one is dropped', async () => {
    const { model, stored } = setup({ connections: [local, proxy], defaultConnection: 'local' });
    await model.load();
    model.openEdit('p');
    model.editHeader(0, { value: 'Bearer n3w' });
    expect(await model.update()).toBe(true);
    expect(stored().connections[1]?.headers).toEqual([{ name: 'Authorization', value: 'Bearer n3w' }]);
    model.openEdit('p');
    model.editHeader(0, { value: '' });
    expect(await model.update()).toBe(true);
    expect(stored().connections[1]?.headers).toEqual([]);
  });

  it("keeping its own name (in another case) is allowed; taking another connection's is not", async () => {
    const { model, stored } = setup({ connections: [local, proxy], defaultConnection: 'local' });
    await model.load();
    model.openEdit('p');
    model.edit({ name: 'PROXY' });
    expect(await model.update()).toBe(true);
    expect(stored().connections[1]?.name).toBe('PROXY');
    model.openEdit('p');
    model.edit({ name: 'local' });
    expect(await model.update()).toBe(false);
    expect(model.error.value).toBe('There is already a connection named "local".');
  });

  it.each([
    ['', 'http://127.0.0.1:9', 'Enter a name for the connection (for example GPU box).'],
    ['X', 'not a url', '"not a url" is not a valid URL (example: http://localhost:11434).'],
    ['X', 'http://*:9', 'The URL must name one server: wildcards (*) are not allowed (example: http://192.168.1.20:11434).'],
  ])("name %j, URL %j: refused with Add's message, nothing changed", async (name, url, message) => {
    const { model, deps, stored } = setup({ connections: [local, proxy], defaultConnection: 'local' });
    await model.load();
    // Add's message for the same input, to compare.
    model.open();
    model.edit({ name, url });
    expect(await model.add()).toBe(false);
    expect(model.error.value).toBe(message);
    model.openEdit('p');
    model.edit({ name, url });
    expect(await model.update()).toBe(false);
    expect(model.error.value).toBe(message);
    expect(deps.write).not.toHaveBeenCalled();
    expect(stored().connections[1]).toEqual(proxy);
    // What was typed stays in the form.
    expect(model.draft.value).toMatchObject({ name, url, editing: 'p' });
  });

  it("editing the default keeps it the default, and Settings' URL field follows its new URL", async () => {
    const { model, stored, defaultUrl } = setup({ connections: [local, proxy], defaultConnection: 'p' });
    await model.load();
    model.openEdit('p');
    model.edit({ url: 'http://127.0.0.1:10' });
    expect(await model.update()).toBe(true);
    expect(stored()).toMatchObject({ defaultConnection: 'p', baseUrl: 'http://127.0.0.1:10' });
    expect(model.defaultId.value).toBe('p');
    expect(defaultUrl).toHaveBeenCalledWith('http://127.0.0.1:10');
  });

  it('editing another connection leaves the default and its URL alone', async () => {
    const { model, stored, defaultUrl } = setup({ connections: [local, proxy], defaultConnection: 'local' });
    await model.load();
    model.openEdit('p');
    model.edit({ url: 'http://127.0.0.1:10' });
    expect(await model.update()).toBe(true);
    expect(stored()).toMatchObject({ defaultConnection: 'local', baseUrl: local.baseUrl });
    expect(defaultUrl).not.toHaveBeenCalled();
  });

  it('a move to another machine asks for its host from Save; a refusal changes nothing', async () => {
    const { model, permissions, deps } = setup({ connections: [local, proxy], defaultConnection: 'local' }, false);
    await model.load();
    model.openEdit('p');
    model.edit({ url: 'http://gpu.lan:11434' });
    expect(await model.update()).toBe(false);
    expect(permissions.request).toHaveBeenCalledWith({ origins: ['http://gpu.lan/*'] });
    expect(model.error.value).toBe('Permission to reach gpu.lan:11434 was not granted, so the connection was not changed.');
    expect(deps.write).not.toHaveBeenCalled();
    expect(model.draft.value).toMatchObject({ url: 'http://gpu.lan:11434', editing: 'p' });
  });

  it('a move away from a remote host gives its grant back; staying on it (another port) asks nothing', async () => {
    const { model, permissions, stored } = setup({ connections: [local, lan], defaultConnection: 'local' });
    await model.load();
    model.openEdit('lan');
    model.edit({ url: 'http://gpu.lan:8080' });
    expect(await model.update()).toBe(true);
    expect(permissions.request).not.toHaveBeenCalled();
    expect(permissions.remove).not.toHaveBeenCalled();
    model.openEdit('lan');
    model.edit({ url: 'http://127.0.0.1:9' });
    expect(await model.update()).toBe(true);
    expect(permissions.remove).toHaveBeenCalledWith({ origins: ['http://gpu.lan/*'] });
    expect(stored().connections[1]).toMatchObject({ id: 'lan', baseUrl: 'http://127.0.0.1:9' });
  });

  it('a host another connection still uses is not given back', async () => {
    const twin = { ...lan, id: 'twin', name: 'Twin', baseUrl: 'http://gpu.lan:8080' };
    const { model, permissions } = setup({ connections: [local, lan, twin], defaultConnection: 'local' });
    await model.load();
    model.openEdit('lan');
    model.edit({ url: 'http://127.0.0.1:9' });
    expect(await model.update()).toBe(true);
    expect(permissions.remove).not.toHaveBeenCalled();
  });

  it('Cancel closes the form and changes nothing', async () => {
    const { model, deps } = setup({ connections: [local, proxy], defaultConnection: 'local' });
    await model.load();
    model.openEdit('p');
    model.edit({ url: 'http://127.0.0.1:10' });
    model.cancel();
    expect(model.draft.value).toBeNull();
    expect(deps.write).not.toHaveBeenCalled();
    expect(model.list.value).toEqual([local, proxy]);
  });

  it('a connection removed by another panel meanwhile: said, nothing written', async () => {
    const { model, deps, replace } = setup({ connections: [local, proxy], defaultConnection: 'local' });
    await model.load();
    model.openEdit('p');
    replace({ connections: [local], defaultConnection: 'local' });
    expect(await model.update()).toBe(false);
    expect(model.error.value).toBe('This connection was removed in the meantime, so nothing was saved.');
    expect(deps.write).not.toHaveBeenCalled();
  });
});

describe('editing, in German', () => {
  afterEach(() => installI18n(fakeBrowser));

  it('says the edit was saved, and a refused host, in German', async () => {
    installI18n(fakeBrowser, 'de');
    const { model } = setup({ connections: [local, proxy], defaultConnection: 'local' }, false);
    await model.load();
    model.openEdit('p');
    model.edit({ url: 'http://gpu.lan:11434' });
    expect(await model.update()).toBe(false);
    expect(model.error.value).toBe('Die Berechtigung für den Zugriff auf gpu.lan:11434 wurde nicht erteilt, daher wurde die Verbindung nicht geändert.');
    model.edit({ url: 'http://127.0.0.1:10' });
    expect(await model.update()).toBe(true);
    expect(model.done.value).toBe('Proxy wurde gespeichert.');
  });
});
