/** Connection status and the model picker, fed by the background's status messages. */
import { computed, type ReadonlySignal, signal } from '@preact/signals';
import { pickModel } from '../../lib/models';
import type { BackgroundMessage, ConnectionState, Failure, ModelInfo } from '../../lib/protocol';

type Status = Extract<BackgroundMessage, { type: 'status' }>;

export interface ConnectionDeps {
  requestCheck(): void;
  rememberModel(name: string): void;
}

export interface ConnectionModel {
  readonly state: ReadonlySignal<ConnectionState>;
  readonly models: ReadonlySignal<ModelInfo[]>;
  readonly selected: ReadonlySignal<string | null>;
  readonly baseUrl: ReadonlySignal<string>;
  readonly failure: ReadonlySignal<Failure | null>;
  readonly version: ReadonlySignal<string | null>;
  /** `npm start`'s demo mode: the server is the project's simulator, not a real Ollama. */
  readonly simulated: ReadonlySignal<boolean>;
  /** Asks the background for a fresh check; state goes back to `unknown` until it answers. */
  check(): void;
  apply(status: Status): void;
  select(name: string): void;
  /** Inputs to the default choice, from storage. */
  setPreferences(remembered: string | null, configuredDefault: string): void;
}

export function createConnectionModel(deps: ConnectionDeps): ConnectionModel {
  const state = signal<ConnectionState>('unknown');
  const models = signal<ModelInfo[]>([]);
  const baseUrl = signal('');
  const failure = signal<Failure | null>(null);
  const version = signal<string | null>(null);
  const simulated = computed(() => version.value?.includes('simulator') ?? false);
  const remembered = signal<string | null>(null);
  const configured = signal('');
  const selected = computed(() =>
    // With Ollama down there is no list; the remembered or default model still lets a send
    // go out, which is what starts Ollama (layer 1 recovery).
    state.value === 'stopped' && models.value.length === 0
      ? (remembered.value ?? (configured.value || null))
      : pickModel(
          models.value.map((m) => m.name),
          remembered.value,
          configured.value,
        ),
  );

  return {
    state,
    models,
    selected,
    baseUrl,
    failure,
    version,
    simulated,
    check() {
      state.value = 'unknown';
      deps.requestCheck();
    },
    apply(status) {
      state.value = status.state;
      models.value = status.models;
      baseUrl.value = status.baseUrl;
      failure.value = status.failure ?? null;
      version.value = status.version ?? null;
    },
    select(name) {
      remembered.value = name;
      deps.rememberModel(name);
    },
    setPreferences(rememberedName, configuredDefault) {
      remembered.value = rememberedName;
      configured.value = configuredDefault;
    },
  };
}
