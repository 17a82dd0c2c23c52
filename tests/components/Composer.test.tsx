import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../components/App';
import { EditBox } from '../../components/EditBox';
import { createPanel } from '../../components/state/panel';
import { installI18n } from '../support/i18n';
import { scriptedBackground, UP } from './support/fake-background';

describe('the composer in German', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    installI18n(fakeBrowser, 'de');
  });
  afterEach(() => {
    cleanup();
    installI18n(fakeBrowser);
  });

  it('names the message box, its hint and its buttons from the German catalog, Stopp while a reply streams', async () => {
    const bg = scriptedBackground((m, emit) => {
      if (m.type === 'status/check') emit(UP);
    });
    render(<App panel={createPanel(bg.connect)} />);
    const box = (await screen.findByRole('textbox', { name: 'Nachricht' })) as HTMLTextAreaElement;
    expect(box.placeholder).toBe('Fragen Sie Ihr lokales Modell… (Shift+Enter: neue Zeile)');
    expect(screen.getByRole('button', { name: 'Bild anhängen' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Bildschirmfoto' })).toBeTruthy();
    await waitFor(() => expect(bg.sent('status/check').length).toBeGreaterThan(0));
    fireEvent.input(box, { target: { value: 'q' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Senden' }));
    await waitFor(() => expect(bg.sent('chat/start')).toHaveLength(1));
    expect(await screen.findByRole('button', { name: 'Stopp' })).toBeTruthy();
  });

  it('the edit box of a sent message too', () => {
    render(<EditBox initial="q" onSend={vi.fn(() => true)} onCancel={vi.fn()} />);
    expect(screen.getByRole('textbox', { name: 'Bearbeitete Nachricht' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Abbrechen' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Senden' })).toBeTruthy();
  });
});
