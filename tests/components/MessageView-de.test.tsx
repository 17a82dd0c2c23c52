/** A message and its surroundings in German: notes, buttons, versions, the reply footer, the status, a view that failed to load. */
import { signal } from '@preact/signals';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { lazyView } from '../../components/LazyView';
import { MessageView } from '../../components/MessageView';
import { footerDetails } from '../../components/ReplyFooter';
import { StatusBadge } from '../../components/StatusBadge';
import type { ConnectionModel } from '../../components/state/connection';
import { createMessage } from '../../components/state/message';
import { installI18n } from '../support/i18n';

const stats = { model: 'llama3.2', evalCount: 421, evalDurationNs: 10e9, totalDurationNs: 3.24e9, promptEvalCount: 1234, ttftMs: 812, truncatedTo: 4096 };
const actions = () => ({ regenerate: vi.fn(() => true), edit: vi.fn(() => true), switchVersion: vi.fn(), streaming: signal(false) });

describe('messages in German', () => {
  beforeEach(() => installI18n(fakeBrowser, 'de'));
  afterEach(() => {
    cleanup();
    installI18n(fakeBrowser);
  });

  it('a finished reply: its footer in German numbers and units, its warning, versions and Regenerate', async () => {
    const m = createMessage('assistant', { content: 'a', status: 'done', stats, versions: [{ content: 'b', timestamp: 't' }], version: 1 });
    const { container } = render(<MessageView message={m} actions={actions()} />);
    const footer = await waitFor(() => container.querySelector('.reply-footer') ?? Promise.reject(new Error('no footer yet')));
    expect(footer.firstChild?.textContent).toBe('llama3.2 · 42,1 Token/s · 3,2 Sek.');
    expect(footer.getAttribute('title')).toBe('Erstes Token nach 0,8 Sek. · 421 Token erzeugt · Prompt: 1.234 Token');
    expect(container.querySelector('.reply-warning')?.textContent).toBe(
      'Das Modell hat nur die letzten 4.096 Token gesehen; erhöhen Sie die Kontextlänge in den Einstellungen.',
    );
    expect(screen.getByRole('article', { name: 'Assistent' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Vorherige Version' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Nächste Version' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Neu generieren' })).toBeTruthy();
  });

  it('a stopped reply and the user’s message', () => {
    render(<MessageView message={createMessage('assistant', { content: 'a', status: 'stopped' })} onRetry={() => {}} actions={actions()} />);
    expect(screen.getByText('Angehalten')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Erneut versuchen' })).toBeTruthy();
    cleanup();
    render(<MessageView message={createMessage('user', { content: 'Hallo' })} actions={actions()} />);
    expect(screen.getByRole('article', { name: 'Sie' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Nachricht bearbeiten' })).toBeTruthy();
  });

  it('the connection status and its tooltip', () => {
    const connection = { state: signal('running'), baseUrl: signal('http://localhost:11434'), version: signal('0.12.3'), check: vi.fn() };
    render(<StatusBadge connection={connection as unknown as ConnectionModel} />);
    expect(screen.getByRole('status').textContent).toBe('Verbunden');
    expect(screen.getByRole('button').getAttribute('title')).toBe('http://localhost:11434 (Ollama 0.12.3): Klicken, um erneut zu prüfen');
  });

  it('a view that cannot load says which, in a whole German sentence', async () => {
    const View = lazyView<object>(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')), 'Models');
    render(<View />);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Die Ansicht „Modelle“ konnte nicht geladen werden: Öffnen Sie die Seitenleiste erneut und versuchen Sie es noch einmal.',
    );
  });

  it('counts take the right form in English (one token, 2 tokens)', () => {
    installI18n(fakeBrowser);
    expect(footerDetails({ model: 'm', evalCount: 1, promptEvalCount: 2 })).toBe('1 token generated · prompt: 2 tokens');
  });
});
