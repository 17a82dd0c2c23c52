import { describe, expect, it, vi } from 'vitest';
import { createSettingsModel } from '../../../components/state/settings';
import { DEFAULT_SETTINGS } from '../../../lib/settings';

function setup(granted = true) {
  const deps = { requestOrigin: vi.fn(async () => granted), write: vi.fn(async () => {}), read: vi.fn(async () => DEFAULT_SETTINGS) };
  return { deps, model: createSettingsModel(deps) };
}

describe('settings model', () => {
  it('loads the defaults', async () => {
    const { model } = setup();
    await model.load();
    expect(model.baseUrl.value).toBe('http://localhost:11434');
    expect(model.defaultModel.value).toBe('llama3');
  });

  it('an invalid URL gives an inline error and saves nothing', async () => {
    const { model, deps } = setup();
    await model.load();
    model.setBaseUrl('localhost:11434');
    expect(await model.save()).toBe(false);
    expect(model.error.value).toContain('http://');
    expect(deps.write).not.toHaveBeenCalled();
  });

  it('a local URL saves without asking for permission', async () => {
    const { model, deps } = setup();
    await model.load();
    model.setBaseUrl('http://127.0.0.1:11435/');
    expect(await model.save()).toBe(true);
    expect(deps.requestOrigin).not.toHaveBeenCalled();
    expect(deps.write).toHaveBeenCalledWith({ baseUrl: 'http://127.0.0.1:11435', defaultModel: 'llama3', selectionLimit: 8000, customPrompts: [], autoStart: true });
    expect(model.saved.value).toBe(true);
  });

  it('a remote URL asks for that host, and a refusal saves nothing', async () => {
    const { model, deps } = setup(false);
    await model.load();
    model.setBaseUrl('http://gpu-box.lan:11434');
    expect(await model.save()).toBe(false);
    expect(deps.requestOrigin).toHaveBeenCalledWith('http://gpu-box.lan/*');
    expect(deps.write).not.toHaveBeenCalled();
    expect(model.error.value).toContain('gpu-box.lan');
  });
});

describe('settings model: selection', () => {
  it('validates the selection limit and custom prompts before saving anything', async () => {
    const { model, deps } = setup();
    await model.load();
    model.setSelectionLimit('12.5');
    expect(await model.save()).toBe(false);
    expect(model.error.value).toContain('whole number');
    model.setSelectionLimit('2000');
    model.addPrompt();
    expect(await model.save()).toBe(false);
    expect(model.error.value).toBe('Custom prompt 1 needs a name and a template.');
    model.updatePrompt(0, { title: ' Fix grammar ', template: 'Fix: {selection}' });
    expect(await model.save()).toBe(true);
    expect(deps.write).toHaveBeenCalledTimes(1);
    expect(deps.write).toHaveBeenCalledWith(
      expect.objectContaining({ selectionLimit: 2000, customPrompts: [expect.objectContaining({ title: 'Fix grammar', template: 'Fix: {selection}' })] }),
    );
  });
});
