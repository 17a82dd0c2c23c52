import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { createAttachments } from '../../../components/state/attachments';
import { createBannerModel } from '../../../components/state/banner';
import { createChatModel } from '../../../components/state/chat';
import { createInbox } from '../../../components/state/inbox';
import type { Readiness } from '../../../components/state/readiness';
import type { Handoff } from '../../../lib/selection/handoff';
import { takeSelection } from '../../../lib/selection/prompt';
import type { PanelMessage } from '../../../lib/protocol';

const UNKNOWN: Readiness = { kind: 'unknown' };
const READY: Readiness = { kind: 'ready' };

function setup(readiness: Readiness = UNKNOWN, model: string | null = null) {
  const sent: PanelMessage[] = [];
  const banner = createBannerModel();
  const selectedModel = signal<string | null>(model);
  const ready = signal(readiness);
  const chat = createChatModel({
    send: (m) => sent.push(m),
    selectedModel,
    explainNoModel: () => ({ message: 'no model', cause: 'no-model' }),
    banner,
    onConnectionFailure: () => {},
    rememberConversation: () => {},
  });
  const attachments = createAttachments();
  const inbox = createInbox(chat, banner, ready, attachments);
  const starts = () => sent.filter((m) => m.type === 'chat/start');
  /** The model becomes known, as the first status answer makes it. */
  const becomeReady = (name = 'llama3.2:latest') => {
    selectedModel.value = name;
    ready.value = READY;
  };
  return { chat, inbox, attachments, banner, sent, starts, ready, becomeReady };
}

// The pump runs in a microtask after the state it waits for changes.
const settle = () => new Promise((r) => setTimeout(r, 0));

const action = (prompt: string, text = 'Llamas hum.', limit = 8000): Handoff => ({
  id: `sel-${prompt}`,
  createdAt: 0,
  kind: 'send',
  title: 'Summarize',
  prompt,
  selection: takeSelection(text, limit, 'A page', 'https://example.com/'),
});
const ask = (text: string): Handoff => ({ id: `ask-${text}`, createdAt: 0, kind: 'ask', selection: takeSelection(text, 8000) });
const lastUser = (m: PanelMessage | undefined) => (m?.type === 'chat/start' ? m.history.at(-1)?.content : undefined);

