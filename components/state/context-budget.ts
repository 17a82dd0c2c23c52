/**
 * The context budget the composer's attachments are fitted to (lib/attachments/budget.ts): the
 * selected model's Context length from Settings (global or its own), capped at the model's maximum
 * from /api/show, less what else goes with the next question (system prompt, history).
 */
import { computed, effect, type ReadonlySignal, signal } from '@preact/signals';
import { type ContextBudget, contextBudget } from '../../lib/attachments/budget';
import { estimateTokens } from '../../lib/attachments/tokens';
import { wireContent } from '../../lib/attachments/wire';
import { parametersFor } from '../../lib/model-params';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { readSettings, watchSettings } from '../../lib/storage/items';
import type { ChatMessage } from './message';

type Params = Pick<Settings, 'systemPrompt' | 'parameters' | 'modelParameters'>;

export interface ContextBudgetDeps {
  selected: ReadonlySignal<string | null>;
  /** Models' maximum context lengths, as /api/show said (model/facts). */
  maxContext: ReadonlySignal<Readonly<Record<string, number>>>;
  messages: ReadonlySignal<readonly ChatMessage[]>;
  /** The open conversation's own system prompt ('' : the default from Settings applies). */
  system: ReadonlySignal<string>;
  /** Asks the background for a model's facts; the answer lands in `maxContext`. */
  askFacts(model: string): void;
  read?: () => Promise<Settings>;
  watch?: (cb: (s: Settings) => void) => () => void;
}

export interface ContextBudgetModel {
  readonly budget: ReadonlySignal<ContextBudget>;
  dispose(): void;
}

const pick = ({ systemPrompt, parameters, modelParameters }: Params): Params => ({ systemPrompt, parameters, modelParameters });

export function createContextBudget(deps: ContextBudgetDeps): ContextBudgetModel {
  const settings = signal<Params>(pick(DEFAULT_SETTINGS));
  void (deps.read ?? readSettings)().then((s) => {
    settings.value = pick(s);
  });
  const unwatch = (deps.watch ?? watchSettings)((s) => {
    settings.value = pick(s);
  });
  const asked = new Set<string>();
  const stopAsking = effect(() => {
    const model = deps.selected.value;
    if (model && !asked.has(model)) {
      asked.add(model);
      deps.askFacts(model);
    }
  });
  // Recounted when the list changes or its last reply ends, not on every streamed chunk: the
  // text is read, not followed.
  const history = computed(() => {
    const list = deps.messages.value;
    list.at(-1)?.status.value;
    return list.reduce((n, m) => n + estimateTokens(wireContent(m.text.value, m.attachments)) + 4, 0);
  });
  const budget = computed(() => {
    const model = deps.selected.value ?? '';
    const s = settings.value;
    const system = deps.system.value || s.systemPrompt;
    const { num_ctx } = parametersFor(s.parameters, s.modelParameters, model);
    return contextBudget(num_ctx, deps.maxContext.value[model], history.value + estimateTokens(system));
  });
  return {
    budget,
    dispose() {
      unwatch();
      stopAsking();
    },
  };
}
