import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, insecureWarning, isLocalUrl, isLoopbackUrl, normalizeBaseUrl, originPattern, sanitizeSettings } from '../../lib/settings';

describe('normalizeBaseUrl', () => {
  it.each([
    ['http://localhost:11434', 'http://localhost:11434'],
    ['  http://127.0.0.1:11434/  ', 'http://127.0.0.1:11434'],
    ['https://gpu.example.com/ollama/', 'https://gpu.example.com/ollama'],
  ])('accepts %s', (input, url) => expect(normalizeBaseUrl(input)).toEqual({ ok: true, url }));

  it.each([
    ['', 'Enter the address'],
    ['localhost:11434', 'must start with http'],
    ['not a url', 'not a valid URL'],
    ['ftp://host', 'must start with http'],
    ['http://u:p@host', 'no user name'],
    ['http://host/?x=1', 'query'],
    ['http://*:11434', 'wildcards'],
  ])('rejects %j with a message', (input, words) => {
    const r = normalizeBaseUrl(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(words);
  });
});

describe('isLocalUrl / originPattern', () => {
  it('local http hosts need no runtime permission', () => {
    expect(isLocalUrl('http://localhost:11434')).toBe(true);
    expect(isLocalUrl('http://127.0.0.1:9')).toBe(true);
    expect(isLocalUrl('https://localhost:11434')).toBe(false);
    expect(isLocalUrl('http://192.168.1.5:11434')).toBe(false);
  });
  it('asks for the host, any port', () => expect(originPattern('http://box.lan:11434/x')).toBe('http://box.lan/*'));
});

describe('normalizeBaseUrl: wildcards', () => {
  it.each([
    'http://*',
    'http://*:11434',
    'http://*.example.com:11434',
    'https://gpu.*.lan',
    'http://a%2Ab.lan', // the parser decodes %2A in a host to *
    'http://a%2ab.lan',
    'http://\uFF0A.example.com', // fullwidth asterisk: IDNA maps it to *
    'http://\uFE61.example.com', // small asterisk, likewise
    'http://box.lan/*',
    'http://box.lan:11434/ollama/*/',
    'http://box.lan/%2A', // stays %2A in a path; a server reads it as *
    'http://box.lan/a%2ab',
    '*',
    'http://localhost:11434/*',
  ])('rejects %j with the wildcard message, whatever else is wrong', (input) => {
    const r = normalizeBaseUrl(input);
    expect(r).toEqual({ ok: false, error: expect.stringContaining('wildcards (*) are not allowed') });
  });

  it('the look-alikes really do become * when parsed (so the check is needed, not decorative)', () => {
    expect(new URL('http://a%2Ab.lan').hostname).toBe('a*b.lan');
    expect(new URL('http://\uFF0A.example.com').hostname).toBe('*.example.com');
  });

  it('a host that merely contains "2a" or an encoded other character is fine', () => {
    expect(normalizeBaseUrl('http://box2a.lan:11434/a%20b')).toEqual({ ok: true, url: 'http://box2a.lan:11434/a%20b' });
  });
});

describe('isLoopbackUrl / insecureWarning', () => {
  it('only localhost, 127.0.0.1 and [::1] are this machine, whatever the scheme', () => {
    for (const u of ['http://localhost:11434', 'https://localhost', 'http://127.0.0.1:9', 'http://[::1]:11434']) expect(isLoopbackUrl(u)).toBe(true);
    for (const u of ['http://192.168.1.5:11434', 'http://127.0.0.2:11434', 'https://gpu.example.com', 'http://localhost.example.com'])
      expect(isLoopbackUrl(u)).toBe(false);
  });

  it('plain http to another host gets the warning; https and local hosts do not', () => {
    expect(insecureWarning('http://192.168.1.5:11434')).toBe(
      'This connection is not encrypted: anyone on the network can read your chats. Use https:// or a local Ollama.',
    );
    expect(insecureWarning('http://gpu.lan/ollama')).toContain('not encrypted');
    expect(insecureWarning('https://gpu.lan')).toBeNull();
    expect(insecureWarning('http://localhost:11434')).toBeNull();
    expect(insecureWarning('http://127.0.0.1:11434')).toBeNull();
    expect(insecureWarning('http://[::1]:11434')).toBeNull();
  });
});

describe('sanitizeSettings: a corrupt stored value falls back field by field', () => {
  const valid = {
    baseUrl: 'https://gpu.lan/ollama',
    connections: [{ id: 'local', name: 'Local', baseUrl: 'https://gpu.lan/ollama', headers: [{ name: 'Authorization', value: 'Bearer t' }] }],
    defaultConnection: 'local',
    defaultModel: 'qwen3:0.6b',
    stallTimeoutMs: 1000,
    firstTokenTimeoutMs: 90_000,
    autoStart: false,
    retryDelayMs: 0,
    selectionLimit: 500,
    customPrompts: [{ id: 'p1', title: 'Fix', template: 'Fix: {selection}' }],
    sendKey: 'ctrl-enter',
    theme: 'dark',
    systemPrompt: 'Be brief.',
    promptPresets: [{ id: 'pirate', name: 'Pirate', text: 'Talk like a pirate.' }],
    parameters: { temperature: 0.5, top_p: 0.9, seed: 3, num_ctx: 4096, keep_alive: '1h' },
    modelParameters: { 'qwen3:0.6b': { temperature: 0.1 } },
  };

  it('a fully valid value is kept as is', () => {
    expect(sanitizeSettings(valid)).toEqual(valid);
  });

  it.each([undefined, null, 'settings', 42, true, [], [valid], () => valid])('not an object (%j) → all defaults', (raw) => {
    expect(sanitizeSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('an empty object or one with only unknown fields → the defaults, unknown fields dropped', () => {
    expect(sanitizeSettings({})).toEqual(DEFAULT_SETTINGS);
    expect(sanitizeSettings({ fontScale: 2, __proto__: { baseUrl: 'http://evil' } })).toEqual(DEFAULT_SETTINGS);
  });

  // The server fields (baseUrl, connections, defaultConnection) hang together: tests/lib/connections.test.ts.
  const bad: Record<Exclude<keyof typeof valid, 'baseUrl' | 'connections' | 'defaultConnection'>, unknown[]> = {
    defaultModel: [null, 0, '', '  ', ['llama3'], { name: 'llama3' }, false],
    stallTimeoutMs: [Number.NaN, null, '60000', -1, 0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 31, 1e20, true, {}],
    firstTokenTimeoutMs: [Number.NaN, null, '300000', -5000, 0, Number.POSITIVE_INFINITY, 2 ** 40, []],
    autoStart: [null, 'true', 'false', 1, 0, {}, Number.NaN],
    retryDelayMs: [Number.NaN, null, '2000', -1, -0.5, Number.POSITIVE_INFINITY, 2 ** 31, false],
    selectionLimit: [Number.NaN, null, '8000', -100, 0, 99, 1_000_001, 12.5, Number.POSITIVE_INFINITY, true],
    customPrompts: [null, 'Fix: {selection}', 42, {}, { 0: { id: 'p', title: 't', template: 'x' } }, true],
    sendKey: [null, 'Enter', 'ctrl+enter', 'shift-enter', 1, true, ['enter'], {}],
    theme: [null, 'Dark', ' dark', 'auto', 'high-contrast', 1, true, ['dark'], { theme: 'dark' }],
    systemPrompt: [null, 42, ['Be brief.'], { text: 'x' }],
    promptPresets: [null, 'Pirate', {}, 3],
    parameters: [null, 'hot', [0.5], 7],
    modelParameters: [null, 'm', [{ temperature: 1 }]],
  };
  const cases = Object.entries(bad).flatMap(([field, values]) => values.map((v) => [field, v] as const));

  it.each(cases)('%s = %j falls back to its default, every other field is kept', (field, value) => {
    const got = sanitizeSettings({ ...valid, [field]: value });
    expect(got).toEqual({ ...valid, [field]: DEFAULT_SETTINGS[field as keyof typeof DEFAULT_SETTINGS] });
  });

  it('every field corrupt at once → exactly the defaults', () => {
    const raw = { ...Object.fromEntries(Object.entries(bad).map(([k, v]) => [k, v[0]])), baseUrl: 'ftp://x', connections: 'all', defaultConnection: 7 };
    expect(sanitizeSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it.each(['system', 'light', 'dark'])('theme %s is kept; none stored means system', (theme) => {
    expect(sanitizeSettings({ theme }).theme).toBe(theme);
    expect(sanitizeSettings({}).theme).toBe('system');
  });

  it('a stored URL is normalised and a model name trimmed, as Settings would have saved them', () => {
    expect(sanitizeSettings({ baseUrl: ' http://127.0.0.1:11435/ ', defaultModel: ' llama3.2 ' })).toMatchObject({
      baseUrl: 'http://127.0.0.1:11435',
      defaultModel: 'llama3.2',
    });
  });

  it('the timer bounds: 1 ms and 2^31-1 ms are valid timeouts, 0 ms is a valid retry delay', () => {
    const got = sanitizeSettings({ stallTimeoutMs: 1, firstTokenTimeoutMs: 2 ** 31 - 1, retryDelayMs: 0, selectionLimit: 100 });
    expect(got).toMatchObject({ stallTimeoutMs: 1, firstTokenTimeoutMs: 2 ** 31 - 1, retryDelayMs: 0, selectionLimit: 100 });
    expect(sanitizeSettings({ selectionLimit: 1_000_000 }).selectionLimit).toBe(1_000_000);
  });

  it('custom prompts: broken entries and repeated ids are dropped, good ones kept in order', () => {
    const good = [
      { id: 'a', title: 'Fix', template: 'Fix: {selection}' },
      { id: 'b', title: 'Tone', template: 'Soften: {selection}' },
    ];
    const raw = [
      null,
      good[0],
      'Fix: {selection}',
      { id: 'x', title: '', template: 'y' },
      { id: 'y', title: 'No template' },
      { id: 7, title: 'Numeric id', template: 'z' },
      { id: 'a', title: 'Same id again', template: 'dup' },
      { ...good[1], extra: '<dropped>' },
      [],
    ];
    expect(sanitizeSettings({ customPrompts: raw }).customPrompts).toEqual(good);
  });
});
