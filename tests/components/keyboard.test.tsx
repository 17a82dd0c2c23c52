import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../components/App';
import { sendsOn } from '../../components/Composer';
import type { PortLike } from '../../components/state/link';
import { createPanel, type Panel } from '../../components/state/panel';
import type { Conversation } from '../../lib/conversations/contract';
import type { BackgroundMessage, PanelMessage } from '../../lib/protocol';
import { createHistoryStore } from '../../lib/history/store';
import { historyIO } from '../../lib/storage/history-io';
import { writeSettings } from '../../lib/storage/items';

const stored = {
  id: 'conv-1-aaaaaaaaa',
  title: 'Old chat',
  model: 'llama3.2:latest',
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  messages: [
    { role: 'user', content: 'q', timestamp: '2026-01-01T00:00:00.000Z' },
    { role: 'assistant', content: 'the answer', timestamp: '2026-01-01T00:00:00.000Z' },
  ],
} as unknown as Conversation;

/** A background that says Ollama runs, and hands out `stored` when asked for it. */
function fakeBackground() {
  const received: PanelMessage[] = [];
  let listener: (m: unknown) => void = () => {};
  const emit = (m: BackgroundMessage) => listener(m);
  const port: PortLike = {
    postMessage: (m) => {
      const msg = m as PanelMessage;
      received.push(msg);
      if (msg.type === 'status/check')
        queueMicrotask(() => emit({ type: 'status', state: 'running', baseUrl: 'http://localhost:11434', models: [{ name: 'llama3.2:latest' }] }));
      if (msg.type === 'history/get') queueMicrotask(() => emit({ type: 'history/conversation', id: msg.id, conversation: stored }));
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

async function open() {
  const bg = fakeBackground();
  const panel: Panel = createPanel(bg.connect);
  render(<App panel={panel} />);
  await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Connected'));
  return { bg, panel };
}

const button = (name: string) => screen.getByRole('button', { name });
const esc = () => fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });

describe('keyboard and focus', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // Not in the fake: History asks how much storage is used when it opens.
    Object.assign(fakeBrowser.storage.local, { getBytesInUse: async () => 0 });
  });
  afterEach(cleanup);

  it.each([
    ['Settings', 'Ollama URL'],
    ['History', 'Search conversations'],
    ['Models', 'Model to pull'],
  ])('%s opens with focus in its first field; Esc closes it and focus is back on its button', async (view, field) => {
    await open();
    fireEvent.click(button(view));
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.closest('label')?.textContent).toContain(field));
    esc();
    await waitFor(() => expect(document.activeElement).toBe(button(view)));
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeTruthy();
  });

  it('toggling a view off with its button, or Back to chat, also gives focus back to the button', async () => {
    await open();
    fireEvent.click(button('History'));
    await screen.findByRole('searchbox', { name: 'Search conversations' });
    fireEvent.click(button('History'));
    await waitFor(() => expect(document.activeElement).toBe(button('History')));
    fireEvent.click(button('Settings'));
    fireEvent.click(await screen.findByRole('button', { name: 'Back to chat' }));
    await waitFor(() => expect(document.activeElement).toBe(button('Settings')));
  });

  it('a conversation opened from History puts focus on its last message', async () => {
    await createHistoryStore(historyIO, () => {}).save(stored);
    await open();
    fireEvent.click(button('History'));
    fireEvent.click(await screen.findByRole('button', { name: /^Old chat/ }));
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Assistant'));
    expect(document.activeElement?.textContent).toContain('the answer');
    expect(document.activeElement?.getAttribute('tabindex')).toBe('-1');
  });

  it('Esc closes History first while a reply streams behind it, then stops the reply', async () => {
    const { bg } = await open();
    fireEvent.input(screen.getByRole('textbox', { name: 'Message' }), { target: { value: 'q' } });
    fireEvent.click(button('Send'));
    fireEvent.click(button('History'));
    await screen.findByRole('searchbox');
    esc();
    expect(bg.received.some((m) => m.type === 'chat/stop')).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(button('History')));
    esc();
    expect(bg.received.some((m) => m.type === 'chat/stop')).toBe(true);
  });

  it('"Send with: Ctrl+Enter" makes Enter a new line, and the placeholder and shortcuts say so', async () => {
    await writeSettings({ sendKey: 'ctrl-enter' });
    const { bg } = await open();
    const box = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    await waitFor(() => expect(box.placeholder).toContain('Ctrl+Enter: send'));
    fireEvent.input(box, { target: { value: 'q' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(bg.received.some((m) => m.type === 'chat/start')).toBe(false);
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    expect(bg.received.some((m) => m.type === 'chat/start')).toBe(true);
    fireEvent.click(button('Settings'));
    const sendWith = (await screen.findByRole('combobox', { name: 'Send with' })) as HTMLSelectElement;
    await waitFor(() => expect(sendWith.value).toBe('ctrl-enter'));
    expect(screen.getByRole('row', { name: /Send$/ }).textContent).toContain('Ctrl+Enter');
  });

  it('which key sends', () => {
    const key = (k: Partial<KeyboardEvent>) => ({ key: 'Enter', shiftKey: false, ctrlKey: false, metaKey: false, isComposing: false, ...k });
    expect(sendsOn(key({}), 'enter')).toBe(true);
    expect(sendsOn(key({ ctrlKey: true }), 'enter')).toBe(true);
    expect(sendsOn(key({ shiftKey: true }), 'enter')).toBe(false);
    expect(sendsOn(key({ isComposing: true }), 'enter')).toBe(false);
    expect(sendsOn(key({}), 'ctrl-enter')).toBe(false);
    expect(sendsOn(key({ ctrlKey: true }), 'ctrl-enter')).toBe(true);
    expect(sendsOn(key({ metaKey: true }), 'ctrl-enter')).toBe(true);
    expect(sendsOn(key({ key: 'a', ctrlKey: true }), 'ctrl-enter')).toBe(false);
  });
});
