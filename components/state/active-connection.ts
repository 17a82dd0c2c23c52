/**
 * Which connection (lib/connections.ts) the panel talks to: the open conversation's, else the one
 * picked in the header's "Connection" box, else the default from Settings. Every request that
 * reaches Ollama names it by id (withConnection); the background resolves the id to a URL and
 * headers, so no URL or credential ever travels over the Port.
 */
import { computed, type ReadonlySignal, signal } from '@preact/signals';
import type { Conversation } from '../../lib/conversations/contract';
import type { BackgroundMessage, Handlers, PanelMessage } from '../../lib/protocol';
import type { Settings } from '../../lib/settings';
import type { ChatModel } from './chat';
import { t } from '../../lib/i18n';

/** What the panel shows of a connection: never its headers. */
export interface ConnectionChoice {
  id: string;
  name: string;
}

export interface ActiveConnectionModel {
  readonly choices: ReadonlySignal<readonly ConnectionChoice[]>;
  readonly active: ReadonlySignal<string>;
  /** Said when a conversation's connection was removed and the default one stands in. */
  readonly note: ReadonlySignal<string | null>;
  /** The user picked one in the header. */
  choose(id: string): void;
  /** The chat now shows this stored conversation (null: a new chat, which keeps the current one). */
  shown(conversation: Conversation | null): void;
  /** Settings were read or changed. */
  setSettings(s: Pick<Settings, 'connections' | 'defaultConnection'>): void;
}

/** `changed`: the active connection is another one now (check its status, list its models). */
export function createActiveConnection(changed: () => void): ActiveConnectionModel {
  // Ids and names only: the panel never holds a connection's headers longer than a settings read.
  const all = signal<readonly ConnectionChoice[]>([]);
  const fallback = signal('');
  const picked = signal<string | null>(null);
  const note = signal<string | null>(null);
  // A conversation opened before settings were read waits for them to learn its connection.
  let pending: Conversation | null = null;
  const choices: ReadonlySignal<readonly ConnectionChoice[]> = all;
  const active = computed(() => {
    const id = picked.value;
    return id !== null && all.value.some((c) => c.id === id) ? id : fallback.value;
  });
  const follow = (update: () => void) => {
    // Before settings are read, requests name no connection: the background used the default.
    const before = active.peek();
    update();
    if (active.peek() !== (before || fallback.peek())) changed();
  };
  const take = (conversation: Conversation) => {
    const wanted = conversation.connection;
    const known = wanted === undefined || all.peek().some((c) => c.id === wanted);
    picked.value = known ? (wanted ?? fallback.peek()) : null;
    const name = all.peek().find((c) => c.id === fallback.peek())?.name;
    note.value = known ? null : name === undefined ? t('active_connection_removed_default') : t('active_connection_removed', name);
  };

  return {
    choices,
    active,
    note,
    choose(id) {
      note.value = null;
      follow(() => {
        picked.value = id;
      });
    },
    shown(conversation) {
      if (!conversation) {
        note.value = null;
        return;
      }
      if (all.peek().length === 0) {
        pending = conversation;
        return;
      }
      follow(() => take(conversation));
    },
    setSettings(s) {
      follow(() => {
        all.value = s.connections.map(({ id, name }) => ({ id, name }));
        fallback.value = s.defaultConnection;
        if (pending) take(pending);
        pending = null;
      });
    },
  };
}

/** Requests that reach Ollama carry the connection's id; chat/start in the conversation it is saved with. */
export function withConnection(msg: PanelMessage, id: string): PanelMessage {
  if (!id) return msg;
  switch (msg.type) {
    case 'chat/start':
      return { ...msg, conversation: { ...msg.conversation, connection: id } };
    case 'status/check':
    case 'model/show':
    case 'recovery/start':
    case 'models/list':
    case 'models/pull':
    case 'models/unload':
    case 'models/delete':
      return { ...msg, connection: id };
    default:
      return msg;
  }
}

/** A status of a connection the panel has left (answered after a switch) is not this one's. */
export function onlyActiveStatus(handlers: Handlers<BackgroundMessage>, active: ReadonlySignal<string>): Handlers<BackgroundMessage> {
  return {
    ...handlers,
    status: (msg) => {
      // Before settings are read the panel has not chosen yet: every status is the default's.
      const now = active.peek();
      if (msg.connection === undefined || now === '' || msg.connection === now) handlers.status(msg);
    },
  };
}

/** The chat, with the connection following the conversation on screen. */
export function followConnection(chat: ChatModel, connection: ActiveConnectionModel): ChatModel {
  return {
    ...chat,
    newChat() {
      chat.newChat();
      connection.shown(null);
    },
    open(conversation) {
      chat.open(conversation);
      connection.shown(conversation);
    },
  };
}
