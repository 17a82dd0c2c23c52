import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsView } from '../../components/SettingsView';
import { createPromptSettings } from '../../components/state/prompt-settings';
import { createSettingsModel } from '../../components/state/settings';
import { DEFAULT_SETTINGS } from '../../lib/settings';

const prompts = () => createPromptSettings({ askFacts: () => {}, read: async () => DEFAULT_SETTINGS, write: async () => {} });

const WARNING = 'This connection is not encrypted: anyone on the network can read your chats. Use https:// or a local Ollama.';

function view() {
  const write = vi.fn(async () => {});
  const model = createSettingsModel({
    permissions: { request: vi.fn(async () => true), remove: vi.fn(async () => true) },
    write,
    read: async () => DEFAULT_SETTINGS,
  });
  render(<SettingsView model={model} prompts={prompts()} onClose={() => {}} />);
  const url = screen.getByRole('textbox', { name: 'Ollama URL' }) as HTMLInputElement;
  const type = (v: string) => fireEvent.input(url, { target: { value: v } });
  return { model, write, url, type };
}

describe('SettingsView: the Ollama URL', () => {
  afterEach(cleanup);

  it('plain http to another machine shows a warning tied to the field, not an error, and saves', async () => {
    const { url, type, write, model } = view();
    await model.load();
    type('http://192.168.1.20:11434');
    const warning = await screen.findByText(WARNING);
    expect(url.getAttribute('aria-describedby')).toBe(warning.id);
    expect(url.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(write).toHaveBeenCalledWith(expect.objectContaining({ baseUrl: 'http://192.168.1.20:11434' }));
    expect(screen.getByText(WARNING)).toBeTruthy();
  });

  it('https or a local server: no warning', async () => {
    const { type, model } = view();
    await model.load();
    type('https://192.168.1.20:11434');
    await waitFor(() => expect(screen.queryByText(WARNING)).toBeNull());
    type('http://localhost:11435');
    await waitFor(() => expect(screen.queryByText(WARNING)).toBeNull());
  });

  it('a wildcard is refused inline, and nothing is saved', async () => {
    const { url, type, write, model } = view();
    await model.load();
    type('http://*.lan:11434');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('wildcards (*) are not allowed');
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(url.getAttribute('aria-describedby')).toBe('settings-error');
    expect(write).not.toHaveBeenCalled();
  });
});

describe('SettingsView: the default model', () => {
  afterEach(cleanup);
  const model = () =>
    createSettingsModel({
      permissions: { request: vi.fn(async () => true), remove: vi.fn(async () => true) },
      write: vi.fn(async () => {}),
      read: async () => ({ ...DEFAULT_SETTINGS, defaultModel: 'llama3' }),
    });

  it('is picked from the installed models; a saved name Ollama lacks stays listed, marked', async () => {
    const m = model();
    await m.load();
    render(<SettingsView model={m} prompts={prompts()} onClose={() => {}} installed={['llama3.2:latest', 'qwen3:0.6b']} />);
    const picker = screen.getByRole('combobox', { name: 'Default model' }) as HTMLSelectElement;
    expect([...picker.options].map((o) => o.textContent)).toEqual(['llama3 (not installed)', 'llama3.2:latest', 'qwen3:0.6b']);
    expect(picker.value).toBe('llama3');
    fireEvent.change(picker, { target: { value: 'qwen3:0.6b' } });
    expect(m.defaultModel.value).toBe('qwen3:0.6b');
  });

  it('can be typed while Ollama is unreachable (no list)', async () => {
    const m = model();
    await m.load();
    render(<SettingsView model={m} prompts={prompts()} onClose={() => {}} />);
    const box = screen.getByRole('textbox', { name: 'Default model' }) as HTMLInputElement;
    expect(box.value).toBe('llama3');
  });
});

describe('SettingsView: the theme', () => {
  afterEach(cleanup);

  it('shows the stored theme, offers System, Light and Dark, and Save stores the choice', async () => {
    const write = vi.fn(async () => {});
    const m = createSettingsModel({
      permissions: { request: vi.fn(async () => true), remove: vi.fn(async () => true) },
      write,
      read: async () => ({ ...DEFAULT_SETTINGS, theme: 'light' }),
    });
    await m.load();
    render(<SettingsView model={m} prompts={prompts()} onClose={() => {}} />);
    const picker = screen.getByRole('combobox', { name: 'Theme' }) as HTMLSelectElement;
    expect([...picker.options].map((o) => [o.value, o.textContent])).toEqual([
      ['system', 'System'],
      ['light', 'Light'],
      ['dark', 'Dark'],
    ]);
    expect(picker.value).toBe('light');
    fireEvent.change(picker, { target: { value: 'dark' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(write).toHaveBeenCalledWith(expect.objectContaining({ theme: 'dark' }));
  });
});
