import { signal } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import type { PanelMessage } from '../../../lib/protocol';
import { createBannerModel } from '../../../components/state/banner';
import { createChatModel } from '../../../components/state/chat';

function setup(model: string | null = 'llama3.2:latest') {
  const sent: PanelMessage[] = [];
  const banner = createBannerModel();
  const onConnectionFailure = vi.fn();
  const chat = createChatModel({ send: (m) => sent.push(m), selectedModel: signal(model), explainNoModel: () => 'No model is installed: ollama pull llama3.2', banner, onConnectionFailure });
  const lastStart = () => {
    const s = sent.filter((m) => m.type === 'chat/start').pop();
    if (!s || s.type !== 'chat/start') throw new Error('no chat/start sent');
    return s;
  };
  return { chat, sent, banner, onConnectionFailure, lastStart };
}

describe('chat model', () => {
  it('never sends blank input', () => {
    const { chat, sent } = setup();
    chat.setDraft('   \n\t ');
    expect(chat.send()).toBe(false);
    expect(sent).toEqual([]);
    expect(chat.messages.value).toEqual([]);
  });

  it('sends trimmed text with the whole history, and shows a streaming placeholder at once', () => {
    const { chat, lastStart } = setup();
    chat.setDraft('  Why is the sky blue?  ');
    expect(chat.send()).toBe(true);
    expect(chat.draft.value).toBe('');
    const [user, reply] = chat.messages.value;
    expect(user?.text.value).toBe('Why is the sky blue?');
    expect(reply?.status.value).toBe('streaming');
    expect(chat.streaming.value).toBe(true);
    expect(lastStart()).toMatchObject({ model: 'llama3.2:latest', messages: [{ role: 'user', content: 'Why is the sky blue?' }] });

    const id = lastStart().requestId;
    chat.events['chat/chunk']({ type: 'chat/chunk', requestId: id, content: 'Rayleigh' });
    chat.events['chat/chunk']({ type: 'chat/chunk', requestId: id, content: ' scattering.' });
    chat.events['chat/done']({ type: 'chat/done', requestId: id, info: { doneReason: 'stop' } });
    expect(reply?.text.value).toBe('Rayleigh scattering.');
    expect(reply?.status.value).toBe('done');
    expect(chat.streaming.value).toBe(false);

    chat.setDraft('And at sunset?');
    chat.send();
    expect(lastStart().messages).toEqual([
      { role: 'user', content: 'Why is the sky blue?' },
      { role: 'assistant', content: 'Rayleigh scattering.' },
      { role: 'user', content: 'And at sunset?' },
    ]);
  });

  it('ignores chunks of another request', () => {
    const { chat } = setup();
    chat.setDraft('q');
    chat.send();
    chat.events['chat/chunk']({ type: 'chat/chunk', requestId: 'someone-else', content: 'x' });
    expect(chat.messages.value[1]?.text.value).toBe('');
  });

  it('stop asks the background and keeps the partial text', () => {
    const { chat, sent, lastStart } = setup();
    chat.setDraft('q');
    chat.send();
    const id = lastStart().requestId;
    chat.events['chat/chunk']({ type: 'chat/chunk', requestId: id, content: 'partial' });
    chat.stop();
    expect(sent.at(-1)).toEqual({ type: 'chat/stop', requestId: id });
    chat.events['chat/stopped']({ type: 'chat/stopped', requestId: id });
    expect(chat.messages.value[1]?.status.value).toBe('stopped');
    expect(chat.messages.value[1]?.text.value).toBe('partial');
  });

  it('a failure keeps text, shows the banner, offers retry, and retry re-asks the same history', () => {
    const { chat, banner, onConnectionFailure, lastStart } = setup();
    chat.setDraft('q');
    chat.send();
    const first = lastStart();
    chat.events['chat/chunk']({ type: 'chat/chunk', requestId: first.requestId, content: 'half' });
    chat.events['chat/failed']({ type: 'chat/failed', requestId: first.requestId, failure: { kind: 'lost', message: 'Connection to Ollama lost.' } });
    const reply = chat.messages.value[1];
    expect(reply?.status.value).toBe('interrupted');
    expect(reply?.text.value).toBe('half');
    expect(banner.current.value).toMatchObject({ kind: 'error', text: 'Connection to Ollama lost.' });
    expect(onConnectionFailure).toHaveBeenCalled();

    chat.retry(reply?.id ?? '');
    const second = lastStart();
    expect(second.requestId).not.toBe(first.requestId);
    expect(second.messages).toEqual(first.messages);
    expect(chat.messages.value).toHaveLength(2);
    expect(banner.current.value).toBeNull();
  });

  it('no model: an explanation, and the draft is kept', () => {
    const { chat, sent, banner } = setup(null);
    chat.setDraft('hello');
    expect(chat.send()).toBe(false);
    expect(chat.draft.value).toBe('hello');
    expect(sent).toEqual([]);
    expect(banner.current.value?.text).toContain('ollama pull');
  });

  it('a lost background marks the reply interrupted', () => {
    const { chat } = setup();
    chat.setDraft('q');
    chat.send();
    chat.linkLost();
    expect(chat.messages.value[1]?.status.value).toBe('failed');
    expect(chat.streaming.value).toBe(false);
  });

  it('new chat stops the stream and clears the list', () => {
    const { chat, sent } = setup();
    chat.setDraft('q');
    chat.send();
    chat.newChat();
    expect(sent.at(-1)?.type).toBe('chat/stop');
    expect(chat.messages.value).toEqual([]);
    expect(chat.streaming.value).toBe(false);
  });
});
