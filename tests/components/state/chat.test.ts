import { signal } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import type { PanelMessage } from '../../../lib/protocol';
import { createBannerModel } from '../../../components/state/banner';
import { createChatModel } from '../../../components/state/chat';

function setup(model: string | null = 'llama3.2:latest') {
  const selectedModel = signal(model);
  const sent: PanelMessage[] = [];
  const banner = createBannerModel();
  const onConnectionFailure = vi.fn();
  const rememberConversation = vi.fn();
  const chat = createChatModel({
    send: (m) => sent.push(m),
    selectedModel,
    explainNoModel: () => ({ message: 'No model is installed: ollama pull llama3.2', cause: 'no-model' }),
    banner,
    onConnectionFailure,
    rememberConversation,
  });
  const lastStart = () => {
    const s = sent.filter((m) => m.type === 'chat/start').pop();
    if (s?.type !== 'chat/start') throw new Error('no chat/start sent');
    return s;
  };
  const turns = (m: { history: { role: string; content: string }[] }) => m.history.map(({ role, content }) => ({ role, content }));
  return { chat, sent, banner, onConnectionFailure, rememberConversation, lastStart, turns, selectedModel };
}

describe('chat model', () => {
  it('Retry clicked before a just-opened panel knows its model waits for it, then asks once', async () => {
    const { chat, sent, lastStart, selectedModel } = setup();
    chat.setDraft('q');
    chat.send();
    const first = lastStart();
    chat.events['chat/failed']({ type: 'chat/failed', requestId: first.requestId, failure: { kind: 'lost', message: 'lost' } });
    const reply = chat.messages.value[1];
    selectedModel.value = null;
    const before = sent.length;
    chat.retry(reply?.id ?? '');
    chat.retry(reply?.id ?? '');
    await Promise.resolve();
    expect(sent.length).toBe(before);
    selectedModel.value = 'qwen3:0.6b';
    await Promise.resolve();
    expect(sent.filter((m) => m.type === 'chat/start')).toHaveLength(2);
    expect(lastStart().model).toBe('qwen3:0.6b');
    selectedModel.value = 'llama3.2:latest';
    await Promise.resolve();
    expect(sent.filter((m) => m.type === 'chat/start')).toHaveLength(2);
  });

  it('a finished reply keeps the stats the background saved, and sends them back with the next request’s history', () => {
    const { chat, lastStart } = setup();
    chat.setDraft('q1');
    chat.send();
    const stats = { model: 'llama3.2:latest', evalCount: 84, evalDurationNs: 2e9, totalDurationNs: 3e9, promptEvalCount: 5, ttftMs: 120 };
    chat.events['chat/done']({ type: 'chat/done', requestId: lastStart().requestId, info: { doneReason: 'stop' }, stats });
    expect(chat.messages.value[1]?.stats.value).toEqual(stats);
    chat.setDraft('q2');
    chat.send();
    expect(lastStart().history[1]).toMatchObject({ role: 'assistant', stats });
  });

  it('a reopened conversation shows the stats it was saved with', () => {
    const { chat } = setup();
    const stats = { model: 'm', evalCount: 3, evalDurationNs: 1e9 };
    chat.open({
      id: 'conv-1-aaaaaaaaa' as never,
      title: 't',
      model: 'm',
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
      messages: [
        { role: 'user', content: 'q', timestamp: '2026-01-01T00:00:00.000Z' },
        { role: 'assistant', content: 'a', timestamp: '2026-01-01T00:00:00.000Z', stats },
      ],
    });
    expect(chat.messages.value[1]?.stats.value).toEqual(stats);
  });

  it('never sends blank input', () => {
    const { chat, sent } = setup();
    chat.setDraft('   \n\t ');
    expect(chat.send()).toBe(false);
    expect(sent).toEqual([]);
    expect(chat.messages.value).toEqual([]);
  });

  it('sends trimmed text with the whole history, and shows a streaming placeholder at once', () => {
    const { chat, lastStart, turns, rememberConversation } = setup();
    chat.setDraft('  Why is the sky blue?  ');
    expect(chat.send()).toBe(true);
    expect(chat.draft.value).toBe('');
    const [user, reply] = chat.messages.value;
    expect(user?.text.value).toBe('Why is the sky blue?');
    expect(reply?.status.value).toBe('streaming');
    expect(chat.streaming.value).toBe(true);
    expect(lastStart()).toMatchObject({ model: 'llama3.2:latest', history: [{ role: 'user', content: 'Why is the sky blue?' }] });
    // A new conversation gets its contract id at once, and becomes the one the panel reopens.
    const convId = lastStart().conversation.id;
    expect(convId).toMatch(/^conv-\d+-[0-9a-z]{9}$/);
    expect(rememberConversation).toHaveBeenCalledWith(convId);

    const id = lastStart().requestId;
    chat.events['chat/chunk']({ type: 'chat/chunk', requestId: id, content: 'Rayleigh' });
    chat.events['chat/chunk']({ type: 'chat/chunk', requestId: id, content: ' scattering.' });
    chat.events['chat/done']({ type: 'chat/done', requestId: id, info: { doneReason: 'stop' } });
    expect(reply?.text.value).toBe('Rayleigh scattering.');
    expect(reply?.status.value).toBe('done');
    expect(chat.streaming.value).toBe(false);

    chat.setDraft('And at sunset?');
    chat.send();
    expect(turns(lastStart())).toEqual([
      { role: 'user', content: 'Why is the sky blue?' },
      { role: 'assistant', content: 'Rayleigh scattering.' },
      { role: 'user', content: 'And at sunset?' },
    ]);
    expect(lastStart().conversation.id).toBe(convId);
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
    const { chat, banner, onConnectionFailure, lastStart, turns } = setup();
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
    expect(turns(second)).toEqual(turns(first));
    expect(second.conversation.id).toBe(first.conversation.id);
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

  it('a lost background marks the reply interrupted and says why in the banner', () => {
    const { chat, banner } = setup();
    chat.setDraft('q');
    chat.send();
    chat.linkLost();
    expect(chat.messages.value[1]?.status.value).toBe('failed');
    expect(chat.streaming.value).toBe(false);
    expect(banner.current.value).toMatchObject({ kind: 'error', text: expect.stringMatching(/restarted while answering/) });
  });

  it('new chat clears the screen and forgets the conversation (the reply goes on being saved)', () => {
    const { chat, sent, rememberConversation } = setup();
    chat.setDraft('q');
    chat.send();
    chat.newChat();
    // No stop: the panel only stops following that conversation.
    expect(sent.map((m) => m.type)).toEqual(['chat/start', 'chat/attach']);
    expect(sent.at(-1)).toEqual({ type: 'chat/attach', conversationId: null });
    expect(chat.messages.value).toEqual([]);
    expect(chat.streaming.value).toBe(false);
    expect(chat.conversationId.value).toBeNull();
    expect(rememberConversation).toHaveBeenLastCalledWith(null);
  });

  const stored = {
    id: 'conv-1-abcdefghi',
    title: 'Renamed by me',
    model: 'llama3.2:latest',
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:05.000Z',
    messages: [
      { role: 'user' as const, content: 'hi', timestamp: '2026-01-01T00:00:00.000Z' },
      { role: 'assistant' as const, content: 'hel', timestamp: '2026-01-01T00:00:01.000Z', status: 'interrupted' as const },
    ],
  } as never;

  it('opens a stored conversation, re-joins its reply, and keeps its name when saving', () => {
    const { chat, sent, lastStart } = setup();
    chat.open(stored);
    expect(chat.messages.value.map((m) => [m.role, m.text.value, m.status.value])).toEqual([
      ['user', 'hi', 'done'],
      ['assistant', 'hel', 'interrupted'],
    ]);
    expect(sent.at(-1)).toEqual({ type: 'chat/attach', conversationId: 'conv-1-abcdefghi' });

    chat.events['chat/resume']({
      type: 'chat/resume',
      requestId: 'r9',
      conversationId: 'conv-1-abcdefghi',
      history: [{ role: 'user', content: 'hi', timestamp: '2026-01-01T00:00:00.000Z' }],
      content: 'hello',
      thinking: '',
    });
    expect(chat.streaming.value).toBe(true);
    chat.events['chat/chunk']({ type: 'chat/chunk', requestId: 'r9', content: ' there' });
    chat.events['chat/done']({ type: 'chat/done', requestId: 'r9', info: { doneReason: 'stop' } });
    expect(chat.messages.value.map((m) => m.text.value)).toEqual(['hi', 'hello there']);

    chat.setDraft('more');
    chat.send();
    expect(lastStart().conversation).toEqual({ id: 'conv-1-abcdefghi', title: 'Renamed by me' });
  });

  it('a reply that failed without text stays on screen (with Retry) when the stored copy arrives', () => {
    const { chat, lastStart } = setup();
    chat.setDraft('q');
    chat.send();
    const { requestId, conversation } = lastStart();
    chat.events['chat/failed']({ type: 'chat/failed', requestId, failure: { kind: 'not-found', message: "model 'x' not found" } });
    chat.sync({
      id: conversation.id,
      title: 'q',
      model: 'm',
      created_at: 't',
      updated_at: 't',
      messages: [{ role: 'user', content: 'q', timestamp: 't' }],
    } as never);
    expect(chat.messages.value.map((m) => m.status.value)).toEqual(['done', 'failed']);
  });

  it('follows the stored copy when idle, never while streaming', () => {
    const { chat } = setup();
    chat.open(stored);
    const changed = { ...(stored as object), messages: [{ role: 'user', content: 'edited elsewhere', timestamp: 't' }] } as never;
    chat.sync(changed);
    expect(chat.messages.value.map((m) => m.text.value)).toEqual(['edited elsewhere']);
    chat.setDraft('q');
    chat.send();
    chat.sync(stored);
    expect(chat.messages.value.map((m) => m.text.value)).toEqual(['edited elsewhere', 'q', '']);
  });

  it('sends the stored version it holds as base, and the version each finished reply reports', () => {
    const { chat, lastStart } = setup();
    chat.setDraft('first');
    chat.send();
    expect(lastStart().base).toBeNull();
    chat.events['chat/done']({ type: 'chat/done', requestId: lastStart().requestId, info: { doneReason: 'stop' }, version: '2026-01-01T00:00:02.000Z' });
    chat.setDraft('second');
    chat.send();
    expect(lastStart().base).toBe('2026-01-01T00:00:02.000Z');
    chat.events['chat/done']({ type: 'chat/done', requestId: lastStart().requestId, info: { doneReason: 'stop' } });
    chat.open({ id: 'conv-1-abcdefghi', title: 't', model: 'm', messages: [], created_at: 'c', updated_at: '2026-02-02T00:00:00.000Z' } as never);
    chat.setDraft('third');
    chat.send();
    expect(lastStart().base).toBe('2026-02-02T00:00:00.000Z');
  });

  it('a request refused as a conflict takes nothing away: the text and attachments go back to the composer, the banner says why', () => {
    const onConflict = vi.fn();
    const returnAttachments = vi.fn();
    const page = { kind: 'page' as const, title: 'Llamas', text: 'They hum.' };
    const selectedModel = signal<string | null>('m');
    const sent: PanelMessage[] = [];
    const banner = createBannerModel();
    const chat = createChatModel({
      send: (m) => sent.push(m),
      selectedModel,
      explainNoModel: () => ({ message: '', cause: 'no-model' }),
      banner,
      onConnectionFailure: vi.fn(),
      rememberConversation: vi.fn(),
      onConflict,
      returnAttachments,
    });
    chat.setDraft('my long question');
    chat.send([page]);
    const start = sent.find((m) => m.type === 'chat/start');
    if (start?.type !== 'chat/start') throw new Error('no start');
    chat.setDraft('typed meanwhile');
    chat.events['chat/failed']({
      type: 'chat/failed',
      requestId: start.requestId,
      failure: { kind: 'conflict', message: 'This conversation is already answering in another panel.' },
    });
    expect(chat.messages.value).toEqual([]);
    expect(chat.draft.value).toBe('my long question\n\ntyped meanwhile');
    expect(returnAttachments).toHaveBeenCalledWith([page]);
    expect(chat.streaming.value).toBe(false);
    expect(banner.current.value?.text).toMatch(/already answering/);
    expect(onConflict).toHaveBeenCalled();
    // Then the running reply is joined, with its own history.
    chat.events['chat/resume']({
      type: 'chat/resume',
      requestId: 'r-other',
      conversationId: start.conversation.id,
      history: [{ role: 'user', content: 'their q', timestamp: 't' }],
      content: 'so far',
      thinking: '',
    });
    expect(chat.messages.value.map((m) => m.text.value)).toEqual(['their q', 'so far']);
    expect(chat.streaming.value).toBe(true);
  });

  it('sending while this conversation is answering (e.g. started in another window) says why and keeps the text', () => {
    const { chat, sent, banner } = setup();
    chat.events['chat/resume']({ type: 'chat/resume', requestId: 'r-other', conversationId: 'x', history: [], content: '', thinking: '' });
    chat.open({ id: 'conv-1-abcdefghi', title: 't', model: 'm', messages: [], created_at: 'c', updated_at: 'u' } as never);
    chat.events['chat/resume']({ type: 'chat/resume', requestId: 'r-other', conversationId: 'conv-1-abcdefghi', history: [], content: 'so far', thinking: '' });
    const before = sent.length;
    chat.setDraft('my question');
    expect(chat.send()).toBe(false);
    expect(sent.length).toBe(before);
    expect(chat.draft.value).toBe('my question');
    expect(banner.current.value?.text).toMatch(/still answering/);
  });
});
