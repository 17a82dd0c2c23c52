import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ConnectionsSettings } from '../../components/ConnectionsSettings';
import { createConnectionsModel } from '../../components/state/connections';
import { type Settings, sanitizeSettings } from '../../lib/settings';
import { installI18n } from '../support/i18n';

const local = { id: 'local', name: 'Local', baseUrl: 'http://localhost:11434', headers: [] };
const proxy = { id: 'p', name: 'Proxy', baseUrl: 'http://127.0.0.1:9', headers: [{ name: 'Authorization', value: 'Bearer s3cret' }] };

async function view(stored: unknown) {
  let raw = stored;
  const model = createConnectionsModel({
    permissions: { request: vi.fn(async () => true), remove: vi.fn(async () => true) },
    write: vi.fn(async (patch: Partial<Settings>) => {
      raw = { ...sanitizeSettings(raw), ...patch };
    }),
    read: async () => sanitizeSettings(raw),
  });
  await model.load();
  const r = render(<ConnectionsSettings model={model} />);
  return { model, ...r };
}

describe('ConnectionsSettings', () => {
  afterEach(cleanup);

  it('lists the connections with a Remove <name> button each, never a header value', async () => {
    const { container } = await view({ connections: [local, proxy], defaultConnection: 'local' });
    expect(screen.getByRole('button', { name: 'Remove Local' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove Proxy' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Make Proxy the default' })).toBeTruthy();
    expect(container.textContent).toContain('Authorization');
    expect(container.textContent).not.toContain('s3cret');
  });

  it('a row reached in clear text over the network says so', async () => {
    const { container } = await view({ connections: [local, { ...proxy, baseUrl: 'http://gpu.lan:11434' }], defaultConnection: 'local' });
    const rows = [...container.querySelectorAll('.connection-row')].map((r) => r.textContent ?? '');
    expect(rows[0]).not.toContain('Not encrypted');
    expect(rows[1]).toContain('Not encrypted');
  });

  it('the only connection cannot be removed', async () => {
    await view({});
    expect(screen.queryByRole('button', { name: /^Remove/ })).toBeNull();
  });

  it('Add connection opens a form whose header value is a password field; saving adds a row', async () => {
    const { container } = await view({});
    fireEvent.click(screen.getByRole('button', { name: 'Add connection' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Proxy' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'URL' }), { target: { value: 'http://127.0.0.1:9' } });
    const value = screen.getByLabelText('Authorization value') as HTMLInputElement;
    expect(value.type).toBe('password');
    fireEvent.input(value, { target: { value: 'Bearer s3cret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save connection' }));
    expect(await screen.findByRole('button', { name: 'Remove Proxy' })).toBeTruthy();
    expect(container.textContent).not.toContain('s3cret');
  });

  it('in German, names its rows, buttons and header fields from the German catalog', async () => {
    installI18n(fakeBrowser, 'de');
    try {
      const { container } = await view({ connections: [local, { ...proxy, baseUrl: 'http://gpu.lan:11434' }], defaultConnection: 'local' });
      expect(screen.getByRole('heading', { name: 'Verbindungen' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Proxy als Standard festlegen' }).textContent).toBe('Als Standard festlegen');
      expect(screen.getByRole('button', { name: 'Proxy entfernen' }).textContent).toBe('Entfernen');
      expect(container.textContent).toContain('Nicht verschlüsselt');
      fireEvent.click(screen.getByRole('button', { name: 'Verbindung hinzufügen' }));
      expect(screen.getByRole('group', { name: 'Neue Verbindung' })).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: 'Header hinzufügen' }));
      expect(screen.getByRole('textbox', { name: 'Name von Header 2' })).toBeTruthy();
      expect(screen.getByLabelText('Wert von Header 2')).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Header 2 entfernen' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Abbrechen' })).toBeTruthy();
    } finally {
      installI18n(fakeBrowser);
    }
  });

  it('Edit <name> opens the form filled in, the header value masked until Show is pressed; Save keeps the row', async () => {
    const { model, container } = await view({ connections: [local, proxy], defaultConnection: 'local' });
    fireEvent.click(screen.getByRole('button', { name: 'Edit Proxy' }));
    expect(screen.getByRole('group', { name: 'Edit connection' })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toBe('Proxy');
    expect((screen.getByRole('textbox', { name: 'URL' }) as HTMLInputElement).value).toBe('http://127.0.0.1:9');
    const value = screen.getByLabelText('Authorization value') as HTMLInputElement;
    expect(value.type).toBe('password');
    expect(value.value).toBe('Bearer s3cret');
    expect(container.textContent).not.toContain('s3cret');
    // One form at a time: no other Edit, no Add while this one is open.
    expect(screen.queryByRole('button', { name: 'Edit Local' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add connection' })).toBeNull();
    const show = screen.getByRole('button', { name: 'Show header 1 value' });
    fireEvent.click(show);
    expect(value.type).toBe('text');
    expect(show.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(show);
    expect(value.type).toBe('password');
    fireEvent.input(screen.getByRole('textbox', { name: 'URL' }), { target: { value: 'http://127.0.0.1:10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save connection' }));
    expect(await screen.findByRole('button', { name: 'Edit Proxy' })).toBeTruthy();
    expect(model.list.value[1]).toEqual({ ...proxy, baseUrl: 'http://127.0.0.1:10' });
    expect(container.textContent).toContain('Saved Proxy.');
  });

  it("focus: Edit puts it in the Name field; Cancel puts it back on that row's Edit button", async () => {
    await view({ connections: [local, proxy], defaultConnection: 'local' });
    screen.getByRole('button', { name: 'Edit Proxy' }).focus();
    fireEvent.click(screen.getByRole('button', { name: 'Edit Proxy' }));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Name' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Renamed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit Proxy' }));
  });

  it('in German, the Edit button, the edit form and the Show toggle come from the German catalog', async () => {
    installI18n(fakeBrowser, 'de');
    try {
      await view({ connections: [local, proxy], defaultConnection: 'local' });
      expect(screen.getByRole('button', { name: 'Proxy bearbeiten' }).textContent).toBe('Bearbeiten');
      fireEvent.click(screen.getByRole('button', { name: 'Proxy bearbeiten' }));
      expect(screen.getByRole('group', { name: 'Verbindung bearbeiten' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Wert von Header 1 anzeigen' }).textContent).toBe('Anzeigen');
    } finally {
      installI18n(fakeBrowser);
    }
  });
});
