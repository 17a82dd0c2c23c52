/**
 * The conversation on screen: sending, streaming, stop, retry, new chat, opening a stored one.
 * Nothing the user typed and nothing that arrived is dropped by a failure: the draft is cleared
 * only once it has become a message, and a failed reply keeps its text, marked, with Retry.
 * The background stores every exchange; this model follows the stored copy when it changes.
 */
import { computed, type ReadonlySignal, signal } from '@preact/signals';
import type { Attachment } from '../../lib/attachments/types';
import { type Conversation, type MessageVersion, newConversationId } from '../../lib/conversations/contract';
import type { BackgroundMessage, Failure, Handlers, PanelMessage } from '../../lib/protocol';
import type { BannerModel } from './banner';
import type { BannerCause } from './banner-actions';
import { createVersionActions, type VersionActions } from './chat-versions';
import { type ChatMessage, createMessage, fromHistory, isStored, type MutableMessage, newId, sameAsStored, toHistory } from './message';
import { t } from '../../lib/i18n';

type ChatEvents = Pick<Handlers<BackgroundMessage>, 'chat/chunk' | 'chat/done' | 'chat/stopped' | 'chat/failed' | 'chat/resume'>;

export interface ChatDeps {
  send(msg: PanelMessage): void;
  selectedModel: ReadonlySignal<string | null>;
  /** Why no model can be used right now (Ollama down, none installed), for the banner. */
  explainNoModel(): { message: string; cause: BannerCause };
  banner: BannerModel;
  onConnectionFailure(failure: Failure): void;
  /** Remembers which conversation is on screen, for the next time the panel opens. */
  rememberConversation(id: string | null): void;
  /** A reply ended (any way). */
  onIdle?(): void;
  /** The background refused a request because the stored copy moved on: fetch it again. */
  onConflict?(): void;
  /** A refused question's attachments, handed back to the composer. */
  returnAttachments?(list: readonly Attachment[]): void;
}

export interface ChatModel extends VersionActions {
  readonly messages: ReadonlySignal<readonly ChatMessage[]>;
  readonly streaming: ReadonlySignal<boolean>;
  readonly draft: ReadonlySignal<string>;
  readonly conversationId: ReadonlySignal<string | null>;
  setDraft(text: string): void;
  /** Sends the draft with `attachments`; false (and nothing changes) when both are empty, busy or no model. */
  send(attachments?: readonly Attachment[]): boolean;
  /** Sends `text` as the user's message without touching the draft; false when busy or no model. */
  ask(text: string, attachments?: readonly Attachment[]): boolean;
  stop(): void;
  newChat(): void;
  /** Shows a stored conversation and re-joins its reply if one is still streaming. */
  open(conversation: Conversation): void;
  /** The stored copy of the open conversation changed (another panel, a finished save). */
  sync(stored: Conversation): void;
  /** The background went away mid-reply (worker stopped). */
  linkLost(): void;
  readonly events: ChatEvents;
}

const CONNECTION_KINDS = new Set(['refused', 'lost', 'timeout']);

