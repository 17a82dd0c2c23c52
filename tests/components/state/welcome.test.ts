import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { HostInfo } from '../../../components/state/settings';
import { createWelcome } from '../../../components/state/welcome';
import type { ConnectionState, Failure, ModelInfo } from '../../../lib/protocol';

function setup() {
  const connection = {
    state: signal<ConnectionState>('unknown'),
    failure: signal<Failure | null>(null),
    models: signal<ModelInfo[]>([]),
    baseUrl: signal('http://localhost:11434'),
  };
  const host = signal<HostInfo | null>(null);
  return { connection, host, step: createWelcome(connection, host) };
}

describe('the welcome guide follows the connection', () => {
  it('checking → down (what the helper can do) → no models → ready', () => {
    const { connection, host, step } = setup();
    expect(step.value).toEqual({ kind: 'checking' });
    connection.state.value = 'stopped';
    expect(step.value).toEqual({ kind: 'down', helper: 'unknown', host: null });
    host.value = { installed: false, command: null, url: null };
    expect(step.value).toEqual({ kind: 'down', helper: 'missing', host: null });
    host.value = { installed: true, command: null, url: null };
    expect(step.value).toMatchObject({ helper: 'missing' });
    host.value = { installed: true, command: 'ollama serve', url: null };
    expect(step.value).toMatchObject({ helper: 'installed' });
    connection.state.value = 'running';
    expect(step.value).toEqual({ kind: 'no-models' });
    connection.models.value = [{ name: 'llama3.2:1b' }];
    expect(step.value).toEqual({ kind: 'ready' });
  });

  it('names a remote server that does not answer (only its machine can start it)', () => {
    const { connection, step } = setup();
    connection.baseUrl.value = 'http://192.168.1.20:11434';
    connection.state.value = 'stopped';
    expect(step.value).toEqual({ kind: 'down', helper: 'unknown', host: '192.168.1.20:11434' });
  });

  it('up but refusing us (403), or answering with an error', () => {
    const { connection, step } = setup();
    connection.state.value = 'running';
    connection.failure.value = { kind: 'forbidden', status: 403, message: 'refused' };
    expect(step.value).toEqual({ kind: 'forbidden' });
    connection.failure.value = { kind: 'server', status: 500, message: 'boom' };
    expect(step.value).toEqual({ kind: 'failing' });
  });
});
