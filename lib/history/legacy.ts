/**
 * Layout v1 kept the whole array under the contract key (and a dump of the original app may be
 * put there): its conversations move into layout v2, merged on id (a later updated_at wins), and
 * the array itself is kept aside under a backup key, never deleted.
 */
import { t } from '../i18n';
import type { Conversation } from '../conversations/contract';
import { mergeImport } from '../conversations/merge';
import { parseConversations } from '../conversations/validate';
import { type ConversationSummary, withSummaries } from './summary';

/** The storage the move needs: part of lib/history/store.ts's HistoryIO. */
export interface LegacyIO {
  /** The v1 layout's array under the contract key (also where a dump of the original app may be put). */
  readLegacy(): Promise<unknown>;
  /** Moves that value aside (nothing is deleted); returns the backup key. */
  retireLegacy(raw: unknown): Promise<string>;
  write(change: { put: Conversation[]; index: ConversationSummary[] }): Promise<void>;
}

export async function migrateLegacy(io: LegacyIO, readIndex: () => Promise<ConversationSummary[]>, onProblem: (message: string) => void): Promise<void> {
  const raw = await io.readLegacy();
  if (raw === undefined || raw === null) return;
  const parsed = parseConversations(raw);
  if (parsed.ok && parsed.conversations.length) {
    const current = await readIndex();
    // Merge decides on id and updated_at only, so the index stands in for what is stored.
    const stand = current.map((s) => ({ ...s, messages: [] }) as unknown as Conversation);
    const fresh = new Set(parsed.conversations);
    const put = mergeImport(stand, parsed.conversations).list.filter((c) => fresh.has(c));
    await io.write({ put, index: withSummaries(current, put) });
  }
  const key = await io.retireLegacy(raw);
  if (!parsed.ok) onProblem(t('history_legacy_unreadable', parsed.error, key));
}
