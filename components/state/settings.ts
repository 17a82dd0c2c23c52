/** The settings form: edits are local until Save; an invalid URL saves nothing. */
import { computed, type ReadonlySignal, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { originsToRelease, type PermissionsApi, runtimeOrigin } from '../../lib/origin/permissions';
import type { CustomPrompt } from '../../lib/selection/menus';
import { insecureWarning, normalizeBaseUrl, SELECTION_LIMIT_RANGE, type SendKey, type Settings, type Theme } from '../../lib/settings';
import { readSettings, writeSettings } from '../../lib/storage/items';
import { type ConnectionsModel, createConnectionsModel } from './connections';
import { t } from '../../lib/i18n';

export interface SettingsModel {
  /** The default connection's URL (the "Ollama URL" field). */
  readonly baseUrl: ReadonlySignal<string>;
  /** The "Connections" section, saved on each change. */
  readonly connections: ConnectionsModel;
  readonly defaultModel: ReadonlySignal<string>;
  readonly selectionLimit: ReadonlySignal<string>;
  readonly customPrompts: ReadonlySignal<readonly CustomPrompt[]>;
  readonly autoStart: ReadonlySignal<boolean>;
  readonly sendKey: ReadonlySignal<SendKey>;
  readonly theme: ReadonlySignal<Theme>;
  /** What the native host said about itself (null until asked). */
  readonly host: ReadonlySignal<HostInfo | null>;
  readonly error: ReadonlySignal<string | null>;
  /** A risk worth knowing that does not stop saving (clear-text http to another machine). */
  readonly warning: ReadonlySignal<string | null>;
  readonly saved: ReadonlySignal<boolean>;
  setBaseUrl(v: string): void;
  setDefaultModel(v: string): void;
  setSelectionLimit(v: string): void;
  setAutoStart(v: boolean): void;
  setSendKey(v: SendKey): void;
  setTheme(v: Theme): void;
  setHost(info: HostInfo): void;
  addPrompt(): void;
  updatePrompt(index: number, patch: Partial<Omit<CustomPrompt, 'id'>>): void;
  removePrompt(index: number): void;
  load(): Promise<void>;
  /** Must be called straight from the click: a permission request needs the user gesture. */
  save(): Promise<boolean>;
}

export interface HostInfo {
  installed: boolean;
  command: string | null;
  url: string | null;
  error?: string;
}

export interface SettingsDeps {
  permissions: PermissionsApi;
  write(patch: Partial<Settings>): Promise<unknown>;
  read(): Promise<Settings>;
}

const defaultDeps: SettingsDeps = {
  permissions: browser.permissions,
  write: writeSettings,
  read: readSettings,
};

export function createSettingsModel(deps: SettingsDeps = defaultDeps): SettingsModel {
  const baseUrl = signal('');
  const defaultModel = signal('');
  const selectionLimit = signal('');
  const autoStart = signal(true);
  const sendKey = signal<SendKey>('enter');
  const theme = signal<Theme>('system');
  const host = signal<HostInfo | null>(null);
  const customPrompts = signal<CustomPrompt[]>([]);
  const error = signal<string | null>(null);
  const saved = signal(false);
  const warning = computed(() => {
    const check = normalizeBaseUrl(baseUrl.value);
    return check.ok ? insecureWarning(check.url) : null;
  });
  const edited = () => {
    saved.value = false;
  };
  // Another default: the URL field shows its URL, or Save would move it onto the new default.
  const connections = createConnectionsModel(deps, (url) => {
    baseUrl.value = url;
  });

  return {
    baseUrl,
    connections,
    defaultModel,
    selectionLimit,
    autoStart,
    sendKey,
    theme,
    host,
    customPrompts,
    error,
    warning,
    saved,
    setBaseUrl(v) {
      baseUrl.value = v;
      error.value = null;
      edited();
    },
    setDefaultModel(v) {
      defaultModel.value = v;
      edited();
    },
    setAutoStart(v) {
      autoStart.value = v;
      edited();
    },
    setSendKey(v) {
      sendKey.value = v;
      edited();
    },
    setTheme(v) {
      theme.value = v;
      edited();
    },
    setHost(info) {
      host.value = info;
    },
    setSelectionLimit(v) {
      selectionLimit.value = v;
      edited();
    },
    addPrompt() {
      customPrompts.value = [...customPrompts.peek(), { id: `p${Date.now().toString(36)}`, title: '', template: 'Rewrite this more clearly:\n\n{selection}' }];
      edited();
    },
    updatePrompt(index, patch) {
      customPrompts.value = customPrompts.peek().map((p, i) => (i === index ? { ...p, ...patch } : p));
      edited();
    },
    removePrompt(index) {
      customPrompts.value = customPrompts.peek().filter((_, i) => i !== index);
      edited();
    },
    async load() {
      const s = await deps.read();
      baseUrl.value = s.baseUrl;
      defaultModel.value = s.defaultModel;
      selectionLimit.value = String(s.selectionLimit);
      autoStart.value = s.autoStart;
      sendKey.value = s.sendKey;
      theme.value = s.theme;
      customPrompts.value = s.customPrompts;
      await connections.load();
    },
    async save() {
      const check = normalizeBaseUrl(baseUrl.peek());
      if (!check.ok) {
        error.value = check.error;
        return false;
      }
      const model = defaultModel.peek().trim();
      if (!model) {
        error.value = t('settings_state_no_default_model');
        return false;
      }
      const limit = Number(selectionLimit.peek());
      if (!Number.isInteger(limit) || limit < SELECTION_LIMIT_RANGE.min || limit > SELECTION_LIMIT_RANGE.max) {
        error.value = t('settings_state_selection_limit');
        return false;
      }
      const prompts = customPrompts.peek().map((p) => ({ ...p, title: p.title.trim() }));
      const badPrompt = prompts.findIndex((p) => !p.title || !p.template.trim());
      if (badPrompt >= 0) {
        error.value = t('settings_state_prompt_incomplete', badPrompt + 1);
        return false;
      }
      const needed = runtimeOrigin(check.url);
      if (needed) {
        const granted = await deps.permissions.request({ origins: [needed] }).catch(() => false);
        if (!granted) {
          error.value = t('settings_state_permission', new URL(check.url).host);
          return false;
        }
      }
      // Read after the request: the user gesture it needs does not survive an await before it.
      // The URL is the default connection's; the other connections keep theirs (and their grants).
      const current = await deps.read();
      const before = current.connections.map((c) => c.baseUrl);
      const after = current.connections.map((c) => (c.id === current.defaultConnection ? check.url : c.baseUrl));
      await deps.write({
        baseUrl: check.url,
        defaultModel: model,
        selectionLimit: limit,
        customPrompts: prompts,
        autoStart: autoStart.peek(),
        sendKey: sendKey.peek(),
        theme: theme.peek(),
      });
      // Saving succeeded either way; a grant that cannot be removed only stays as it was.
      for (const unused of originsToRelease(before, after)) await deps.permissions.remove({ origins: [unused] }).catch(() => false);
      baseUrl.value = check.url;
      defaultModel.value = model;
      error.value = null;
      saved.value = true;
      return true;
    },
  };
}
