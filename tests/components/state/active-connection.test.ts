import { signal } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import { createActiveConnection, onlyActiveStatus, withConnection } from '../../../components/state/active-connection';
import type { Conversation } from '../../../lib/conversations/contract';
import type { BackgroundMessage, Handlers } from '../../../lib/protocol';

const local = { id: 'local', name: 'Local', baseUrl: 'http://localhost:11434', headers: [] };
const gpu = { id: 'gpu', name: 'GPU box', baseUrl: 'http://127.0.0.1:9', headers: [{ name: 'Authorization', value: 'Bearer s3cret' }] };
const settings = { connections: [local, gpu], defaultConnection: 'local' };
const conv = (connection?: string) =>
  ({ id: 'c', title: 't', model: 'm', messages: [], created_at: 'x', updated_at: 'y', ...(connection ? { connection } : {}) }) as unknown as Conversation;

describe('the active connection', () => {
  it('starts on the default; picking another makes it active and asks for its status; names only, no headers', () => {
    const changed = vi.fn();
    const m = createActiveConnection(changed);
    m.setSettings(settings);
    expect(m.active.value).toBe('local');
    expect(changed).not.toHaveBeenCalled();
    expect(m.choices.value).toEqual([
      { id: 'local', name: 'Local' },
      { id: 'gpu', name: 'GPU box' },
    ]);
    m.choose('gpu');
    expect(m.active.value).toBe('gpu');
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('opening a conversation switches to its connection; a new chat keeps the one chosen', () => {
    const m = createActiveConnection(vi.fn());
    m.setSettings(settings);
    m.shown(conv('gpu'));
    expect(m.active.value).toBe('gpu');
    m.shown(null);
    expect(m.active.value).toBe('gpu');
    m.shown(conv());
    expect(m.active.value).toBe('local');
  });

  it('a conversation whose connection was removed falls back to the default, with a note', () => {
    const m = createActiveConnection(vi.fn());
    m.setSettings(settings);
    m.choose('gpu');
    m.shown(conv('gone'));
    expect(m.active.value).toBe('local');
    expect(m.note.value).toBe('This conversation\'s connection was removed; it now uses "Local".');
    m.shown(null);
    expect(m.note.value).toBeNull();
  });

  it('a conversation opened before settings are read gets its connection once they are', () => {
    const changed = vi.fn();
    const m = createActiveConnection(changed);
    m.shown(conv('gpu'));
    m.setSettings(settings);
    expect(m.active.value).toBe('gpu');
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('removing the active connection in Settings moves to the default', () => {
    const changed = vi.fn();
    const m = createActiveConnection(changed);
    m.setSettings(settings);
    m.choose('gpu');
    m.setSettings({ connections: [local], defaultConnection: 'local' });
    expect(m.active.value).toBe('local');
    expect(changed).toHaveBeenCalledTimes(2);
  });
});

describe('requests name the connection', () => {
  it('every request that reaches Ollama carries the id; chat/start in its conversation; the rest pass unchanged', () => {
    expect(withConnection({ type: 'status/check' }, 'gpu')).toEqual({ type: 'status/check', connection: 'gpu' });
    expect(withConnection({ type: 'models/pull', name: 'x' }, 'gpu')).toEqual({ type: 'models/pull', name: 'x', connection: 'gpu' });
    expect(withConnection({ type: 'model/show', model: 'x' }, 'gpu')).toMatchObject({ connection: 'gpu' });
    const start = { type: 'chat/start' as const, requestId: 'r', model: 'm', conversation: { id: 'c' }, base: null, history: [] };
    expect(withConnection(start, 'gpu')).toEqual({ ...start, conversation: { id: 'c', connection: 'gpu' } });
    expect(withConnection({ type: 'chat/stop', requestId: 'r' }, 'gpu')).toEqual({ type: 'chat/stop', requestId: 'r' });
    expect(withConnection({ type: 'status/check' }, '')).toEqual({ type: 'status/check' });
  });

  it('a status of a connection the panel left is dropped', () => {
    const status = vi.fn();
    const active = signal('gpu');
    const h = onlyActiveStatus({ status } as unknown as Handlers<BackgroundMessage>, active);
    const base = { type: 'status' as const, state: 'running' as const, models: [], baseUrl: 'u' };
    h.status({ ...base, connection: 'local' });
    h.status({ ...base, connection: 'gpu' });
    h.status(base);
    expect(status.mock.calls.map((c) => c[0].connection)).toEqual(['gpu', undefined]);
  });
});
