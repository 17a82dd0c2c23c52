/** Settings in German: labels, the 403 hint around its command, the shortcuts, and focus going back. */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SettingsView } from '../../components/SettingsView';
import { createPromptSettings } from '../../components/state/prompt-settings';
import { createSettingsModel } from '../../components/state/settings';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { installI18n } from '../support/i18n';

function Panel({ open }: { open: boolean }) {
  const model = createSettingsModel({
    permissions: { request: vi.fn(async () => true), remove: vi.fn(async () => true) },
    write: vi.fn(),
    read: async () => DEFAULT_SETTINGS,
  });
  const prompts = createPromptSettings({ askFacts: () => {}, read: async () => DEFAULT_SETTINGS, write: async () => {} });
  return (
    <>
      <div class="header">
        <button type="button" aria-label="Einstellungen" />
      </div>
      {open && <SettingsView model={model} prompts={prompts} onClose={() => {}} />}
    </>
  );
}

describe('SettingsView in German', () => {
  beforeEach(() => installI18n(fakeBrowser, 'de'));
  afterEach(() => {
    cleanup();
    installI18n(fakeBrowser);
  });

  it('labels its fields in German and keeps the command whole inside the translated hint', () => {
    render(<Panel open />);
    expect(screen.getByRole('heading', { name: 'Einstellungen' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Ollama-URL' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Senden mit' }).textContent).toContain('Shift+Enter für eine neue Zeile');
    expect(screen.getByRole('combobox', { name: 'Design' }).textContent).toBe('SystemeinstellungHellDunkel');
    expect(screen.getByRole('group', { name: 'Parameter' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Vorlage hinzufügen' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Speichern' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Zurück zum Chat' })).toBeTruthy();
    const code = screen.getByText('OLLAMA_ORIGINS=chrome-extension://*,moz-extension://*');
    expect(code.tagName).toBe('CODE');
    expect(code.parentElement?.textContent).toBe(
      'Wenn der Chat mit 403 fehlschlägt, starten Sie Ollama mit OLLAMA_ORIGINS=chrome-extension://*,moz-extension://*.',
    );
    expect(screen.getByRole('region', { name: 'Tastenkombinationen' }).textContent).toContain('Neuer Chat');
  });

  it('gives focus back to the German-named header button when it closes', () => {
    const { rerender } = render(<Panel open />);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Ollama-URL' }));
    rerender(<Panel open={false} />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Einstellungen' }));
  });
});
