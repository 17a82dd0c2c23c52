/**
 * The history list as the panel sees it: read from storage (the background writes it), kept
 * current through storage changes, searchable; changes are asked of the background.
 */
import { computed, type ReadonlySignal, signal } from '@preact/signals';
import type { Conversation } from '../../lib/conversations/contract';
import { toJsonExport, toMarkdown } from '../../lib/conversations/export';
import { quotaLevel } from '../../lib/conversations/size';
import { parseConversations, parseConversationsJson } from '../../lib/conversations/validate';
import type { BackgroundMessage, Handlers, PanelMessage } from '../../lib/protocol';

type HistoryEvents = Pick<Handlers<BackgroundMessage>, 'history/done' | 'history/problem'>;

export interface HistoryDeps {
  send(msg: PanelMessage): void;
  read(): Promise<unknown>;
  /** Calls back with the new raw value whenever storage changes; returns the unwatch. */
  watch(cb: (raw: unknown) => void): () => void;
  /** Bytes used and the quota (null: none), to warn before saving fails. */
  usage(): Promise<{ used: number; quota: number | null }>;
}

export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

export interface HistoryModel {
  readonly all: ReadonlySignal<readonly Conversation[]>;
  readonly query: ReadonlySignal<string>;
  readonly results: ReadonlySignal<readonly Conversation[]>;
  readonly loaded: ReadonlySignal<boolean>;
  readonly notice: ReadonlySignal<Notice | null>;
  /** The last deleted conversation, until undone or replaced by another delete. */
  readonly deleted: ReadonlySignal<Conversation | null>;
  setQuery(q: string): void;
  find(id: string): Conversation | undefined;
  rename(id: string, title: string): void;
  remove(id: string): void;
  undoDelete(): void;
  /** Validates the file here first: an invalid file changes nothing and says why. */
  importText(text: string): void;
  exportAll(): string;
  exportJson(id: string): string | null;
  exportMarkdown(id: string): string | null;
  dismissNotice(): void;
  /** Warns (with the offer to export) when storage is nearly full. */
  checkUsage(): Promise<void>;
  readonly events: HistoryEvents;
  dispose(): void;
}

// Lower-cased text per conversation, built once per stored version, so typing stays cheap.
const haystacks = new WeakMap<Conversation, string>();
function haystack(c: Conversation): string {
  let h = haystacks.get(c);
  if (h === undefined) {
    h = `${c.title}\n${c.messages.map((m) => m.content).join('\n')}`.toLowerCase();
    haystacks.set(c, h);
  }
  return h;
}

export function createHistoryModel(deps: HistoryDeps): HistoryModel {
  const all = signal<Conversation[]>([]);
  const loaded = signal(false);
  const query = signal('');
  const notice = signal<Notice | null>(null);
  const deleted = signal<Conversation | null>(null);
  const results = computed(() => {
    const q = query.value.trim().toLowerCase();
    return q ? all.value.filter((c) => haystack(c).includes(q)) : all.value;
  });

  const apply = (raw: unknown) => {
    const parsed = parseConversations(raw);
    // An unreadable value is the background's to repair (it backs it up and reports).
    if (parsed.ok) all.value = parsed.conversations;
    loaded.value = true;
  };
  void deps.read().then(apply);
  const unwatch = deps.watch(apply);
  const find = (id: string) => all.peek().find((c) => c.id === id);

  return {
    all,
    query,
    results,
    loaded,
    notice,
    deleted,
    setQuery: (q) => {
      query.value = q;
    },
    find,
    rename: (id, title) => deps.send({ type: 'history/rename', id, title }),
    remove(id) {
      deleted.value = find(id) ?? null;
      deps.send({ type: 'history/delete', id });
    },
    undoDelete() {
      const c = deleted.peek();
      if (!c) return;
      deleted.value = null;
      deps.send({ type: 'history/restore', conversation: c });
    },
    importText(text) {
      const parsed = parseConversationsJson(text);
      if (!parsed.ok) {
        notice.value = { kind: 'error', text: `Import failed, nothing changed: ${parsed.error}` };
        return;
      }
      deps.send({ type: 'history/import', conversations: parsed.conversations });
    },
    exportAll: () => toJsonExport(all.peek()),
    exportJson: (id) => {
      const c = find(id);
      return c ? toJsonExport([c]) : null;
    },
    exportMarkdown: (id) => {
      const c = find(id);
      return c ? toMarkdown(c) : null;
    },
    dismissNotice: () => {
      notice.value = null;
    },
    async checkUsage() {
      const { used, quota } = await deps.usage();
      const level = quotaLevel(used, quota);
      if (level === 'ok' || quota === null) return;
      const mb = (n: number) => `${(n / 1_048_576).toFixed(1)} MB`;
      notice.value = {
        kind: 'error',
        text: `Storage is ${level === 'full' ? 'full' : 'nearly full'} (${mb(used)} of ${mb(quota)}). Export all conversations, then delete old ones to make room. Nothing is deleted without you.`,
      };
    },
    events: {
      'history/done': (msg) => {
        notice.value = msg.action === 'delete' ? null : { kind: 'info', text: msg.message };
      },
      'history/problem': (msg) => {
        notice.value = { kind: 'error', text: msg.message };
      },
    },
    dispose: unwatch,
  };
}
