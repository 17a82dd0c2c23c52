import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectionNameProblem,
  headerProblem,
  headersOf,
  MAX_CONNECTIONS,
  newConnectionId,
  resolveConnection,
  sanitizeConnections,
} from '../../lib/connections';
import { originsToRelease } from '../../lib/origin/permissions';
import { connectionsPatch, DEFAULT_SETTINGS, insecureWarning, normalizeBaseUrl, sanitizeSettings } from '../../lib/settings';
import { installI18n } from '../support/i18n';

const gpu = { id: 'gpu', name: 'GPU box', baseUrl: 'https://gpu.lan/ollama', headers: [{ name: 'Authorization', value: 'Bearer s3cret' }] };
const local = { id: 'local', name: 'Local', baseUrl: 'http://localhost:11434', headers: [] };

describe('settings migration: one baseUrl becomes the connection "Local"', () => {
  it('an existing user keeps their server, as the default connection', () => {
    const s = sanitizeSettings({ baseUrl: 'http://192.168.1.20:11434/', defaultModel: 'qwen3' });
    expect(s.connections).toEqual([{ id: 'local', name: 'Local', baseUrl: 'http://192.168.1.20:11434', headers: [] }]);
    expect(s.defaultConnection).toBe('local');
    expect(s.baseUrl).toBe('http://192.168.1.20:11434');
  });

  it('nothing stored, or a bad URL: the local default server', () => {
    expect(sanitizeSettings({}).connections).toEqual([local]);
    expect(sanitizeSettings({ baseUrl: 'http://*:1' }).connections).toEqual([local]);
  });

  it("baseUrl is the default connection's URL: a stored one (Settings' URL field, npm start) sets it", () => {
    const s = sanitizeSettings({ baseUrl: 'https://gpu.lan/v2/', connections: [local, gpu], defaultConnection: 'gpu' });
    expect(s.connections).toEqual([local, { ...gpu, baseUrl: 'https://gpu.lan/v2' }]);
    expect(s.defaultConnection).toBe('gpu');
    expect(s.baseUrl).toBe('https://gpu.lan/v2');
    // None stored, or a bad one: the default connection's own.
    expect(sanitizeSettings({ connections: [local, gpu], defaultConnection: 'gpu' }).baseUrl).toBe(gpu.baseUrl);
    expect(sanitizeSettings({ baseUrl: 'ftp://x', connections: [local, gpu], defaultConnection: 'gpu' }).connections).toEqual([local, gpu]);
  });

  it('a default that names no connection falls back to the first', () => {
    expect(sanitizeSettings({ connections: [gpu, local], defaultConnection: 'gone' })).toMatchObject({ defaultConnection: 'gpu', baseUrl: gpu.baseUrl });
    expect(sanitizeSettings({ connections: [gpu], defaultConnection: 3 })).toMatchObject({ defaultConnection: 'gpu' });
  });

  it.each([null, 'gpu', {}, [], [null], [{ id: 'x' }]])('connections = %j with nothing usable → migrated from baseUrl', (connections) => {
    const s = sanitizeSettings({ baseUrl: 'http://127.0.0.1:9', connections });
    expect(s.connections).toEqual([{ ...local, baseUrl: 'http://127.0.0.1:9' }]);
  });

  it('connectionsPatch keeps baseUrl and the default in step with the list (what Settings writes when they change)', () => {
    expect(connectionsPatch([local, gpu], 'gpu')).toEqual({ connections: [local, gpu], defaultConnection: 'gpu', baseUrl: gpu.baseUrl });
    expect(connectionsPatch([gpu], 'local')).toEqual({ connections: [gpu], defaultConnection: 'gpu', baseUrl: gpu.baseUrl });
  });

  it('the defaults are one connection to the local Ollama', () => {
    expect(DEFAULT_SETTINGS.connections).toEqual([local]);
    expect(sanitizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('sanitizeConnections', () => {
  it('keeps good connections as they are, URLs normalised and names trimmed', () => {
    expect(sanitizeConnections([{ ...gpu, name: ' GPU box ', baseUrl: 'https://gpu.lan/ollama/' }])).toEqual([gpu]);
  });

  it.each([
    ['a bad URL', { ...gpu, baseUrl: 'ftp://gpu.lan' }],
    ['a wildcard URL', { ...gpu, baseUrl: 'http://*.lan' }],
    ['a URL with credentials', { ...gpu, baseUrl: 'http://u:p@gpu.lan' }],
    ['no id', { ...gpu, id: '' }],
    ['a blank name', { ...gpu, name: '  ' }],
    ['a name too long', { ...gpu, name: 'x'.repeat(61) }],
    ['a number for a URL', { ...gpu, baseUrl: 42 }],
  ])('drops a connection with %s', (_, bad) => {
    expect(sanitizeConnections([local, bad])).toEqual([local]);
  });

  it('a later duplicate id or name (any case) is dropped, the first kept', () => {
    const got = sanitizeConnections([local, gpu, { ...gpu, name: 'Other' }, { ...gpu, id: 'g2', name: 'gpu BOX' }, { ...gpu, id: 'g3', name: 'Third' }]);
    expect(got.map((c) => c.id)).toEqual(['local', 'gpu', 'g3']);
  });

  it(`keeps at most ${MAX_CONNECTIONS} (one Origin rule each)`, () => {
    const many = Array.from({ length: MAX_CONNECTIONS + 3 }, (_, i) => ({ ...local, id: `c${i}`, name: `C${i}` }));
    expect(sanitizeConnections(many)).toHaveLength(MAX_CONNECTIONS);
  });

  it.each([
    ['Host', 'gpu.lan'],
    ['Origin', 'x'],
    ['Content-Length', '3'],
    ['Cookie', 'a=b'],
    ['Proxy-Authorization', 'Basic x'],
    ['Sec-Fetch-Mode', 'cors'],
    ['Content-Type', 'text/plain'],
    ['Bad Name', 'x'],
    ['Authorization:', 'x'],
    ['X-Ok', 'two\r\nX-Evil: 1'],
    ['X-Ok', 'line\nbreak'],
    ['X-Ok', '   '],
  ])('drops the header %j: %j, keeps the connection and its good headers', (name, value) => {
    const [got] = sanitizeConnections([{ ...gpu, headers: [{ name, value }, ...gpu.headers] }]);
    expect(got?.headers).toEqual(gpu.headers);
  });

  it('a header named twice (any case) is kept once; damaged header lists give none', () => {
    expect(sanitizeConnections([{ ...gpu, headers: [...gpu.headers, { name: 'authorization', value: 'Bearer other' }] }])[0]?.headers).toEqual(gpu.headers);
    expect(sanitizeConnections([{ ...gpu, headers: 'Bearer x' }])[0]?.headers).toEqual([]);
    expect(sanitizeConnections([{ ...gpu, headers: [null, { name: 'X-A' }] }])[0]?.headers).toEqual([]);
  });
});

describe('headers and names as Settings checks them', () => {
  it('explains each refusal', () => {
    expect(headerProblem('Authorization', 'Bearer x')).toBeNull();
    expect(headerProblem('X-Api-Key', 'k')).toBeNull();
    expect(headerProblem('Host', 'x')).toMatch(/does not let an extension set the Host header/);
    expect(headerProblem('Bad Name', 'x')).toMatch(/not a valid header name/);
    expect(headerProblem('X-A', 'a\r\nb')).toMatch(/must be one line/);
    expect(headerProblem('X-A', '')).toMatch(/Enter a value for X-A/);
    expect(headerProblem('Authorization', 'Bearer “t”')).toMatch(/character a header cannot carry/);
    expect(headerProblem('Authorization', 'Bearer abc…')).toMatch(/character a header cannot carry/);
  });

  it('names are needed and unique', () => {
    expect(connectionNameProblem('', [local])).toMatch(/Enter a name/);
    expect(connectionNameProblem('local', [local])).toMatch(/already a connection named "local"/);
    expect(connectionNameProblem('GPU', [local])).toBeNull();
  });

  it('resolve: by id, else the default, else the first', () => {
    const s = { connections: [local, gpu], defaultConnection: 'gpu' };
    expect(resolveConnection(s, 'local')).toBe(local);
    expect(resolveConnection(s, 'removed')).toBe(gpu);
    expect(resolveConnection(s)).toBe(gpu);
    expect(resolveConnection({ connections: [local, gpu], defaultConnection: 'x' })).toBe(local);
  });

  it('headersOf gives what fetch takes; new ids are fresh', () => {
    expect(headersOf(gpu)).toEqual({ Authorization: 'Bearer s3cret' });
    const rolls = [0, 0, 0.5];
    const id = newConnectionId([{ ...local, id: 'c0' }], () => rolls.shift() ?? 0.5);
    expect(id).not.toBe('c0');
    expect(id).toMatch(/^c[0-9a-z]+$/);
  });
});

describe('host permissions follow the configured servers', () => {
  it.each([
    [['http://localhost:11434', 'http://a.lan:11434'], ['http://localhost:11434'], ['http://a.lan/*']],
    [['http://a.lan:11434', 'http://a.lan:8080/x'], ['http://a.lan:8080/x'], []],
    [['https://b.lan', 'http://a.lan:1'], ['http://a.lan:1'], ['https://b.lan/*']],
    [['http://127.0.0.1:9', 'http://localhost:1'], ['http://localhost:1'], []],
    [['http://a.lan:1', 'https://a.lan'], ['http://localhost:1'], ['http://a.lan/*', 'https://a.lan/*']],
  ])('servers %j → %j give back %j', (before, after, released) => {
    expect(originsToRelease(before, after)).toEqual(released);
  });
});

describe('connection checks in Spanish', () => {
  afterEach(() => installI18n(fakeBrowser));

  it('the problems come from the catalog, with the header, name or address filled in', () => {
    installI18n(fakeBrowser, 'es');
    expect(headerProblem('Host', 'x')).toBe('El navegador no permite que una extensión defina la cabecera Host.');
    expect(connectionNameProblem('x'.repeat(61), [])).toBe('El nombre es demasiado largo (máximo 60 caracteres).');
    expect(normalizeBaseUrl('ftp://a')).toEqual({ ok: false, error: 'La URL debe empezar por http:// o https://.' });
    expect(insecureWarning('http://gpu.lan:11434')).toMatch(/^Esta conexión no está cifrada/);
  });
});
