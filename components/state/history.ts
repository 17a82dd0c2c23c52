/**
 * The history list as the panel sees it: the small index from storage (the background writes
 * it), kept current through storage changes. Whole conversations, search and exports come from
 * the background or are read on demand, so the panel never holds megabytes it does not show.
 */
import { computed, type ReadonlySignal, signal } from '@preact/signals';
import type { Conversation } from '../../lib/conversations/contract';
import { quotaLevel } from '../../lib/conversations/size';
import type { ConversationSummary } from '../../lib/history/summary';
import type { BackgroundMessage, Handlers, ImportReply, PanelMessage } from '../../lib/protocol';
import type { ImportProgress, ImportRun } from './import-run';
import { cachedFormat, t } from '../../lib/i18n';

type HistoryEvents = Pick<Handlers<BackgroundMessage>, 'history/done' | 'history/problem' | 'history/results' | 'import/ack' | 'import/result'>;

export interface HistoryDeps {
  send(msg: PanelMessage): void;
  readIndex(): Promise<ConversationSummary[]>;
  /** Calls back with the new index whenever it changes; returns the unwatch. */
  watchIndex(cb: (index: ConversationSummary[]) => void): () => void;
  /** The whole stored array, read only for an export. */
  readAll(): Promise<unknown>;
  /** Conversations with their stored images' bytes, so an export is self-contained (lib/images/embed.ts). */
  withImages?<T>(list: readonly T[]): Promise<T[]>;
  /** Bytes used and the quota (null: none), to warn before saving fails. */
  usage(): Promise<{ used: number; quota: number | null }>;
  /**
   * Stops this page's storage change events (lib/storage/changes.ts) until the returned resume(),
   * after which watchers re-read: an import's writes would otherwise all be converted here.
   */
  pauseChanges(): () => void;
}

export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

export interface HistoryModel {
  readonly all: ReadonlySignal<readonly ConversationSummary[]>;
  readonly query: ReadonlySignal<string>;
  readonly results: ReadonlySignal<readonly ConversationSummary[]>;
  readonly loaded: ReadonlySignal<boolean>;
  readonly notice: ReadonlySignal<Notice | null>;
  /** The last deleted conversation, until undone or replaced by another delete. */
  readonly deleted: ReadonlySignal<Conversation | null>;
  whenLoaded(): Promise<void>;
  setQuery(q: string): void;
  find(id: string): ConversationSummary | undefined;
  rename(id: string, title: string): void;
  remove(id: string): void;
  undoDelete(): void;
  /** The import under way, for its progress bar; null when none is. */
  readonly importing: ReadonlySignal<ImportProgress | null>;
  /** Imports a file of any size in batches (components/state/import-run.ts); the end is said in the notice. */
  importFile(file: Blob): Promise<void>;
  cancelImport(): void;
  /** The Port to the background dropped. */
  linkLost(): void;
  exportAll(): Promise<string>;
  /** A file name and its contents: one conversation, or (exportAllFile) all of them. */
  exportFile(format: 'json' | 'md', c: Conversation): Promise<{ name: string; text: string }>;
  exportAllFile(): Promise<{ name: string; text: string }>;
  dismissNotice(): void;
  checkUsage(): Promise<void>;
  readonly events: HistoryEvents;
  dispose(): void;
}

// Grouping stays off: the English notice has always said "5120.0 MB"; other languages get their decimal mark.
const megabytes = () =>
  cachedFormat(
    'history-mb',
    (l) => new Intl.NumberFormat(l, { style: 'unit', unit: 'megabyte', minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false }),
  );

