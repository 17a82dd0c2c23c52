/**
 * Request/reply over the Port for whole conversations, keyed by id. A Port that drops (the worker
 * stopped) takes its answers with it: every request still waiting then settles as an error,
 * shown, instead of hanging.
 */
import type { Conversation } from '../../lib/conversations/contract';
import type { PanelMessage } from '../../lib/protocol';
import type { BannerModel } from './banner';
import { t } from '../../lib/i18n';

export interface ConversationFetcher {
  fetch(id: string): Promise<Conversation | null>;
  /** The background's answer (history/conversation). */
  answer(id: string, conversation: Conversation | null): void;
  /** The Port dropped: every request still waiting fails, said in the banner. */
  linkLost(): void;
}

export function createFetcher(send: (msg: PanelMessage) => void, banner: BannerModel): ConversationFetcher {
  const waiting = new Map<string, ((c: Conversation | null | Error) => void)[]>();
  return {
    fetch: (id) =>
      new Promise<Conversation | null>((resolve) => {
        const settle = (c: Conversation | null | Error) => {
          if (!(c instanceof Error)) return resolve(c);
          banner.error(c.message, 'history');
          resolve(null);
        };
        waiting.set(id, [...(waiting.get(id) ?? []), settle]);
        send({ type: 'history/get', id });
      }),
    answer(id, conversation) {
      const resolvers = waiting.get(id) ?? [];
      waiting.delete(id);
      for (const r of resolvers) r(conversation);
    },
    linkLost() {
      const lost = new Error(t('fetcher_restarted'));
      const all = [...waiting.values()].flat();
      waiting.clear();
      for (const settle of all) settle(lost);
    },
  };
}
