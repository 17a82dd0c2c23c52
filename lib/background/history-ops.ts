/** History changes the panel asks for; each answers with a sentence for the user. */
import { t } from '../i18n';
import type { Conversation, HistoryMessage } from '../conversations/contract';
import { switchVersion } from '../conversations/versions';
import type { HistoryStore } from '../history/store';
import type { PanelMessage, Post } from '../protocol';
import { createImportSessions, type ImportSessions } from './import-session';

export interface HistoryOps {
  rename(id: string, title: string, post: Post): Promise<void>;
  remove(id: string, post: Post): Promise<void>;
  restore(conversation: Conversation, post: Post): Promise<void>;
  /** Imports of any size, in batches (the panel's way). */
  imports: ImportSessions;
  get(id: string, post: Post): Promise<void>;
  search(query: string, post: Post): Promise<void>;
  /** Shows another version of a message; saved onto the copy the panel read only. Resolves to the saved copy's updated_at, or null. */
  switchVersion(msg: Omit<Extract<PanelMessage, { type: 'history/switch-version' }>, 'type'>, post: Post): Promise<string | null>;
}

/** The messages before a reply still streaming for this conversation, or null (exchanges.answering). */
export type Answering = (id: string) => HistoryMessage[] | null;

export function createHistoryOps(store: HistoryStore, answering: Answering = () => null): HistoryOps {
  const imports = createImportSessions(store.imports);
  // A failed change is reported, never thrown into the Port listener.
  const guard = async (post: Post, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (e) {
      post({ type: 'history/problem', message: e instanceof Error ? e.message : String(e) });
    }
  };
  return {
    rename: (id, title, post) =>
      guard(post, async () => {
        await store.rename(id, title);
        post({ type: 'history/done', action: 'rename', message: t('history_ops_renamed') });
      }),
    remove: (id, post) =>
      guard(post, async () => {
        const gone = await store.remove(id);
        post({
          type: 'history/done',
          action: 'delete',
          message: gone ? t('history_ops_deleted', gone.title) : t('history_ops_already_deleted'),
          ...(gone ? { deleted: gone } : {}),
        });
      }),
    restore: (conversation, post) =>
      guard(post, async () => {
        await store.restore(conversation);
        post({ type: 'history/done', action: 'restore', message: t('history_ops_restored', conversation.title) });
      }),
    get: (id, post) =>
      guard(post, async () => {
        const stored = await store.get(id);
        // While a reply streams, its stored checkpoint says "interrupted" (in case the worker
        // dies); a panel opening it now gets it without that reply and joins the live one.
        const live = stored && answering(id);
        post({ type: 'history/conversation', id, conversation: live ? { ...stored, messages: live } : stored });
      }),
    search: (query, post) => guard(post, async () => post({ type: 'history/results', query, ids: await store.search(query) })),
    switchVersion: async ({ id, base, at, to }, post) => {
      let saved: string | null = null;
      await guard(post, async () => {
        // A reply running for it will save its own path: switching under it would be overwritten.
        if (answering(id)) throw new Error(t('history_ops_still_answering'));
        const stored = await store.get(id);
        if (!stored) return;
        // `base`: a panel whose copy is older is refused (HistoryConflictError) and reloads it.
        saved = (await store.save({ id: stored.id, model: stored.model, messages: switchVersion(stored.messages, at, to) }, base)).updated_at;
      });
      return saved;
    },
    imports,
  };
}
