import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ModelsView } from '../../components/ModelsView';
import { createModelsModel } from '../../components/state/models';

function setup() {
  const send = vi.fn();
  const models = createModelsModel({ send, recheck: vi.fn() });
  models.events['models/list']({
    type: 'models/list',
    installed: [
      {
        name: 'llama3.2:latest',
        size: 2_019_393_189,
        family: 'llama',
        parameterSize: '3.2B',
        quantization: 'Q4_K_M',
        contextLength: 131072,
        capabilities: ['completion', 'tools'],
      },
      { name: 'qwen3:0.6b', size: 522_000_000 },
    ],
    loaded: [{ name: 'llama3.2:latest', size: 2_019_393_189, sizeVram: 2_019_393_189, expiresAt: '2026-01-01T10:05:00Z' }],
  });
  render(<ModelsView models={models} />);
  return { send, models };
}

describe('ModelsView', () => {
  afterEach(cleanup);

  it('shows each model’s size, family, parameters, quantization, context length and capabilities; in memory with Unload', () => {
    const { send } = setup();
    const item = screen.getByRole('listitem', { name: 'llama3.2:latest' });
    expect(item.textContent).toContain('2.0 GB · llama · 3.2B · Q4_K_M · context 131,072');
    expect(item.textContent).toContain('Can: completion, tools');
    expect(item.textContent).toContain('In memory');
    expect(screen.getByRole('listitem', { name: 'qwen3:0.6b' }).textContent).not.toContain('In memory');
    fireEvent.click(screen.getByRole('button', { name: 'Unload llama3.2:latest' }));
    expect(send).toHaveBeenCalledWith({ type: 'models/unload', name: 'llama3.2:latest' });
  });

  it('Delete <name> asks for a confirming Delete before anything is sent', async () => {
    const { send } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Delete qwen3:0.6b' }));
    expect(send).not.toHaveBeenCalled();
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    expect(send).toHaveBeenCalledWith({ type: 'models/delete', name: 'qwen3:0.6b' });
  });

  it('Pull model sends the name and shows the pull’s progress with Cancel', async () => {
    const { send, models } = setup();
    fireEvent.input(screen.getByRole('textbox', { name: 'Model to pull' }), { target: { value: 'llama3.2:1b' } });
    fireEvent.click(screen.getByRole('button', { name: 'Pull model' }));
    expect(send).toHaveBeenCalledWith({ type: 'models/pull', name: 'llama3.2:1b' });
    models.events['models/progress']({
      type: 'models/progress',
      pull: {
        name: 'llama3.2:1b',
        status: 'pulling 74701a8c35f6',
        layers: [{ digest: 'sha256:74701a8c35f6aaaa', total: 1_000_000_000, completed: 250_000_000 }],
        completed: 250_000_000,
        total: 1_000_000_000,
        bytesPerSecond: 50_000_000,
        etaSeconds: 15,
      },
    });
    const pull = await screen.findByRole('region', { name: 'Pull of llama3.2:1b' });
    expect(pull.textContent).toContain('250 MB of 1.0 GB (25%) · 50 MB/s · 15s left');
    expect(pull.textContent).toContain('74701a8c35f6: 250 MB of 1.0 GB (25%)');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel pull of llama3.2:1b' }));
    expect(send).toHaveBeenCalledWith({ type: 'models/pull-cancel', name: 'llama3.2:1b' });
  });
});
