import { describe, expect, it } from 'vitest';
import { createConnectionModel } from '../../../components/state/connection';
import { createReadiness, noModelMessage } from '../../../components/state/readiness';

function setup() {
  const connection = createConnectionModel({ requestCheck: () => {}, rememberModel: () => {} });
  connection.setPreferences(null, 'llama3');
  return { connection, readiness: createReadiness(connection) };
}
const base = { type: 'status' as const, baseUrl: 'http://localhost:11434' };

describe('readiness of quick actions', () => {
  it('is unknown until the first status answer, even with a default model configured', () => {
    const { readiness } = setup();
    expect(readiness.value).toEqual({ kind: 'unknown' });
  });

  it('is ready once Ollama lists a model, and unknown again while a new check is under way', () => {
    const { connection, readiness } = setup();
    connection.apply({ ...base, state: 'running', models: [{ name: 'llama3.2:latest' }] });
    expect(readiness.value).toEqual({ kind: 'ready' });
    connection.check();
    expect(readiness.value).toEqual({ kind: 'unknown' });
  });

  it('says "no model" only when Ollama answered with none', () => {
    const { connection, readiness } = setup();
    connection.apply({ ...base, state: 'running', models: [] });
    expect(readiness.value).toEqual({ kind: 'unavailable', message: noModelMessage() });
  });

  it('Ollama down: the remembered or default model still sends (the request is what starts Ollama)', () => {
    const { connection, readiness } = setup();
    connection.apply({ ...base, state: 'stopped', models: [], failure: { kind: 'refused', message: 'Ollama is not running.' } });
    expect(readiness.value).toEqual({ kind: 'ready' });
  });

  it('gives the status failure when Ollama is refusing us', () => {
    const { connection, readiness } = setup();
    connection.apply({ ...base, state: 'running', models: [], failure: { kind: 'forbidden', message: '403: set OLLAMA_ORIGINS', status: 403 } });
    expect(readiness.value).toEqual({ kind: 'unavailable', message: '403: set OLLAMA_ORIGINS' });
  });
});