describe('inbox', () => {
  it('a quick action that arrives before the model is known waits for it, then goes out once in a new chat', async () => {
    const { inbox, chat, banner, starts, becomeReady } = setup();
    inbox.accept([action('Summarize: Llamas hum.')]);
    await settle();
    expect(starts()).toHaveLength(0);
    expect(banner.current.value).toBeNull();
    expect(chat.draft.value).toBe('');
    becomeReady();
    await settle();
    expect(starts()).toHaveLength(1);
    expect(lastUser(starts()[0])).toBe('Summarize: Llamas hum.');
    expect(chat.draft.value).toBe('');
    expect(banner.current.value).toBeNull();
  });

  it('a quick action goes out at once when the model is already known', async () => {
    const { inbox, starts } = setup(READY, 'llama3.2:latest');
    inbox.accept([action('p')]);
    await settle();
    expect(starts()).toHaveLength(1);
  });

  it('queued actions go one after another as each reply ends, each in a new chat', async () => {
    const { inbox, chat, starts } = setup(READY, 'llama3.2:latest');
    inbox.accept([action('one'), action('two')]);
    await settle();
    expect(starts()).toHaveLength(1);
    const first = starts()[0];
    if (first?.type !== 'chat/start') throw new Error('no start');
    chat.events['chat/done']({ type: 'chat/done', requestId: first.requestId, info: { doneReason: 'stop' } });
    await settle();
    expect(starts().map(lastUser)).toEqual(['one', 'two']);
    const second = starts()[1];
    expect(second?.type === 'chat/start' && second.conversation.id).not.toBe(first.conversation.id);
    expect(second?.type === 'chat/start' && second.history).toHaveLength(1);
  });

  it('with no model or Ollama down, the prompts join the draft with the reason and are never sent later', async () => {
    const { inbox, chat, banner, starts, ready, becomeReady } = setup();
    chat.setDraft('my own words');
    inbox.accept([action('one'), action('two')]);
    ready.value = { kind: 'unavailable', message: 'No model is installed in Ollama.' };
    await settle();
    expect(starts()).toHaveLength(0);
    expect(chat.draft.value).toBe('my own words\n\none\n\ntwo');
    expect(banner.current.value).toEqual({ kind: 'error', text: 'No model is installed in Ollama.', source: 'chat', actions: [] });
    becomeReady();
    await settle();
    expect(starts()).toHaveLength(0);
  });

  it('a status check under way (readiness back to unknown) holds the next action until it answers', async () => {
    const { inbox, starts, ready, becomeReady } = setup(READY, 'llama3.2:latest');
    ready.value = UNKNOWN;
    inbox.accept([action('p')]);
    await settle();
    expect(starts()).toHaveLength(0);
    becomeReady();
    await settle();
    expect(starts()).toHaveLength(1);
  });

  it('says when the selection was cut', async () => {
    const { inbox, banner } = setup(READY, 'llama3.2:latest');
    inbox.accept([action('p', 'x'.repeat(20), 10)]);
    await settle();
    expect(banner.current.value?.text).toBe('Selection cut to 10 of 20 characters (limit in Settings).');
  });

  it('"ask" items wait above the box as selection chips and ask for focus; they are sent with the question', async () => {
    const { inbox, chat, starts, attachments } = setup(READY, 'llama3.2:latest');
    inbox.accept([ask('first'), ask('second')]);
    const texts = () => attachments.chips.value.map((c) => (c.attachment.kind === 'selection' ? c.attachment.text : ''));
    expect(texts()).toEqual(['first', 'second']);
    expect(inbox.focusRequests.value).toBe(2);
    chat.setDraft('Why?');
    expect(inbox.sendWithContext()).toBe(true);
    await settle();
    const start = starts()[0];
    const user = start?.type === 'chat/start' ? start.history.at(-1) : undefined;
    expect(user?.content).toBe('Why?');
    expect(user?.attachments?.map((a) => a.kind === 'selection' && a.text)).toEqual(['first', 'second']);
    expect(texts()).toEqual([]);
  });

  it('attachments of a question that could not be sent stay above the box', () => {
    const { inbox, chat, attachments } = setup(READY, null);
    inbox.accept([ask('kept')]);
    chat.setDraft('Why?');
    expect(inbox.sendWithContext()).toBe(false);
    expect(attachments.chips.value).toHaveLength(1);
    expect(chat.draft.value).toBe('Why?');
  });

  it('stops following the state once disposed', async () => {
    const { inbox, starts, becomeReady } = setup();
    inbox.accept([action('p')]);
    inbox.dispose();
    becomeReady();
    await settle();
    expect(starts()).toHaveLength(0);
  });

  it('an image from the context menu becomes a chip; one that could not be fetched says why', () => {
    const { inbox, attachments, banner, starts } = setup(READY, 'llama3.2:latest');
    const image = { kind: 'image' as const, title: 'a.jpg', mime: 'image/jpeg', width: 2, height: 1, data: 'AAAA' };
    inbox.accept([{ id: 'i1', createdAt: 0, kind: 'image', image }]);
    expect(attachments.chips.value.map((c) => c.attachment)).toEqual([image]);
    expect(inbox.focusRequests.value).toBe(1);
    inbox.accept([{ id: 'i2', createdAt: 0, kind: 'image', problem: 'example.test does not let extensions read this image.' }]);
    expect(banner.current.value).toMatchObject({ kind: 'error', text: 'example.test does not let extensions read this image.' });
    expect(attachments.chips.value).toHaveLength(1);
    expect(starts()).toHaveLength(0);
  });

  it('"Ask about this page" attaches the page as a chip and focuses the box; a page it could not read says why', () => {
    const { inbox, attachments, banner } = setup(READY, 'llama3.2:latest');
    const page = { kind: 'page' as const, title: 'Llamas', url: 'https://ex.org/', text: '# Llamas' };
    inbox.accept([{ id: 'p1', createdAt: 0, kind: 'page', attachment: page }]);
    expect(attachments.chips.value.map((c) => c.attachment)).toEqual([page]);
    expect(inbox.focusRequests.value).toBe(1);
    expect(banner.current.value).toBeNull();
    inbox.accept([{ id: 'p2', createdAt: 0, kind: 'page', refusal: 'This is a browser page: browsers do not let extensions read it.' }]);
    expect(attachments.chips.value).toHaveLength(1);
    expect(banner.current.value).toMatchObject({ kind: 'info', text: 'This is a browser page: browsers do not let extensions read it.' });
  });
});
