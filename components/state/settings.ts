/** The settings form: edits are local until Save; an invalid URL saves nothing. */
import { type ReadonlySignal, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { isLocalUrl, normalizeBaseUrl, originPattern, type Settings } from '../../lib/settings';
import { readSettings, writeSettings } from '../../lib/storage/items';

export interface SettingsModel {
  readonly baseUrl: ReadonlySignal<string>;
  readonly defaultModel: ReadonlySignal<string>;
  readonly error: ReadonlySignal<string | null>;
  readonly saved: ReadonlySignal<boolean>;
  setBaseUrl(v: string): void;
  setDefaultModel(v: string): void;
  load(): Promise<void>;
  /** Must be called straight from the click: a permission request needs the user gesture. */
  save(): Promise<boolean>;
}

export interface SettingsDeps {
  requestOrigin(pattern: string): Promise<boolean>;
  write(patch: Partial<Settings>): Promise<unknown>;
  read(): Promise<Settings>;
}

const defaultDeps: SettingsDeps = {
  requestOrigin: (pattern) => browser.permissions.request({ origins: [pattern] }),
  write: writeSettings,
  read: readSettings,
};

export function createSettingsModel(deps: SettingsDeps = defaultDeps): SettingsModel {
  const baseUrl = signal('');
  const defaultModel = signal('');
  const error = signal<string | null>(null);
  const saved = signal(false);
  const edited = () => {
    saved.value = false;
  };

  return {
    baseUrl,
    defaultModel,
    error,
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
    async load() {
      const s = await deps.read();
      baseUrl.value = s.baseUrl;
      defaultModel.value = s.defaultModel;
    },
    async save() {
      const check = normalizeBaseUrl(baseUrl.peek());
      if (!check.ok) {
        error.value = check.error;
        return false;
      }
      const model = defaultModel.peek().trim();
      if (!model) {
        error.value = 'Enter a default model name (for example llama3).';
        return false;
      }
      if (!isLocalUrl(check.url)) {
        const pattern = originPattern(check.url);
        const granted = await deps.requestOrigin(pattern).catch(() => false);
        if (!granted) {
          error.value = `Permission to reach ${new URL(check.url).host} was not granted, so nothing was saved.`;
          return false;
        }
      }
      await deps.write({ baseUrl: check.url, defaultModel: model });
      baseUrl.value = check.url;
      defaultModel.value = model;
      error.value = null;
      saved.value = true;
      return true;
    },
  };
}
