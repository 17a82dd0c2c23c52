/**
 * Settings' "Connections" section: add, remove and choose the default. Each change is saved at
 * once (unlike the rest of the form): adding a server on another machine asks for its host
 * permission from the click, and a refusal saves nothing.
 */
import { computed, type ReadonlySignal, signal } from '@preact/signals';
import { type Connection, type ConnectionHeader, connectionNameProblem, headerProblem, MAX_CONNECTIONS, newConnectionId } from '../../lib/connections';
import { originsToRelease, runtimeOrigin } from '../../lib/origin/permissions';
import type { PermissionsApi } from '../../lib/origin/permissions';
import { connectionsPatch, insecureWarning, normalizeBaseUrl, type Settings } from '../../lib/settings';
import { t, tn } from '../../lib/i18n';

/** What the section needs: Settings' own (components/state/settings.ts passes its deps). */
export interface ConnectionsDeps {
  permissions: PermissionsApi;
  write(patch: Partial<Settings>): Promise<unknown>;
  read(): Promise<Settings>;
}

export interface ConnectionDraft {
  name: string;
  url: string;
  headers: ConnectionHeader[];
}

export interface ConnectionsModel {
  readonly list: ReadonlySignal<readonly Connection[]>;
  readonly defaultId: ReadonlySignal<string>;
  /** The add form, or null while it is closed. */
  readonly draft: ReadonlySignal<ConnectionDraft | null>;
  readonly error: ReadonlySignal<string | null>;
  /** Clear-text http to another machine, for the URL being typed. */
  readonly warning: ReadonlySignal<string | null>;
  /** What the last change did ("Added …"), for screen readers and eyes. */
  readonly done: ReadonlySignal<string | null>;
  load(): Promise<void>;
  open(): void;
  cancel(): void;
  edit(patch: Partial<Omit<ConnectionDraft, 'headers'>>): void;
  editHeader(index: number, patch: Partial<ConnectionHeader>): void;
  addHeader(): void;
  removeHeader(index: number): void;
  /** Must be called straight from the click: a permission request needs the user gesture. */
  add(): Promise<boolean>;
  remove(id: string): Promise<void>;
  setDefault(id: string): Promise<void>;
}

const EMPTY: ConnectionDraft = { name: '', url: '', headers: [{ name: 'Authorization', value: '' }] };

/** The draft's headers to send, or why they cannot be; rows left blank are ignored. */
function checkHeaders(headers: readonly ConnectionHeader[]): { ok: true; headers: ConnectionHeader[] } | { ok: false; error: string } {
  const kept: ConnectionHeader[] = [];
  for (const h of headers) {
    if (!h.value.trim()) continue;
    const problem = headerProblem(h.name, h.value);
    if (problem) return { ok: false, error: problem };
    if (kept.some((k) => k.name.toLowerCase() === h.name.trim().toLowerCase())) return { ok: false, error: t('connections_state_header_twice', h.name.trim()) };
    kept.push({ name: h.name.trim(), value: h.value.trim() });
  }
  return { ok: true, headers: kept };
}

/** `defaultUrlChanged`: the default connection is another server now (the form's URL field shows it). */
export function createConnectionsModel(deps: ConnectionsDeps, defaultUrlChanged: (url: string) => void = () => {}): ConnectionsModel {
  const list = signal<readonly Connection[]>([]);
  const defaultId = signal('');
  const draft = signal<ConnectionDraft | null>(null);
  const error = signal<string | null>(null);
  const done = signal<string | null>(null);
  const warning = computed(() => {
    const check = normalizeBaseUrl(draft.value?.url ?? '');
    return check.ok ? insecureWarning(check.url) : null;
  });
  const change = (patch: Partial<ConnectionDraft>) => {
    const d = draft.peek();
    if (d) draft.value = { ...d, ...patch };
    error.value = null;
  };
  /** Writes the new list, gives back grants no connection needs any more, and shows what is stored. */
  const save = async (before: readonly Connection[], after: readonly Connection[], wantedDefault: string) => {
    const previousDefault = defaultId.peek();
    const written = connectionsPatch(after, wantedDefault);
    await deps.write(written);
    const unused = originsToRelease(
      before.map((c) => c.baseUrl),
      after.map((c) => c.baseUrl),
    );
    for (const origin of unused) await deps.permissions.remove({ origins: [origin] }).catch(() => false);
    list.value = written.connections;
    defaultId.value = written.defaultConnection;
    if (written.defaultConnection !== previousDefault) defaultUrlChanged(written.baseUrl);
  };

  return {
    list,
    defaultId,
    draft,
    error,
    warning,
    done,
    async load() {
      const s = await deps.read();
      list.value = s.connections;
      defaultId.value = s.defaultConnection;
    },
    open() {
      draft.value = { ...EMPTY, headers: [...EMPTY.headers] };
      error.value = null;
      done.value = null;
    },
    cancel() {
      draft.value = null;
      error.value = null;
    },
    edit: (patch) => change(patch),
    editHeader(index, patch) {
      change({ headers: (draft.peek()?.headers ?? []).map((h, i) => (i === index ? { ...h, ...patch } : h)) });
    },
    addHeader() {
      change({ headers: [...(draft.peek()?.headers ?? []), { name: '', value: '' }] });
    },
    removeHeader(index) {
      change({ headers: (draft.peek()?.headers ?? []).filter((_, i) => i !== index) });
    },
    async add() {
      const d = draft.peek();
      if (!d) return false;
      const fail = (message: string) => {
        error.value = message;
        return false;
      };
      const named = connectionNameProblem(d.name, list.peek());
      if (named) return fail(named);
      const url = normalizeBaseUrl(d.url);
      if (!url.ok) return fail(url.error);
      const headers = checkHeaders(d.headers);
      if (!headers.ok) return fail(headers.error);
      if (list.peek().length >= MAX_CONNECTIONS) return fail(tn('connections_state_at_most', MAX_CONNECTIONS));
      const needed = runtimeOrigin(url.url);
      if (needed) {
        // First, before any other await: the request needs the click's user gesture.
        const granted = await deps.permissions.request({ origins: [needed] }).catch(() => false);
        if (!granted) return fail(t('connections_state_permission', new URL(url.url).host));
      }
      // What is stored now: another panel may have changed the list since this one loaded it.
      const s = await deps.read();
      const again = connectionNameProblem(d.name, s.connections);
      if (again) return fail(again);
      const added: Connection = { id: newConnectionId(s.connections), name: d.name.trim(), baseUrl: url.url, headers: headers.headers };
      await save(s.connections, [...s.connections, added], s.defaultConnection);
      draft.value = null;
      error.value = null;
      done.value = t('connections_state_added', added.name);
      return true;
    },
    async remove(id) {
      const s = await deps.read();
      const gone = s.connections.find((c) => c.id === id);
      if (!gone) return;
      if (s.connections.length === 1) {
        error.value = t('connections_state_sole');
        return;
      }
      await save(
        s.connections,
        s.connections.filter((c) => c !== gone),
        s.defaultConnection,
      );
      error.value = null;
      done.value = t('connections_state_removed', gone.name);
    },
    async setDefault(id) {
      const s = await deps.read();
      await save(s.connections, s.connections, id);
      done.value = null;
    },
  };
}
