import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../components/App';
import { createPanel } from '../../components/state/panel';
import { examplePrompts } from '../../components/WelcomeGuide';
import type { BackgroundMessage } from '../../lib/protocol';
import { BASE, DOWN, scriptedBackground, UP } from './support/fake-background';

const writeText = vi.fn(async (_: string) => {});

function open(status: BackgroundMessage | null, helper: BackgroundMessage | null = null) {
  const bg = scriptedBackground((msg, emit) => {
    if (msg.type === 'status/check' && status) emit(status);
    if (msg.type === 'host/status' && helper) emit(helper);
  });
  render(<App panel={createPanel(bg.connect)} />);
  return { bg, welcome: () => screen.getByRole('region', { name: 'Welcome' }) };
}

describe('the welcome view (empty chat)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    writeText.mockClear();
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
  });
  afterEach(cleanup);

  it('says it is checking until the first status, beside the (empty) message log', () => {
    const { welcome } = open(null);
    expect(within(welcome()).getByText('Checking the connection to Ollama…')).toBeTruthy();
    expect(screen.getByRole('log').contains(welcome())).toBe(false);
  });

  it("Ollama down, no helper: how to start it (ollama serve, Copy) and how to install the helper; not the banner's words", async () => {
    const { welcome } = open(DOWN, { type: 'host/status', installed: false, command: null, url: null });
    await waitFor(() => expect(within(welcome()).getByText('npm run host:install -- --start-command "ollama serve"')).toBeTruthy());
    const w = within(welcome());
    expect(w.getByText('ollama serve')).toBeTruthy();
    expect(w.queryByRole('button', { name: 'Start Ollama' })).toBeNull();
    expect(w.queryByText('Start a conversation with your local LLM')).toBeNull();
    // The banner is the alert, the welcome the guide: none of the banner's text repeats here.
    const alert = screen.getByRole('alert').querySelector('.banner-text')?.textContent ?? '';
    expect(alert).toContain('Cannot connect to Ollama server');
    expect(welcome().textContent).not.toContain(alert);

    fireEvent.click(w.getAllByRole('button', { name: 'Copy command' })[0] as HTMLElement);
    await waitFor(() => expect(w.getByRole('button', { name: 'Copied' })).toBeTruthy());
    expect(writeText).toHaveBeenCalledWith('ollama serve');
  });

  it('Ollama down with the helper installed: Start Ollama asks the background to start it', async () => {
    const { bg, welcome } = open(DOWN, { type: 'host/status', installed: true, command: 'ollama serve', url: BASE });
    const start = await within(await waitFor(welcome)).findByRole('button', { name: 'Start Ollama' });
    fireEvent.click(start);
    expect(bg.sent('recovery/start')).toEqual([{ type: 'recovery/start', start: true, connection: 'local' }]);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Starting Ollama…'));
  });

  it('403: the OLLAMA_ORIGINS fix with Copy; no models: the pull command; Check again asks again', async () => {
    const { bg, welcome } = open({
      type: 'status',
      state: 'running',
      baseUrl: BASE,
      models: [],
      failure: { kind: 'forbidden', status: 403, message: 'refused (403)' },
    });
    await waitFor(() => expect(within(welcome()).getByText('OLLAMA_ORIGINS=chrome-extension://*,moz-extension://* ollama serve')).toBeTruthy());
    bg.emit({ type: 'status', state: 'running', baseUrl: BASE, models: [] });
    await waitFor(() => expect(within(welcome()).getByText('ollama pull llama3.2:1b')).toBeTruthy());
    const checks = bg.sent('status/check').length;
    fireEvent.click(within(welcome()).getByRole('button', { name: 'Check again' }));
    expect(bg.sent('status/check')).toHaveLength(checks + 1);
    await waitFor(() => expect(within(welcome()).getByText('Checking the connection to Ollama…')).toBeTruthy());
  });

  it('no models: Pull model pulls llama3.2:1b in the background and shows its progress, with Cancel', async () => {
    const { bg, welcome } = open({ type: 'status', state: 'running', baseUrl: BASE, models: [] });
    fireEvent.click(await within(await waitFor(welcome)).findByRole('button', { name: 'Pull model' }));
    expect(bg.sent('models/pull')).toEqual([{ type: 'models/pull', name: 'llama3.2:1b', connection: 'local' }]);
    bg.emit({ type: 'models/progress', pull: { name: 'llama3.2:1b', status: 'pulling abc', layers: [], completed: 300, total: 1000 } });
    const pull = await within(welcome()).findByRole('region', { name: 'Pull of llama3.2:1b' });
    await waitFor(() => expect(pull.textContent).toContain('(30%)'));
    fireEvent.click(within(welcome()).getByRole('button', { name: 'Cancel pull of llama3.2:1b' }));
    expect(bg.sent('models/pull-cancel')).toEqual([{ type: 'models/pull-cancel', name: 'llama3.2:1b' }]);
  });

  it('ready: the invitation and example prompts; a prompt is sent as the question; the welcome goes', async () => {
    const { bg, welcome } = open(UP);
    const prompt = await within(await waitFor(welcome)).findByRole('button', { name: examplePrompts()[0] });
    expect(within(welcome()).getByText('Start a conversation with your local LLM')).toBeTruthy();
    fireEvent.click(prompt);
    expect(bg.sent('chat/start')[0]).toMatchObject({ history: [{ role: 'user', content: examplePrompts()[0] }] });
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Welcome' })).toBeNull());
  });
});
