import { describe, expect, it, vi } from 'vitest';
import { createPromptSettings } from '../../../components/state/prompt-settings';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';

function setup(stored: Partial<Settings> = {}) {
  let saved: Settings = { ...DEFAULT_SETTINGS, ...stored };
  const write = vi.fn(async (patch: Partial<Settings>) => {
    saved = { ...saved, ...patch };
  });
  const askFacts = vi.fn();
  const model = createPromptSettings({ askFacts, read: async () => saved, write });
  return { model, write, askFacts, saved: () => saved };
}

describe('prompt settings', () => {
  it('loads the stored values and asks once for the selected model’s facts', async () => {
    const { model, askFacts } = setup({
      systemPrompt: 'Be brief.',
      promptPresets: [{ id: 'p', name: 'Pirate', text: 'Arr.' }],
      parameters: { temperature: 0.4 },
      modelParameters: { m: { num_ctx: 2048 } },
    });
    await model.load('m');
    await model.load('m');
    expect(model.systemPrompt.value).toBe('Be brief.');
    expect(model.presets.value).toEqual([{ id: 'p', name: 'Pirate', text: 'Arr.' }]);
    expect(model.defaults.value.temperature).toBe('0.4');
    expect(model.overrides.value.m?.num_ctx).toBe('2048');
    expect(askFacts).toHaveBeenCalledTimes(1);
    expect(askFacts).toHaveBeenCalledWith('m');
  });

  it('saves the prompt, presets, defaults and per-model overrides (empty overrides dropped)', async () => {
    const { model, saved } = setup();
    await model.load(null);
    model.setSystemPrompt('Be brief.');
    model.addPreset();
    model.updatePreset(0, { name: ' Pirate ', text: 'Talk like a pirate.' });
    model.setParam('', 'temperature', '0.3');
    model.setParam('', 'keep_alive', '-1');
    model.setParam('qwen3:0.6b', 'num_ctx', '4096');
    model.setParam('llama3', 'seed', '');
    expect(await model.save()).toBe(true);
    expect(saved()).toMatchObject({
      systemPrompt: 'Be brief.',
      promptPresets: [{ name: 'Pirate', text: 'Talk like a pirate.' }],
      parameters: { temperature: 0.3, keep_alive: '-1' },
      modelParameters: { 'qwen3:0.6b': { num_ctx: 4096 } },
    });
  });

  it('saves nothing while a preset has no name or a field is out of range', async () => {
    const { model, write } = setup();
    model.addPreset();
    expect(await model.save()).toBe(false);
    expect(model.error.value).toBe('Preset 1 needs a name and a text.');
    model.removePreset(0);
    model.pickOverrideModel('m');
    model.facts('m', 8192);
    model.setParam('m', 'num_ctx', '9000');
    expect(await model.save()).toBe(false);
    expect(model.error.value).toBe('Parameters for m: Context length must be a whole number from 256 to 8192.');
    expect(write).not.toHaveBeenCalled();
    model.setParam('m', 'num_ctx', '8192');
    expect(await model.save()).toBe(true);
    expect(model.error.value).toBeNull();
  });
});
