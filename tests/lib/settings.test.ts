import { describe, expect, it } from 'vitest';
import { isLocalUrl, normalizeBaseUrl, originPattern } from '../../lib/settings';

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
