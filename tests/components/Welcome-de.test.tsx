/** The welcome and its guide in German: whole translated sentences with their link, button and commands in place. */
import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createModelsModel } from '../../components/state/models';
import { Welcome } from '../../components/Welcome';
import { WelcomeGuide } from '../../components/WelcomeGuide';
import { installI18n } from '../support/i18n';

describe('the welcome in German', () => {
  beforeEach(() => installI18n(fakeBrowser, 'de'));
  afterEach(() => {
    cleanup();
    installI18n(fakeBrowser);
  });

  it('while checking, and its example questions (sent in German)', () => {
    render(<Welcome welcome={signal({ kind: 'checking' as const })} act={vi.fn()} ask={vi.fn()} />);
    expect(screen.getByRole('region', { name: 'Willkommen' }).textContent).toBe(
      'Beginnen Sie eine Unterhaltung mit Ihrem lokalen LLMVerbindung zu Ollama wird geprüft…',
    );
    cleanup();
    const ask = vi.fn();
    render(<WelcomeGuide step={{ kind: 'ready' }} act={vi.fn()} ask={ask} />);
    expect(screen.getByText('Oder probieren Sie eines davon:')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Schreibe ein Haiku über das Meer.' }));
    expect(ask).toHaveBeenCalledWith('Schreibe ein Haiku über das Meer.');
  });

  it('Ollama down: the link sits inside the translated sentence', () => {
    render(<WelcomeGuide step={{ kind: 'down', helper: 'missing', host: null }} act={vi.fn()} ask={vi.fn()} />);
    expect(screen.getByRole('heading', { name: 'Starten Sie zuerst Ollama' })).toBeTruthy();
    const link = screen.getByRole('link', { name: 'ollama.com' });
    expect(link.parentElement?.textContent).toBe('Noch kein Ollama? Sie erhalten es auf ollama.com.');
    expect(screen.getByRole('button', { name: 'Erneut prüfen' })).toBeTruthy();
    cleanup();
    render(<WelcomeGuide step={{ kind: 'down', helper: 'unknown', host: '192.168.1.20:11434' }} act={vi.fn()} ask={vi.fn()} />);
    expect(screen.getByRole('heading', { name: 'Ollama auf 192.168.1.20:11434 antwortet nicht' })).toBeTruthy();
  });

  it('no model: the size in German digits, and Pull model inside its sentence', () => {
    const send = vi.fn();
    render(<WelcomeGuide step={{ kind: 'no-models' }} act={vi.fn()} ask={vi.fn()} models={createModelsModel({ send, recheck: vi.fn() })} />);
    expect(screen.getByText(/Laden Sie ein kleines herunter/)?.textContent?.replace(/\s/g, ' ')).toBe(
      'Ollama läuft, hat aber noch kein Modell. Laden Sie ein kleines herunter (etwa 1,3 GB):',
    );
    const pull = screen.getByRole('button', { name: 'Modell herunterladen' });
    expect(pull.parentElement?.textContent).toBe(
      'Modell herunterladen: llama3.2:1b direkt hier; der Download läuft weiter, auch wenn Sie die Seitenleiste schließen.',
    );
    fireEvent.click(pull);
    expect(send).toHaveBeenCalledWith({ type: 'models/pull', name: 'llama3.2:1b' });
  });
});
