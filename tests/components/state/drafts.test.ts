import { signal } from '@preact/signals';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBannerModel } from '../../../components/state/banner';
import { createChatModel } from '../../../components/state/chat';
import { followDrafts } from '../../../components/state/drafts';
import { createSystemPrompt } from '../../../components/state/system-prompt';
import { followConversation, withSystem } from '../../../components/state/system-wiring';
import type { Conversation } from '../../../lib/conversations/contract';
import type { PanelMessage } from '../../../lib/protocol';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { readDrafts } from '../../../lib/storage/drafts';

const conv = (id: string, system?: string, updated_at = '2026-01-01T00:00:00.000Z') =>
  ({
    id,
    title: id,
    model: 'm',
    messages: [
      { role: 'user', content: 'q' },
      { role: 'assistant', content: 'a' },
    ],
    created_at: updated_at,
    updated_at,
    ...(system !== undefined ? { system } : {}),
  }) as unknown as Conversation;

const disposers: (() => void)[] = [];

/** One panel: the real chat and system prompt models, bound to drafts in (fake) browser storage. */
async function openPanel(on?: Conversation) {
  const sent: PanelMessage[] = [];
  const system = createSystemPrompt(async () => DEFAULT_SETTINGS);
  const inner = createChatModel({
    send: (m) => sent.push(withSystem(m, system.text.peek())),
    selectedModel: signal('m'),
    explainNoModel: () => ({ message: 'none', cause: 'no-model' }),
    banner: createBannerModel(),
    onConnectionFailure: vi.fn(),
    rememberConversation: vi.fn(),
  });
  const drafts = followDrafts(followConversation(inner, system), system);
  disposers.push(drafts.dispose);
  if (on) drafts.chat.open(on);
  await drafts.loaded;
  const starts = () => sent.filter((m) => m.type === 'chat/start');
  return { chat: drafts.chat, system, starts };
}

const stored = async () => (await readDrafts()).map(({ updatedAt, ...d }) => d);

