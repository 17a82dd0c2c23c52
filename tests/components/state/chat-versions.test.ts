import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { createBannerModel } from '../../../components/state/banner';
import { createChatModel } from '../../../components/state/chat';
import type { Conversation } from '../../../lib/conversations/contract';
import type { PanelMessage } from '../../../lib/protocol';

const t = '2026-01-01T00:00:00.000Z';
const stored: Conversation = {
  id: 'conv-1-aaaaaaaaa' as Conversation['id'],
  title: 'q1',
  model: 'm',
  messages: [
    { role: 'user', content: 'q1', timestamp: t },
    { role: 'assistant', content: 'a1', timestamp: t },
    { role: 'user', content: 'q2', timestamp: t },
    { role: 'assistant', content: 'a2', timestamp: t, versions: [{ content: 'a2 before', timestamp: t }] },
  ],
  created_at: t,
  updated_at: '2026-01-01T00:00:05.000Z',
};

function setup() {
  const sent: PanelMessage[] = [];
  const chat = createChatModel({
    send: (m) => sent.push(m),
    selectedModel: signal('llama3.2:latest'),
    explainNoModel: () => ({ message: 'none', cause: 'no-model' }),
    banner: createBannerModel(),
    onConnectionFailure: () => {},
    rememberConversation: () => {},
  });
  chat.open(stored);
  const last = <T extends PanelMessage['type']>(type: T) => sent.filter((m): m is Extract<PanelMessage, { type: T }> => m.type === type).pop();
  const texts = () => chat.messages.value.map((m) => m.text.value);
  return { chat, sent, last, texts };
}

describe('chat model: versions', () => {
  it('Regenerate asks the history up to that question and sends the earlier replies as versions of the new one', () => {
    const { chat, last, texts } = setup();
    const a1 = chat.messages.value[1];
    expect(chat.regenerate(a1?.id ?? '')).toBe(true);
    const start = last('chat/start');
    expect(start?.history.map((m) => m.content)).toEqual(['q1']);
    expect(start?.base).toBe(stored.updated_at);
    // The reply replaced, with everything that followed it, is kept as a version.
    expect(start?.replyVersions).toEqual([{ content: 'a1', timestamp: t, rest: stored.messages.slice(2) }]);
    expect(texts()).toEqual(['q1', '']);
    expect(chat.messages.value[1]).toMatchObject({ version: 1, versions: start?.replyVersions });
    expect(chat.regenerate(chat.messages.value[1]?.id ?? '')).toBe(false); // busy
  });

  it('Edit message sends the new question carrying the old one (and its branch) as a version', () => {
    const { chat, last, texts } = setup();
    const q2 = chat.messages.value[2];
    expect(chat.edit(q2?.id ?? '', '  ')).toBe(false);
    expect(chat.edit(q2?.id ?? '', 'q2 better')).toBe(true);
    const history = last('chat/start')?.history;
    expect(history?.map((m) => m.content)).toEqual(['q1', 'a1', 'q2 better']);
    expect(history?.[2]?.versions).toEqual([{ content: 'q2', timestamp: t, rest: [stored.messages[3]] }]);
    expect(texts()).toEqual(['q1', 'a1', 'q2 better', '']);
    // Neither works on the other role.
    expect(chat.edit(chat.messages.value[1]?.id ?? '', 'x')).toBe(false);
  });

  it('switching shows the other version and asks the background to save the choice onto its copy', () => {
    const { chat, last, texts } = setup();
    const a2 = chat.messages.value[3];
    chat.switchVersion(a2?.id ?? '', 0);
    expect(texts()).toEqual(['q1', 'a1', 'q2', 'a2 before']);
    // Same view (its id), so focus stays on the arrow that was pressed.
    expect(chat.messages.value[3]).toMatchObject({ id: a2?.id, version: 0 });
    expect(last('history/switch-version')).toEqual({ type: 'history/switch-version', id: stored.id, base: stored.updated_at, at: 3, to: 0 });
    chat.switchVersion(a2?.id ?? '', 5);
    expect(texts()).toEqual(['q1', 'a1', 'q2', 'a2 before']);
  });

  it('Retry of a failed regenerate keeps the replies it was to join', () => {
    const { chat, last } = setup();
    chat.regenerate(chat.messages.value[3]?.id ?? '');
    const first = last('chat/start');
    chat.events['chat/failed']({ type: 'chat/failed', requestId: first?.requestId ?? '', failure: { kind: 'server', message: 'boom' } });
    const failed = chat.messages.value[3];
    expect(failed?.status.value).toBe('failed');
    chat.retry(failed?.id ?? '');
    const again = last('chat/start');
    expect(again?.requestId).not.toBe(first?.requestId);
    expect(again?.replyVersions?.map((v) => v.content)).toEqual(['a2 before', 'a2']);
  });
});
