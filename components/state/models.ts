/**
 * The Models view's state: installed and loaded models, pulls running in the background (their
 * progress arrives whether or not the view is open), and a delete waiting for its confirmation.
 */
import { computed, type ReadonlySignal, signal } from '@preact/signals';
import type { Handlers, PanelMessage } from '../../lib/protocol';
import type { InstalledModel, LoadedModel, ModelsReply, PullProgress } from '../../lib/protocol-models';
import { cachedFormat, tn } from '../../lib/i18n';

export interface ModelsNotice {
  kind: 'info' | 'error';
  text: string;
}

export interface ModelsDeps {
  send(msg: PanelMessage): void;
  /** The connection re-checks, so the model picker lists what is installed now. */
  recheck(): void;
}

export interface ModelsModel {
  /** null until the first list arrives. */
  readonly installed: ReadonlySignal<InstalledModel[] | null>;
  readonly loaded: ReadonlySignal<LoadedModel[]>;
  /** Ollama's words when the list could not be read. */
  readonly error: ReadonlySignal<string | null>;
  /** Pulls running now, in the order they started. */
  readonly pulls: ReadonlySignal<PullProgress[]>;
  /** The last thing done (pulled, cancelled, deleted, failed), said once. */
  readonly notice: ReadonlySignal<ModelsNotice | null>;
  /** The model whose delete waits for "Delete". */
  readonly confirming: ReadonlySignal<string | null>;
  refresh(): void;
  pull(name: string): void;
  cancel(name: string): void;
  unload(name: string): void;
  askDelete(name: string): void;
  confirmDelete(): void;
  cancelDelete(): void;
  /** The Port dropped: the background stopped, and its pulls with it. */
  linkLost(): void;
  readonly events: Handlers<ModelsReply>;
}

// English has always said "a, b" (a 'unit' list); the other languages join the names with their "and".
const nameList = () => cachedFormat('models-names', (l) => new Intl.ListFormat(l, { type: /^en\b/.test(l) ? 'unit' : 'conjunction', style: 'short' }));

export function createModelsModel(deps: ModelsDeps): ModelsModel {
  const installed = signal<InstalledModel[] | null>(null);
  const loaded = signal<LoadedModel[]>([]);
  const error = signal<string | null>(null);
  const running = signal<Map<string, PullProgress>>(new Map());
  const notice = signal<ModelsNotice | null>(null);
  const confirming = signal<string | null>(null);
  const refresh = () => deps.send({ type: 'models/list' });
  const setPull = (name: string, p: PullProgress | null) => {
    const next = new Map(running.peek());
    if (p) next.set(name, p);
    else next.delete(name);
    running.value = next;
  };

  return {
    installed,
    loaded,
    error,
    pulls: computed(() => [...running.value.values()]),
    notice,
    confirming,
    refresh,
    pull(name) {
      const model = name.trim();
      if (!model) return;
      notice.value = null;
      // Shown at once; the background's first progress replaces it.
      if (!running.peek().has(model)) setPull(model, { name: model, status: 'starting', layers: [], completed: 0, total: 0 });
      deps.send({ type: 'models/pull', name: model });
    },
    cancel: (name) => deps.send({ type: 'models/pull-cancel', name }),
    unload: (name) => deps.send({ type: 'models/unload', name }),
    askDelete(name) {
      confirming.value = name;
    },
    confirmDelete() {
      const name = confirming.peek();
      confirming.value = null;
      if (name) deps.send({ type: 'models/delete', name });
    },
    cancelDelete() {
      confirming.value = null;
    },
    linkLost() {
      const names = [...running.peek().keys()];
      if (names.length === 0) return;
      running.value = new Map();
      // Ollama keeps the bytes fetched: pulling again resumes.
      notice.value = { kind: 'error', text: tn('models_state_pull_stopped', names.length, nameList().format(names)) };
    },
    events: {
      'models/list': (msg) => {
        installed.value = msg.installed;
        loaded.value = msg.loaded;
        error.value = msg.error ?? null;
      },
      'models/progress': (msg) => setPull(msg.pull.name, msg.pull),
      'models/pull-done': (msg) => {
        setPull(msg.name, null);
        notice.value = { kind: msg.outcome === 'failed' ? 'error' : 'info', text: msg.message };
        if (msg.outcome !== 'success') return;
        deps.recheck();
        if (installed.peek() !== null) refresh();
      },
      'models/result': (msg) => {
        notice.value = { kind: msg.ok ? 'info' : 'error', text: msg.message };
        if (msg.ok && msg.action === 'delete') deps.recheck();
      },
    },
  };
}
