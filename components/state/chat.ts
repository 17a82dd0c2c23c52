/**
 * The conversation on screen: sending, streaming, stop, retry, new chat. Nothing the user typed
 * and nothing that arrived is ever dropped by a failure: the draft is cleared only once it has
 * become a message, and a failed reply keeps its text, marked, with Retry.
 */
import { computed, type ReadonlySignal, signal } from '@preact/signals';
import type { BackgroundMessage, ChatTurn, Failure, Handlers, PanelMessage } from '../../lib/protocol';
import type { BannerModel } from './banner';
import { type ChatMessage, createMessage, type MutableMessage, newId } from './message';

type ChatEvents = Omit<Handlers<BackgroundMessage>, 'status'>;

export interface ChatDeps {
  send(msg: PanelMessage): void;
  selectedModel: ReadonlySignal<string | null>;
  /** Why no model can be used right now (Ollama down, none installed), for the banner. */
  explainNoModel(): string;
  banner: BannerModel;
  onConnectionFailure(failure: Failure): void;
}

export interface ChatModel {
  readonly messages: ReadonlySignal<readonly ChatMessage[]>;
  readonly streaming: ReadonlySignal<boolean>;
  readonly draft: ReadonlySignal<string>;
  setDraft(text: string): void;
  /** Sends the draft; false (and nothing changes) when blank, busy or no model. */
  send(): boolean;
  stop(): void;
  retry(messageId: string): void;
  newChat(): void;
  /** The background went away mid-reply (worker stopped). */
  linkLost(): void;
  readonly events: ChatEvents;
}

const CONNECTION_KINDS = new Set(['refused', 'lost', 'timeout']);

export function createChatModel(deps: ChatDeps): ChatModel {
  const messages = signal<MutableMessage[]>([]);
  const draft = signal('');
  const active = signal<{ requestId: string; message: MutableMessage } | null>(null);
  const streaming = computed(() => active.value !== null);

  const current = (requestId: string) => {
    const a = active.peek();
    return a && a.requestId === requestId ? a.message : null;
  };
  const end = () => {
    active.value = null;
  };

  // Ollama gets the whole history, oldest first, role and content only (seed-system.md).
  const history = (upTo: MutableMessage[]): ChatTurn[] =>
    upTo.filter((m) => m.status.peek() !== 'failed' && m.text.value).map((m) => ({ role: m.role, content: m.text.value }));

  const ask = (model: string) => {
    const before = messages.peek();
    const reply = createMessage('assistant', model);
    const requestId = newId('req');
    messages.value = [...before, reply];
    active.value = { requestId, message: reply };
    deps.banner.clear('chat');
    deps.send({ type: 'chat/start', requestId, model, messages: history(before) });
  };

  const noModel = () => {
    deps.banner.error(deps.explainNoModel(), 'chat');
    return false;
  };

  return {
    messages,
    streaming,
    draft,
    setDraft: (text) => {
      draft.value = text;
    },
    send() {
      const text = draft.peek().trim();
      if (!text || active.peek()) return false;
      const model = deps.selectedModel.peek();
      if (!model) return noModel();
      messages.value = [...messages.peek(), createMessage('user', model, text)];
      draft.value = '';
      ask(model);
      return true;
    },
    stop() {
      const a = active.peek();
      if (a) deps.send({ type: 'chat/stop', requestId: a.requestId });
    },
    retry(messageId) {
      const list = messages.peek();
      const last = list[list.length - 1];
      if (active.peek() || !last || last.id !== messageId || last.role !== 'assistant') return;
      const model = deps.selectedModel.peek() ?? last.model;
      messages.value = list.slice(0, -1);
      ask(model);
    },
    newChat() {
      this.stop();
      end();
      messages.value = [];
      deps.banner.clear('chat');
    },
    linkLost() {
      const a = active.peek();
      if (!a) return;
      a.message.fail('The extension was restarted while answering. Use Retry to ask again.');
      end();
    },
    events: {
      'chat/chunk': (msg) => {
        const m = current(msg.requestId);
        if (!m) return;
        if (msg.thinking) m.thinking.append(msg.thinking);
        m.text.append(msg.content);
      },
      'chat/done': (msg) => {
        current(msg.requestId)?.finish(msg.info);
        if (current(msg.requestId)) end();
      },
      'chat/stopped': (msg) => {
        current(msg.requestId)?.stop();
        if (current(msg.requestId)) end();
      },
      'chat/failed': (msg) => {
        const m = current(msg.requestId);
        if (!m) return;
        m.fail(msg.failure.message);
        end();
        deps.banner.error(msg.failure.message, 'chat');
        if (CONNECTION_KINDS.has(msg.failure.kind)) deps.onConnectionFailure(msg.failure);
      },
    },
  };
}
