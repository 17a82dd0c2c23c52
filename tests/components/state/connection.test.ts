import { describe, expect, it, vi } from 'vitest';
import { createConnectionModel } from '../../../components/state/connection';

describe('connection model', () => {
  it('starts unknown, follows status, and picks remembered > default > first', () => {
    const deps = { requestCheck: vi.fn(), rememberModel: vi.fn() };
    const c = createConnectionModel(deps);
    expect(c.state.value).toBe('unknown');
    c.setPreferences(null, 'llama3');
    c.apply({ type: 'status', state: 'running', baseUrl: 'u', models: [{ name: 'a:1b' }, { name: 'llama3:latest' }] });
    expect(c.state.value).toBe('running');
    expect(c.selected.value).toBe('llama3:latest');
    c.select('a:1b');
    expect(c.selected.value).toBe('a:1b');
    expect(deps.rememberModel).toHaveBeenCalledWith('a:1b');
    c.check();
    expect(c.state.value).toBe('unknown');
    expect(deps.requestCheck).toHaveBeenCalled();
    c.apply({ type: 'status', state: 'stopped', baseUrl: 'u', models: [], failure: { kind: 'refused', message: 'x' } });
    // Ollama down: the remembered choice stays usable, so a send can start Ollama.
    expect(c.selected.value).toBe('a:1b');
    expect(c.failure.value?.kind).toBe('refused');
    c.apply({ type: 'status', state: 'running', baseUrl: 'u', models: [] });
    expect(c.selected.value).toBeNull();
  });
});
