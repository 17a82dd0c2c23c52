import { signal } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import { createContextBudget } from '../../../components/state/context-budget';
import { createMessage } from '../../../components/state/message';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup(settings: Partial<Settings>) {
  let changed: (s: Settings) => void = () => {};
  const selected = signal<string | null>('llama3.2');
  const maxContext = signal<Record<string, number>>({});
  const messages = signal([createMessage('user', { content: 'x'.repeat(400) })]);
  const askFacts = vi.fn();
  const model = createContextBudget({
    selected,
    maxContext,
    messages,
    system: signal(''),
    askFacts,
    read: async () => ({ ...DEFAULT_SETTINGS, ...settings }),
    watch: (cb) => {
      changed = cb;
      return () => {};
    },
  });
  return { model, selected, maxContext, messages, askFacts, change: (s: Partial<Settings>) => changed({ ...DEFAULT_SETTINGS, ...s }) };
}

describe('the context budget', () => {
  it("follows the model's own Context length, else the global one, capped at the model's maximum", async () => {
    const t = setup({ parameters: { num_ctx: 8192 }, modelParameters: { 'qwen3:8b': { num_ctx: 16384 } }, systemPrompt: 'y'.repeat(400) });
    await flush();
    // 100 history tokens + 4 per message, 100 system tokens.
    expect(t.model.budget.value).toEqual({ context: 8192, assumed: false, forAttachments: 8192 - 2048 - 204 });
    t.selected.value = 'qwen3:8b';
    expect(t.model.budget.value.context).toBe(16384);
    t.maxContext.value = { 'qwen3:8b': 10000 };
    expect(t.model.budget.value.context).toBe(10000);
    expect(t.askFacts.mock.calls).toEqual([['llama3.2'], ['qwen3:8b']]);
  });

  it('assumes the default when nothing is set, and follows a settings change', async () => {
    const t = setup({});
    await flush();
    expect(t.model.budget.value).toMatchObject({ context: 4096, assumed: true });
    t.change({ parameters: { num_ctx: 2048 } });
    expect(t.model.budget.value).toMatchObject({ context: 2048, assumed: false });
    t.messages.value = [];
    expect(t.model.budget.value.forAttachments).toBe(2048 - 512);
  });
});
