import { signal } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import type { ChatModel } from '../../../components/state/chat';
import { createSystemPrompt } from '../../../components/state/system-prompt';
import { followConversation, withSystem } from '../../../components/state/system-wiring';
import type { Conversation } from '../../../lib/conversations/contract';
import type { PanelMessage } from '../../../lib/protocol';
import { DEFAULT_SETTINGS } from '../../../lib/settings';

const start: PanelMessage = { type: 'chat/start', requestId: 'r', model: 'm', conversation: { id: 'c', title: 'T' }, base: null, history: [] };
const stored = (system?: string) =>
  ({ id: 'c', title: 'T', model: 'm', messages: [], created_at: 'x', updated_at: 'y', ...(system ? { system } : {}) }) as unknown as Conversation;

describe('withSystem', () => {
  it('adds the conversation’s prompt to chat/start only, and only when it is not blank', () => {
    expect(withSystem(start, 'Be brief.')).toEqual({ ...start, conversation: { id: 'c', title: 'T', system: 'Be brief.' } });
    expect(withSystem(start, '  ')).toBe(start);
    const stop: PanelMessage = { type: 'chat/stop', requestId: 'r' };
    expect(withSystem(stop, 'Be brief.')).toBe(stop);
  });
});

describe('the conversation’s system prompt', () => {
  it('reads presets and the default when opened, and a preset fills the text', async () => {
    const model = createSystemPrompt(async () => ({
      ...DEFAULT_SETTINGS,
      systemPrompt: 'Default.',
      promptPresets: [{ id: 'p', name: 'Pirate', text: 'Arr.' }],
    }));
    model.toggle();
    await vi.waitFor(() => expect(model.presets.value).toHaveLength(1));
    expect(model.fallback.value).toBe('Default.');
    model.usePreset('p');
    expect(model.text.value).toBe('Arr.');
    model.usePreset('missing');
    expect(model.text.value).toBe('Arr.');
  });

  it('follows the conversation on screen: its own prompt when opened, none for a new chat', () => {
    const conversationId = signal<string | null>('c');
    const chat = { open: vi.fn(), newChat: vi.fn(), sync: vi.fn(), conversationId } as unknown as ChatModel;
    const system = createSystemPrompt(async () => DEFAULT_SETTINGS);
    const wrapped = followConversation(chat, system);
    wrapped.open(stored('Arr.'));
    expect(chat.open).toHaveBeenCalled();
    expect(system.text.value).toBe('Arr.');
    wrapped.sync(stored('Changed elsewhere.'));
    expect(system.text.value).toBe('Changed elsewhere.');
    // A save landing while the user edits does not take their text away.
    system.set('Being typed');
    wrapped.sync(stored('Changed elsewhere.'));
    expect(system.text.value).toBe('Being typed');
    conversationId.value = 'other';
    wrapped.sync(stored('Not this one.'));
    expect(system.text.value).toBe('Being typed');
    wrapped.newChat();
    expect(system.text.value).toBe('');
  });
});
