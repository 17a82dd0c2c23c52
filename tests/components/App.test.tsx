import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../components/App';
import type { PortLike } from '../../components/state/link';
import { createPanel } from '../../components/state/panel';
import type { BackgroundMessage, PanelMessage } from '../../lib/protocol';

/** A scripted background on the other end of the Port. */
function fakeBackground() {
  const received: PanelMessage[] = [];
  let listener: (m: unknown) => void = () => {};
  const emit = (m: BackgroundMessage) => listener(m);
  const port: PortLike = {
    postMessage: (m) => {
      const msg = m as PanelMessage;
      received.push(msg);
      if (msg.type === 'status/check')
        queueMicrotask(() =>
          emit({ type: 'status', state: 'running', baseUrl: 'http://localhost:11434', models: [{ name: 'llama3.2:latest' }, { name: 'qwen3:0.6b' }] }),
        );
    },
    disconnect: () => {},
    onMessage: {
      addListener: (cb) => {
        listener = cb;
      },
    },
    onDisconnect: { addListener: () => {} },
  };
  return { connect: () => port, received, emit };
}

/** The panel connected, one question sent with the Send button; its request id. */
async function sendOne() {
  const bg = fakeBackground();
  render(<App panel={createPanel(bg.connect)} />);
  await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Connected'));
  fireEvent.input(screen.getByRole('textbox', { name: 'Message' }), { target: { value: 'q' } });
  fireEvent.click(screen.getByRole('button', { name: 'Send' }));
  const start = bg.received.find((m) => m.type === 'chat/start');
  return { bg, requestId: start?.type === 'chat/start' ? start.requestId : '' };
}

describe('App', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(cleanup);

  it('renders the chat with accessible names and streams a reply', async () => {
    const bg = fakeBackground();
    render(<App panel={createPanel(bg.connect)} />);

    expect(screen.getByRole('log')).toBeTruthy();
    expect(screen.getByRole('main').contains(screen.getByRole('log'))).toBe(true);
    expect(screen.getByText('Start a conversation with your local LLM')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Connected'));
    const picker = screen.getByRole('combobox', { name: 'Model' }) as HTMLSelectElement;
    expect(picker.value).toBe('llama3.2:latest');
    expect(screen.getByRole('button', { name: 'New chat' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Settings' })).toBeTruthy();

    const box = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    const send = screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.input(box, { target: { value: 'Hi there' } });
    // The message box has focus as the panel opens.
    expect(document.activeElement).toBe(box);
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    fireEvent.keyDown(box, { key: 'Enter', isComposing: true });
    expect(bg.received.some((m) => m.type === 'chat/start')).toBe(false);
    fireEvent.keyDown(box, { key: 'Enter' });

    const start = bg.received.find((m) => m.type === 'chat/start');
    expect(start).toMatchObject({ model: 'llama3.2:latest', history: [{ role: 'user', content: 'Hi there' }] });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Stop' })).toBeTruthy());
    const requestId = start?.type === 'chat/start' ? start.requestId : '';

    bg.emit({ type: 'chat/chunk', requestId, content: 'Hello' });
    bg.emit({ type: 'chat/chunk', requestId, content: ', world.\n\nSecond' });
    const reply = await screen.findByRole('article', { name: 'Assistant' });
    await waitFor(() => expect(reply.querySelectorAll('.text p')).toHaveLength(2));
    expect(reply.getAttribute('data-status')).toBe('streaming');
    bg.emit({ type: 'chat/done', requestId, info: { doneReason: 'stop' } });
    await waitFor(() => expect(reply.getAttribute('data-status')).toBe('done'));
    expect([...reply.querySelectorAll('.text p')].map((p) => p.textContent)).toEqual(['Hello, world.', 'Second']);
    expect(screen.getByRole('button', { name: 'Send' })).toBeTruthy();
  });

  it('remembers a model choice in storage', async () => {
    const bg = fakeBackground();
    render(<App panel={createPanel(bg.connect)} />);
    const picker = (await screen.findByRole('combobox', { name: 'Model' })) as HTMLSelectElement;
    fireEvent.change(picker, { target: { value: 'qwen3:0.6b' } });
    await waitFor(async () => expect(await fakeBrowser.storage.local.get('selectedModel')).toEqual({ selectedModel: 'qwen3:0.6b' }));
  });

  it('shows the failure banner and keeps the partial reply with Retry', async () => {
    const { bg, requestId } = await sendOne();
    bg.emit({ type: 'chat/chunk', requestId, content: 'partial' });
    bg.emit({ type: 'chat/failed', requestId, failure: { kind: 'server', message: 'Ollama error: boom' } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Ollama error: boom'));
    const reply = screen.getByRole('article', { name: 'Assistant' });
    expect(reply.textContent).toContain('partial');
    expect(reply.textContent).toContain('Interrupted');
    // Said once, in the banner: the bubble only says what became of the reply.
    expect(reply.textContent).not.toContain('boom');
    expect(within(reply).getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('a banner about not reaching Ollama goes when Ollama answers again; no invitation to chat while it is down', async () => {
    const { bg, requestId } = await sendOne();
    bg.emit({ type: 'chat/failed', requestId, failure: { kind: 'refused', message: 'Cannot connect to Ollama server' } });
    bg.emit({
      type: 'status',
      state: 'stopped',
      baseUrl: 'http://localhost:11434',
      models: [],
      failure: { kind: 'refused', message: 'Ollama is not running.' },
    });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Cannot connect to Ollama server'));
    fireEvent.click(screen.getByRole('button', { name: 'New chat' }));
    bg.emit({
      type: 'status',
      state: 'stopped',
      baseUrl: 'http://localhost:11434',
      models: [],
      failure: { kind: 'refused', message: 'Ollama is not running.' },
    });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Disconnected'));
    expect(screen.queryByText('Start a conversation with your local LLM')).toBeNull();

    bg.emit({ type: 'status', state: 'running', baseUrl: 'http://localhost:11434', models: [{ name: 'llama3.2:latest' }] });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Connected'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('Start a conversation with your local LLM')).toBeTruthy();
  });

  it('a chat error that Ollama being up does not fix stays', async () => {
    const { bg, requestId } = await sendOne();
    bg.emit({ type: 'chat/failed', requestId, failure: { kind: 'not-found', message: "model 'x' not found" } });
    bg.emit({ type: 'status', state: 'running', baseUrl: 'http://localhost:11434', models: [{ name: 'llama3.2:latest' }] });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain("model 'x' not found"));
  });
});
