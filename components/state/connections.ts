/**
 * Settings' "Connections" section: add, edit, remove and choose the default. Each change is saved
 * at once (unlike the rest of the form): adding a server on another machine, or moving one there,
 * asks for its host permission from the click, and a refusal saves nothing.
 */
import { computed, type ReadonlySignal, signal } from '@preact/signals';
import { type Connection, type ConnectionHeader, MAX_CONNECTIONS, newConnectionId } from '../../lib/connections';
import { originsToRelease, runtimeOrigin } from '../../lib/origin/permissions';
import type { PermissionsApi } from '../../lib/origin/permissions';
import { connectionsPatch, insecureWarning, normalizeBaseUrl, type Settings } from '../../lib/settings';
import { t, tn } from '../../lib/i18n';
import { type ConnectionDraft, checkDraft, draftOf, emptyDraft } from './connection-draft';

/** What the section needs: Settings' own (components/state/settings.ts passes its deps). */
export interface ConnectionsDeps {
  permissions: PermissionsApi;
  write(patch: Partial<Settings>): Promise<unknown>;
  read(): Promise<Settings>;
}

export interface ConnectionsModel {
  readonly list: ReadonlySignal<readonly Connection[]>;
  readonly defaultId: ReadonlySignal<string>;
  /** The add or edit form (`editing` says which), or null while it is closed. */
  readonly draft: ReadonlySignal<ConnectionDraft | null>;
  readonly error: ReadonlySignal<string | null>;
  /** Clear-text http to another machine, for the URL being typed. */
  readonly warning: ReadonlySignal<string | null>;
  /** What the last change did ("Added …"), for screen readers and eyes. */
  readonly done: ReadonlySignal<string | null>;
  load(): Promise<void>;
  open(): void;
  /** Opens the form on a stored connection, its values filled in. */
  openEdit(id: string): void;
  cancel(): void;
  edit(patch: Partial<Pick<ConnectionDraft, 'name' | 'url'>>): void;
  editHeader(index: number, patch: Partial<ConnectionHeader>): void;
  addHeader(): void;
  removeHeader(index: number): void;
  /** Must be called straight from the click: a permission request needs the user gesture. */
  add(): Promise<boolean>;
  /** Saves the edit form onto its connection, keeping its id (conversations stay linked). Same rule as add(). */
  update(): Promise<boolean>;
  remove(id: string): Promise<void>;
  setDefault(id: string): Promise<void>;
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
  const save = async (before: Pick<Settings, 'connections' | 'baseUrl'>, after: readonly Connection[], wantedDefault: string) => {
    const previousDefault = defaultId.peek();
    const written = connectionsPatch(after, wantedDefault);
    await deps.write(written);
    const unused = originsToRelease(
      before.connections.map((c) => c.baseUrl),
      after.map((c) => c.baseUrl),
    );
    for (const origin of unused) await deps.permissions.remove({ origins: [origin] }).catch(() => false);
    list.value = written.connections;
    defaultId.value = written.defaultConnection;
    // Another default, or the default's URL edited: Settings' URL field shows the new one.
    if (written.defaultConnection !== previousDefault || written.baseUrl !== before.baseUrl) defaultUrlChanged(written.baseUrl);
  };

  const fail = (message: string) => {
    error.value = message;
    return false;
  };
  const ask = (origin: string) => deps.permissions.request({ origins: [origin] }).catch(() => false);
  const closeWith = (message: string) => {
    draft.value = null;
    error.value = null;
    done.value = message;
    return true;
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
      draft.value = emptyDraft();
      error.value = null;
      done.value = null;
    },
    openEdit(id) {
      const c = list.peek().find((x) => x.id === id);
      if (!c) return;
      draft.value = draftOf(c);
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
      if (!d || d.editing) return false;
      const checked = checkDraft(d, list.peek());
      if (!checked.ok) return fail(checked.error);
      if (list.peek().length >= MAX_CONNECTIONS) return fail(tn('connections_state_at_most', MAX_CONNECTIONS));
      const needed = runtimeOrigin(checked.value.baseUrl);
      // First, before any other await: the request needs the click's user gesture.
      if (needed && !(await ask(needed))) return fail(t('connections_state_permission', new URL(checked.value.baseUrl).host));
      // What is stored now: another panel may have changed the list since this one loaded it.
      const s = await deps.read();
      const again = checkDraft(d, s.connections);
      if (!again.ok) return fail(again.error);
      const added: Connection = { id: newConnectionId(s.connections), ...again.value };
      await save(s, [...s.connections, added], s.defaultConnection);
      return closeWith(t('connections_state_added', added.name));
    },
    async update() {
      const d = draft.peek();
      const id = d?.editing;
      if (!d || !id) return false;
      const others = (all: readonly Connection[]) => all.filter((c) => c.id !== id);
      const checked = checkDraft(d, others(list.peek()));
      if (!checked.ok) return fail(checked.error);
      const was = list.peek().find((c) => c.id === id);
      const needed = runtimeOrigin(checked.value.baseUrl);
      // Only a move to another host asks (first, for the click's user gesture): the old one was granted when added.
      if (needed && needed !== (was && runtimeOrigin(was.baseUrl)) && !(await ask(needed))) {
        return fail(t('connections_state_permission_edit', new URL(checked.value.baseUrl).host));
      }
      const s = await deps.read();
      if (!s.connections.some((c) => c.id === id)) return fail(t('connections_state_edit_gone'));
      const again = checkDraft(d, others(s.connections));
      if (!again.ok) return fail(again.error);
      const edited: Connection = { id, ...again.value };
      // Same id, same place in the list, same default: conversations and the header's picker stay linked.
      await save(
        s,
        s.connections.map((c) => (c.id === id ? edited : c)),
        s.defaultConnection,
      );
      return closeWith(t('connections_state_saved', edited.name));
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
        s,
        s.connections.filter((c) => c !== gone),
        s.defaultConnection,
      );
      error.value = null;
      done.value = t('connections_state_removed', gone.name);
    },
    async setDefault(id) {
      const s = await deps.read();
      await save(s, s.connections, id);
      done.value = null;
    },
  };
}