export function createHistoryModel(deps: HistoryDeps): HistoryModel {
  const all = signal<ConversationSummary[]>([]);
  const loaded = signal(false);
  const query = signal('');
  const matches = signal<{ query: string; ids: Set<string> } | null>(null);
  const notice = signal<Notice | null>(null);
  const deleted = signal<Conversation | null>(null);
  const importing = signal<ImportProgress | null>(null);
  let run: ImportRun | null = null;
  const reply = (msg: ImportReply) => run?.reply(msg);
  const results = computed(() => {
    const m = matches.value;
    // Until the background answers a new query, the last answer stands.
    return query.value.trim() && m ? all.value.filter((c) => m.ids.has(c.id)) : all.value;
  });

  const apply = (index: ConversationSummary[]) => {
    all.value = Array.isArray(index) ? index : [];
    loaded.value = true;
    if (query.peek().trim()) deps.send({ type: 'history/search', query: query.peek() });
  };
  const firstRead = deps.readIndex().then(apply);
  const unwatch = deps.watchIndex(apply);

  // The import/export code is its own chunk; if it cannot load (an update replaced the files
  // under a running panel), say so instead of failing silently.
  const io = () =>
    import('./history-io').catch((e: unknown) => {
      notice.value = { kind: 'error', text: t('history_state_io_unavailable') };
      throw e;
    });

  const exportAll = async () => {
    const [{ parseConversations, toJsonExport }, stored] = await Promise.all([io(), deps.readAll()]);
    const parsed = parseConversations(stored);
    return toJsonExport(parsed.ok ? parsed.conversations : []);
  };
  return {
    all,
    query,
    results,
    loaded,
    notice,
    deleted,
    importing,
    whenLoaded: () => firstRead,
    setQuery: (q) => {
      query.value = q;
      if (q.trim()) deps.send({ type: 'history/search', query: q });
    },
    find: (id) => all.peek().find((c) => c.id === id),
    rename: (id, title) => deps.send({ type: 'history/rename', id, title }),
    remove(id) {
      deleted.value = null;
      deps.send({ type: 'history/delete', id });
    },
    undoDelete() {
      const c = deleted.peek();
      if (!c) return;
      deleted.value = null;
      deps.send({ type: 'history/restore', conversation: c });
    },
    async importFile(file) {
      if (importing.peek()) return;
      notice.value = null;
      // Shown (and the picker disabled) until the import's code has loaded, a moment at most.
      importing.value = { text: '…', fraction: null, cancellable: false };
      const { startImport } = await io().catch((e: unknown) => {
        importing.value = null;
        throw e;
      });
      run = startImport(file, {
        send: deps.send,
        pauseChanges: deps.pauseChanges,
        progress: (p) => {
          importing.value = p;
        },
        finish(kind, text) {
          run = null;
          importing.value = null;
          notice.value = { kind, text };
        },
      });
    },
    cancelImport: () => run?.cancel(),
    linkLost: () => run?.linkLost(),
    exportAll,
    async exportAllFile() {
      const [{ exportFileName }, text] = await Promise.all([io(), exportAll()]);
      return { name: exportFileName('all'), text };
    },
    async exportFile(format, c) {
      const { exportFileName, toJsonExport, toMarkdown } = await io();
      const name = exportFileName('one', c);
      if (format !== 'json') return { name, text: toMarkdown(c) };
      return { name: name.replace(/\.md$/, '.json'), text: toJsonExport(deps.withImages ? await deps.withImages([c]) : [c]) };
    },
    dismissNotice: () => {
      notice.value = null;
    },
    async checkUsage() {
      const { used, quota } = await deps.usage();
      const level = quotaLevel(used, quota);
      if (level === 'ok' || quota === null) return;
      const mb = (n: number) => megabytes().format(n / 1_048_576);
      notice.value = { kind: 'error', text: t(level === 'full' ? 'history_state_storage_full' : 'history_state_storage_nearly_full', mb(used), mb(quota)) };
    },
    events: {
      'history/done': (msg) => {
        if (msg.action === 'delete') {
          deleted.value = msg.deleted ?? null;
          notice.value = null;
        } else notice.value = { kind: 'info', text: msg.message };
      },
      'history/problem': (msg) => {
        notice.value = { kind: 'error', text: msg.message };
      },
      'history/results': (msg) => {
        if (msg.query === query.peek()) matches.value = { query: msg.query, ids: new Set(msg.ids) };
      },
      'import/ack': reply,
      'import/result': reply,
    },
    dispose: unwatch,
  };
}