export function createChatModel(deps: ChatDeps): ChatModel {
  const messages = signal<MutableMessage[]>([]);
  const draft = signal('');
  const conversationId = signal<string | null>(null);
  let title: string | undefined;
  // The stored copy's updated_at this panel's messages come from (null: never saved); sent as
  // `base` so the background can refuse a request built on an older copy.
  let base: string | null = null;
  // `asked`: the user's message this request added, handed back to the draft if it is refused.
  const active = signal<{ requestId: string; message: MutableMessage; asked?: MutableMessage } | null>(null);
  const streaming = computed(() => active.value !== null);

  const current = (requestId: string) => {
    const a = active.peek();
    return a && a.requestId === requestId ? a.message : null;
  };
  const end = () => {
    if (!active.peek()) return;
    active.value = null;
    deps.onIdle?.();
  };

  const request = (model: string, asked?: MutableMessage, replyVersions?: MessageVersion[]) => {
    const before = messages.peek();
    const reply = createMessage('assistant', replyVersions?.length ? { versions: replyVersions } : {});
    const requestId = newId('req');
    let id = conversationId.peek();
    if (!id) {
      id = newConversationId();
      conversationId.value = id;
      deps.rememberConversation(id);
    }
    messages.value = [...before, reply];
    active.value = { requestId, message: reply, ...(asked ? { asked } : {}) };
    deps.banner.clear('chat');
    deps.banner.clear('connection');
    deps.send({
      type: 'chat/start',
      requestId,
      model,
      conversation: { id, ...(title ? { title } : {}) },
      base,
      history: before.filter(isStored).map(toHistory),
      ...(replyVersions?.length ? { replyVersions } : {}),
    });
  };

  const show = (list: MutableMessage[]) => {
    end();
    messages.value = list;
  };
  // Nothing was asked or stored: take the request back, the user's text into the draft.
  const refused = (asked: MutableMessage | undefined, message: string) => {
    const a = active.peek();
    messages.value = messages.peek().filter((m) => m !== a?.message && m !== asked);
    if (asked) draft.value = draft.peek().trim() ? `${asked.text.value}\n\n${draft.peek()}` : asked.text.value;
    if (asked?.attachments.length) deps.returnAttachments?.(asked.attachments);
    end();
    deps.banner.error(message, 'chat');
    deps.onConflict?.();
  };

  const pickModel = () => {
    const model = deps.selectedModel.peek();
    const why = model ? null : deps.explainNoModel();
    if (why) deps.banner.error(why.message, 'chat', why.cause);
    return model;
  };
  const where = () => ({ id: conversationId.peek(), base });
  const versions = createVersionActions({
    messages,
    busy: () => active.peek() !== null,
    model: pickModel,
    selectedModel: deps.selectedModel,
    request,
    send: deps.send,
    where,
  });

  const chat: ChatModel = {
    ...versions,
    messages,
    streaming,
    draft,
    conversationId,
    setDraft: (text) => {
      draft.value = text;
    },
    send(attachments = []) {
      const text = draft.peek().trim();
      if ((!text && !attachments.length) || !this.ask(text, attachments)) return false;
      draft.value = '';
      return true;
    },
    ask(text, attachments = []) {
      if (active.peek()) {
        // Possibly a reply started in another window's panel: say why nothing happened.
        deps.banner.info(t('chat_state_still_answering'), 'chat');
        return false;
      }
      const model = pickModel();
      if (!model) return false;
      const asked = createMessage('user', { content: text, ...(attachments.length ? { attachments } : {}) });
      messages.value = [...messages.peek(), asked];
      request(model, asked);
      return true;
    },
    stop() {
      const a = active.peek();
      if (a) deps.send({ type: 'chat/stop', requestId: a.requestId });
    },
    newChat() {
      // A reply still streaming goes on in the background and is saved with its conversation.
      show([]);
      conversationId.value = null;
      title = undefined;
      base = null;
      deps.rememberConversation(null);
      deps.send({ type: 'chat/attach', conversationId: null });
      deps.banner.clear('chat');
      deps.banner.clear('connection');
    },
    open(conversation) {
      show(conversation.messages.map(fromHistory));
      conversationId.value = conversation.id;
      title = conversation.title;
      base = conversation.updated_at;
      deps.rememberConversation(conversation.id);
      deps.send({ type: 'chat/attach', conversationId: conversation.id });
    },
    sync(stored) {
      if (active.peek() || stored.id !== conversationId.peek()) return;
      title = stored.title;
      base = stored.updated_at;
      if (!sameAsStored(messages.peek(), stored)) show(stored.messages.map(fromHistory));
    },
    linkLost() {
      const a = active.peek();
      if (!a) return;
      const why = t('chat_state_restarted');
      a.message.fail(why);
      end();
      deps.banner.error(why, 'chat');
    },
    events: {
      'chat/chunk': (msg) => {
        const m = current(msg.requestId);
        if (!m) return;
        if (msg.thinking) m.thinking.append(msg.thinking);
        m.text.append(msg.content);
      },
      'chat/resume': (msg) => {
        if (active.peek() || msg.conversationId !== conversationId.peek()) return;
        // The reply's own history, not this panel's copy: it may be older than the question.
        const reply = createMessage('assistant', { content: msg.content, thinking: msg.thinking });
        messages.value = [...msg.history.map(fromHistory), reply];
        active.value = { requestId: msg.requestId, message: reply };
      },
      'chat/done': (msg) => {
        const m = current(msg.requestId);
        if (!m) return;
        if (msg.version) base = msg.version;
        m.finish(msg.stats ?? null);
        end();
      },
      'chat/stopped': (msg) => {
        const m = current(msg.requestId);
        if (!m) return;
        if (msg.version) base = msg.version;
        m.stop();
        end();
      },
      'chat/failed': (msg) => {
        const a = active.peek();
        const m = current(msg.requestId);
        if (!m) return;
        if (msg.version) base = msg.version;
        if (msg.failure.kind === 'conflict') return refused(a?.asked, msg.failure.message);
        m.fail(msg.failure.message);
        end();
        deps.banner.error(msg.failure.message, CONNECTION_KINDS.has(msg.failure.kind) ? 'connection' : 'chat', msg.failure.kind);
        if (CONNECTION_KINDS.has(msg.failure.kind)) deps.onConnectionFailure(msg.failure);
      },
    },
  };
  return chat;
}