describe('drafts', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    for (const d of disposers.splice(0)) d();
  });

  it('keeps the new chat’s unsent text for the next panel', async () => {
    const first = await openPanel();
    first.chat.setDraft('half a question');
    await vi.waitFor(async () => expect(await stored()).toEqual([{ conversation: null, text: 'half a question' }]));
    const second = await openPanel();
    expect(second.chat.draft.value).toBe('half a question');
  });

  it('brings back a saved conversation’s text and edited system prompt; sending uses and clears them', async () => {
    const a = conv('a', 'Old prompt.');
    const first = await openPanel(a);
    first.chat.setDraft('not sent');
    first.system.set('New prompt.');
    await vi.waitFor(async () => expect(await stored()).toEqual([{ conversation: 'a', text: 'not sent', system: 'New prompt.' }]));

    const second = await openPanel(a);
    expect(second.chat.draft.value).toBe('not sent');
    expect(second.system.text.value).toBe('New prompt.');
    expect(second.chat.send()).toBe(true);
    expect(second.starts().at(-1)).toMatchObject({ conversation: { id: 'a', system: 'New prompt.' } });
    // The text is used; the prompt stays a draft until the stored conversation has it.
    await vi.waitFor(async () => expect(await stored()).toEqual([{ conversation: 'a', text: '', system: 'New prompt.' }]));
    second.chat.sync(conv('a', 'New prompt.', '2026-01-02T00:00:00.000Z'));
    await vi.waitFor(async () => expect(await stored()).toEqual([]));
    const third = await openPanel(a);
    expect(third.chat.draft.value).toBe('');
  });

  it('a stored draft whose prompt is the stored one only brings back its text', async () => {
    const first = await openPanel(conv('a', 'Same.'));
    first.system.set('Edited.');
    first.chat.setDraft('x');
    await vi.waitFor(async () => expect(await stored()).toHaveLength(1));
    const second = await openPanel(conv('a', 'Edited.'));
    expect(second.system.text.value).toBe('Edited.');
    expect(second.system.saved.value).toBe('Edited.');
    expect(second.chat.draft.value).toBe('x');
  });

  it('text typed in one conversation never shows in another; each gets its own back', async () => {
    const p = await openPanel(conv('a'));
    p.chat.setDraft('for A');
    p.chat.open(conv('b'));
    expect(p.chat.draft.value).toBe('');
    p.chat.setDraft('for B');
    p.chat.newChat();
    expect(p.chat.draft.value).toBe('');
    expect(p.system.text.value).toBe('');
    p.chat.setDraft('for a new chat');
    p.chat.open(conv('a'));
    expect(p.chat.draft.value).toBe('for A');
    p.chat.open(conv('b'));
    expect(p.chat.draft.value).toBe('for B');
    p.chat.newChat();
    expect(p.chat.draft.value).toBe('for a new chat');
    await vi.waitFor(async () =>
      expect(await stored()).toEqual(
        expect.arrayContaining([
          { conversation: 'a', text: 'for A' },
          { conversation: 'b', text: 'for B' },
          { conversation: null, text: 'for a new chat' },
        ]),
      ),
    );
  });

  it('the new chat’s draft moves to its conversation when sent; a refused send puts it back there', async () => {
    const p = await openPanel();
    p.chat.setDraft('first question');
    await vi.waitFor(async () => expect(await stored()).toEqual([{ conversation: null, text: 'first question' }]));
    expect(p.chat.send()).toBe(true);
    const start = p.starts().at(-1);
    if (start?.type !== 'chat/start') throw new Error('no chat/start');
    const id = start.conversation.id;
    await vi.waitFor(async () => expect(await stored()).toEqual([]));
    p.chat.events['chat/failed']({ type: 'chat/failed', requestId: start.requestId, failure: { kind: 'conflict', message: 'moved on' } });
    expect(p.chat.draft.value).toBe('first question');
    await vi.waitFor(async () => expect(await stored()).toEqual([{ conversation: id, text: 'first question' }]));
  });

  it('another panel’s draft does not replace what is being typed; it is taken when the conversation is shown again', async () => {
    const a = conv('a');
    const one = await openPanel(a);
    const two = await openPanel(a);
    one.chat.setDraft('typed in one');
    await vi.waitFor(async () => expect(await stored()).toEqual([{ conversation: 'a', text: 'typed in one' }]));
    expect(two.chat.draft.value).toBe('');
    two.chat.open(a);
    expect(two.chat.draft.value).toBe('typed in one');
  });

  it('text typed before the drafts were read is kept after the stored draft', async () => {
    const first = await openPanel();
    first.chat.setDraft('stored');
    await vi.waitFor(async () => expect(await stored()).toHaveLength(1));
    const system = createSystemPrompt(async () => DEFAULT_SETTINGS);
    const chat = createChatModel({
      send: vi.fn(),
      selectedModel: signal('m'),
      explainNoModel: () => ({ message: 'none', cause: 'no-model' }),
      banner: createBannerModel(),
      onConnectionFailure: vi.fn(),
      rememberConversation: vi.fn(),
    });
    const drafts = followDrafts(chat, system);
    disposers.push(drafts.dispose);
    drafts.chat.setDraft('quick');
    await drafts.loaded;
    expect(drafts.chat.draft.value).toBe('stored\n\nquick');
    await vi.waitFor(async () => expect(await stored()).toEqual([{ conversation: null, text: 'stored\n\nquick' }]));
  });

  it('a damaged stored value reads as no drafts and is replaced by the next one typed', async () => {
    await fakeBrowser.storage.local.set({ ollama_chat_drafts: 'garbage' });
    const p = await openPanel();
    expect(p.chat.draft.value).toBe('');
    p.chat.setDraft('fresh');
    await vi.waitFor(async () => expect(await stored()).toEqual([{ conversation: null, text: 'fresh' }]));
  });
});
